"""What the USSD menu says, in English and Swahili. Plain ASCII and short: feature phones show 182
characters a screen, and the networks garble anything fancier (no emoji, no dashes, no bullets)."""

TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "KAVI {business}", "sw": "KAVI {business}"},
    "menu": {
        "en": "1 Record sale\n2 Record expense\n3 Today\n4 This month\n5 Balance\n6 Unpaid invoices\n"
        "7 Last 5 entries\n8 Undo last entry\n9 Language/Lugha",
        "sw": "1 Rekodi mauzo\n2 Rekodi matumizi\n3 Leo\n4 Mwezi huu\n5 Salio\n6 Ankara zisizolipwa\n"
        "7 Rekodi 5 za mwisho\n8 Futa ya mwisho\n9 Lugha/Language",
    },
    "nav": {"en": "0 Back 00 Home", "sw": "0 Rudi 00 Mwanzo"},
    "choose_menu": {"en": "Choose 1-9.", "sw": "Chagua 1-9."},
    "choose_back": {"en": "Reply 0 to go back.", "sw": "Jibu 0 kurudi."},
    "choose_yes_no": {"en": "Please choose 1 or 2.", "sw": "Tafadhali chagua 1 au 2."},
    "choose_category": {"en": "Choose 1-{count}.", "sw": "Chagua 1-{count}."},
    "ask_amount_sale": {"en": "Amount of the sale?\ne.g. 1500 or 1.5k", "sw": "Kiasi cha mauzo?\nmfano 1500 au 1.5k"},
    "ask_amount_expense": {"en": "Amount spent?\ne.g. 1500 or 1.5k", "sw": "Kiasi ulichotumia?\nmfano 1500 au 1.5k"},
    "not_amount": {"en": "Sorry, that is not an amount.", "sw": "Samahani, hicho si kiasi."},
    "amount_not_positive": {"en": "The amount must be more than 0.", "sw": "Kiasi kiwe zaidi ya 0."},
    "amount_too_large": {"en": "That is too big (most: {limit}).", "sw": "Kiasi ni kikubwa mno (juu: {limit})."},
    "amount_too_precise": {"en": "Use at most 2 decimals.", "sw": "Tumia desimali 2 tu."},
    "ask_category": {"en": "{amount} spent on:", "sw": "{amount} kwa ajili ya:"},
    "confirm_sale": {"en": "Record sale {amount}?", "sw": "Rekodi mauzo {amount}?"},
    "confirm_expense": {"en": "Record expense {amount} {category}?", "sw": "Rekodi matumizi {amount} {category}?"},
    "yes_no": {"en": "1 Yes 2 No", "sw": "1 Ndiyo 2 Hapana"},
    "recorded_sale": {"en": "Recorded sale {amount}, {day}.", "sw": "Mauzo {amount} yamerekodiwa, {day}."},
    "recorded_expense": {
        "en": "Recorded expense {amount} {category}, {day}.",
        "sw": "Matumizi {amount} {category} yamerekodiwa, {day}.",
    },
    "undo_hint": {"en": "To undo it, dial again and choose 8.", "sw": "Kuifuta, piga tena uchague 8."},
    "not_recorded": {"en": "OK, nothing was recorded.", "sw": "Sawa, hakuna kilichorekodiwa."},
    "refused": {
        "en": "Your role ({role}) can't do that. Ask an admin of {business}.",
        "sw": "Nafasi yako ({role}) hairuhusu hilo. Muulize msimamizi wa {business}.",
    },
    "today_head": {"en": "Today ({day}):", "sw": "Leo ({day}):"},
    "month_head": {"en": "This month ({start}-{end}):", "sw": "Mwezi huu ({start}-{end}):"},
    "money_in": {"en": "In {amount}", "sw": "Mapato {amount}"},
    "money_out": {"en": "Out {amount}", "sw": "Matumizi {amount}"},
    "profit": {"en": "Profit {amount}", "sw": "Faida {amount}"},
    "loss": {"en": "Loss {amount}", "sw": "Hasara {amount}"},
    "nothing_yet": {"en": "Nothing recorded yet.", "sw": "Hakuna kilichorekodiwa bado."},
    "balance": {"en": "Balance {day}: {amount}", "sw": "Salio {day}: {amount}"},
    "invoices_none": {"en": "No unpaid invoices.", "sw": "Hakuna ankara zisizolipwa."},
    "invoices_head": {"en": "{count} unpaid, {total} owed:", "sw": "{count} hazijalipwa, {total} zinadaiwa:"},
    "invoices_more": {"en": "+{count} more", "sw": "+{count} zaidi"},
    "late": {"en": "late", "sw": "imechelewa"},
    "entries_head": {"en": "Last entries:", "sw": "Rekodi za mwisho:"},
    "entries_none": {"en": "No entries yet.", "sw": "Hakuna rekodi bado."},
    "undo_confirm": {
        "en": "Remove {kind} {amount} {category}, {day}?",
        "sw": "Futa {kind} {amount} {category}, {day}?",
    },
    "nothing_to_undo": {"en": "You have no entry to undo.", "sw": "Huna rekodi ya kufuta."},
    "undone": {"en": "Removed {kind} {amount} {category}.", "sw": "Imefutwa: {kind} {amount} {category}."},
    "unapplied": {"en": "Taken off {numbers}.", "sw": "Imeondolewa kwenye {numbers}."},
    "not_undone": {"en": "OK, nothing was removed.", "sw": "Sawa, hakuna kilichofutwa."},
    "income": {"en": "income", "sw": "mapato"},
    "expense": {"en": "expense", "sw": "matumizi"},
    "transfer": {"en": "transfer", "sw": "uhamisho"},
    "language_menu": {"en": "1 English\n2 Kiswahili", "sw": "1 English\n2 Kiswahili"},
    "language_set": {"en": "Language: English.", "sw": "Lugha: Kiswahili."},
    "over": {"en": "This session is over. Please dial again.", "sw": "Kipindi kimeisha. Tafadhali piga tena."},
    "failed": {
        "en": "Sorry, something went wrong. Please dial again.",
        "sw": "Samahani, kuna hitilafu. Tafadhali piga tena.",
    },
    # Someone KAVI has never met: their language is unknown, so both.
    "stranger": {
        "en": 'Welcome to KAVI! First send "hi" by SMS or WhatsApp to set up your books, then dial again.\n'
        'Karibu! Tuma "hi" kwa SMS au WhatsApp kwanza.',
        "sw": 'Welcome to KAVI! First send "hi" by SMS or WhatsApp to set up your books, then dial again.\n'
        'Karibu! Tuma "hi" kwa SMS au WhatsApp kwanza.',
    },
}


def u(key: str, lang: str, **values: object) -> str:
    table = TEXTS[key]
    return table.get(lang, table["en"]).format(**values)
