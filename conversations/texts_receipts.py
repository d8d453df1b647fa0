"""What KAVI says about receipt photos, in English and Swahili."""

RECEIPT_TEXTS: dict[str, dict[str, str]] = {
    "receipt_proposed": {
        "en": "🧾 {amount} at {merchant}, {day} — {category}?\nNothing is recorded until you tap Record.",
        "sw": "🧾 {amount} kwa {merchant}, {day} — {category}?\nSitarekodi chochote hadi ubonyeze Rekodi.",
    },
    "receipt_proposed_no_merchant": {
        "en": "🧾 A receipt for {amount}, {day} — {category}?\nNothing is recorded until you tap Record.",
        "sw": "🧾 Risiti ya {amount}, {day} — {category}?\nSitarekodi chochote hadi ubonyeze Rekodi.",
    },
    "receipt_record": {"en": "Record", "sw": "Rekodi"},
    "receipt_change": {"en": "Change", "sw": "Badilisha"},
    "receipt_cancel": {"en": "Cancel", "sw": "Ghairi"},
    "receipt_ask_total": {
        "en": "🧾 I read a receipt{from_merchant}{on_day}, but I can't be sure of its total{guess}. How much was it?",
        "sw": "🧾 Nimesoma risiti{from_merchant}{on_day}, lakini sina uhakika wa jumla yake{guess}. "
        "Ilikuwa shilingi ngapi?",
    },
    "receipt_guess": {"en": " (it looks like {amount})", "sw": " (inaonekana ni {amount})"},
    "receipt_from": {"en": " from {merchant}", "sw": " ya {merchant}"},
    "receipt_on": {"en": " dated {day}", "sw": " ya tarehe {day}"},
    "receipt_what_change": {
        "en": 'What should change? Send the right amount, day or category — e.g. "2,500", "yesterday", "fuel".',
        "sw": 'Nibadilishe nini? Tuma kiasi, siku au aina sahihi — mfano "2,500", "jana", "mafuta".',
    },
    "receipt_not_understood": {
        "en": 'I didn\'t catch that. Send an amount ("2,500"), a day ("28 Nov") or a category ("stock").',
        "sw": 'Sijaelewa. Tuma kiasi ("2,500"), siku ("28 Nov") au aina ("bidhaa").',
    },
    "receipt_cancelled": {
        "en": "OK — nothing recorded, and the photo is deleted.",
        "sw": "Sawa — sijarekodi chochote, na picha imefutwa.",
    },
    "receipt_already": {
        "en": "🧾 I've seen this receipt before: it's recorded as {amount} for {category}, {day}.",
        "sw": "🧾 Risiti hii nimeshaiona: imerekodiwa kama {amount} kwa {category}, {day}.",
    },
    "receipt_unreadable": {
        "en": "📷 I couldn't open that picture. Send a clear photo of the receipt (JPEG or PNG) or a PDF.",
        "sw": "📷 Sikuweza kufungua picha hiyo. Tuma picha safi ya risiti (JPEG au PNG) au PDF.",
    },
    "receipt_off": {
        "en": '📷 I got your picture, but reading receipts isn\'t set up here — type the amount, e.g. "stock 4,500".',
        "sw": '📷 Nimepokea picha yako, lakini kusoma risiti hakujawekwa hapa — andika kiasi, mfano "bidhaa 4,500".',
    },
    "receipt_nothing": {
        "en": "📷 I couldn't find any writing on that picture. Is it a receipt? Try a sharper photo, "
        'flat and in good light — or type it, e.g. "stock 4,500".',
        "sw": "📷 Sikuona maandishi kwenye picha hiyo. Ni risiti? Jaribu picha safi zaidi, ikiwa tambarare "
        'na kwenye mwanga — au iandike, mfano "bidhaa 4,500".',
    },
    "receipt_prompt": {
        "en": "🧾 Send me a photo of a receipt (or its PDF) and I'll read the total, day and shop for you to confirm.",
        "sw": "🧾 Nitumie picha ya risiti (au PDF yake) nitasoma jumla, siku na duka, kisha uthibitishe.",
    },
    "receipt_kept": {"en": "🧾 Receipt kept with the entry.", "sw": "🧾 Risiti imehifadhiwa na rekodi."},
}
