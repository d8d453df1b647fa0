"""What KAVI says about customers, suppliers, invoices and payments, in English and Swahili."""

PAID_TEXTS: dict[str, dict[str, str]] = {
    "customer_added": {
        "en": "✅ Added customer {name}{phone}.",
        "sw": "✅ Mteja {name}{phone} ameongezwa.",
    },
    "customer_exists": {
        "en": "{name}{phone} is already one of your customers.",
        "sw": "{name}{phone} tayari ni mteja wako.",
    },
    "customer_phone_updated": {
        "en": "✅ Saved {phone} for {name}.",
        "sw": "✅ Nimehifadhi {phone} kwa {name}.",
    },
    "customer_is_this": {
        "en": "Is this {name}{phone}?",
        "sw": "Je, ni {name}{phone}?",
    },
    "same_customer": {"en": "Yes, same person", "sw": "Ndiyo, ni yeye"},
    "new_customer": {"en": "No, a new customer", "sw": "Hapana, mteja mpya"},
    "supplier_added": {
        "en": "✅ Added supplier {name}{phone}.",
        "sw": "✅ Msambazaji {name}{phone} ameongezwa.",
    },
    "supplier_exists": {
        "en": "{name} is already one of your suppliers.",
        "sw": "{name} tayari ni msambazaji wako.",
    },
    "invoice_needs_customer": {
        "en": 'Who is the invoice for? e.g. "invoice Otieno 3 bags of cement at 750".',
        "sw": 'Ankara ni ya nani? Mfano "ankara Otieno mifuko 3 ya simenti kwa 750".',
    },
    "invoice_needs_amount": {
        "en": 'What is the invoice for? Give items or a total, e.g. "invoice {name} 5,000" or '
        '"invoice {name} 3 bags of cement at 750".',
        "sw": 'Ankara ni ya nini? Taja bidhaa au jumla, mfano "ankara {name} 5,000".',
    },
    "invoice_created": {
        "en": "🧾 {number} for {customer}: {total}{vat}, due {due}.\nForward the PDF to {first}{link}",
        "sw": "🧾 {number} kwa {customer}: {total}{vat}, tarehe ya mwisho {due}.\nTuma PDF hii kwa {first}{link}",
    },
    "invoice_foreign_total": {
        "en": "{said} ({home} at 1 {currency} = {rate})",
        "sw": "{said} ({home} kwa {currency} 1 = {rate})",
    },
    "invoice_vat": {"en": " (incl. VAT {tax})", "sw": " (pamoja na VAT {tax})"},
    "invoice_link": {"en": ", or share this link: {url}", "sw": ", au tuma kiungo hiki: {url}"},
    "invoice_credit_used": {
        "en": "\n{credit} of {first}'s credit was applied; {owed} left to pay.",
        "sw": "\n{credit} ya salio la {first} imetumika; bado {owed}.",
    },
    "request_button": {"en": "Request via M-Pesa", "sw": "Omba kupitia M-Pesa"},
    "remind_button": {"en": "Remind", "sw": "Kumbusha"},
    "invoices_none": {
        "en": "No {which} invoices{who}. 👍",
        "sw": "Hakuna ankara {which}{who}. 👍",
    },
    "invoices_header": {
        "en": "🧾 {count} {which} invoice(s){who}, {total} owed:",
        "sw": "🧾 Ankara {count} {which}{who}, jumla {total}:",
    },
    "invoices_header_paid": {
        "en": "🧾 {count} {which} invoice(s){who}, {total} in all:",
        "sw": "🧾 Ankara {count} {which}{who}, jumla {total}:",
    },
    "invoices_more": {"en": "…and {count} more.", "sw": "…na nyingine {count}."},
    "which_unpaid": {"en": "unpaid", "sw": "ambazo hazijalipwa"},
    "which_overdue": {"en": "overdue", "sw": "zilizopita muda"},
    "which_paid": {"en": "paid", "sw": "zilizolipwa"},
    "which_all": {"en": "", "sw": ""},
    "state_draft": {"en": "draft", "sw": "rasimu"},
    "state_sent": {"en": "due {due}", "sw": "mwisho {due}"},
    "state_partial": {"en": "part paid, due {due}", "sw": "imelipwa sehemu, mwisho {due}"},
    "state_overdue": {"en": "⚠️ overdue {days} day(s)", "sw": "⚠️ imechelewa siku {days}"},
    "state_paid": {"en": "✅ paid", "sw": "✅ imelipwa"},
    "state_cancelled": {"en": "cancelled", "sw": "imefutwa"},
    "invoice_not_found": {
        "en": 'I can\'t find invoice {number}. Say "unpaid invoices" to see them.',
        "sw": 'Sioni ankara {number}. Sema "ankara ambazo hazijalipwa" kuziona.',
    },
    "customer_not_found": {
        "en": 'I don\'t have a customer called {name}. Add them: "add customer {name} 07…".',
        "sw": 'Sina mteja anayeitwa {name}. Mwongeze: "ongeza mteja {name} 07…".',
    },
    "payment_needs_amount": {
        "en": 'How much did {name} pay? e.g. "{name} paid 2,000".',
        "sw": '{name} amelipa kiasi gani? Mfano "{name} amelipa 2,000".',
    },
    "payment_recorded": {
        "en": "✅ {amount} from {customer} recorded{code}.",
        "sw": "✅ {amount} kutoka kwa {customer} imerekodiwa{code}.",
    },
    "payment_applied": {
        "en": "• {number}: {amount} → {state}",
        "sw": "• {number}: {amount} → {state}",
    },
    "payment_left": {"en": "{owed} still owed", "sw": "bado {owed}"},
    "payment_settled": {"en": "paid in full 🎉", "sw": "imelipwa yote 🎉"},
    "payment_credit": {
        "en": "{credit} kept as credit for {customer}'s next invoice.",
        "sw": "{credit} imewekwa kama salio kwa ankara ijayo ya {customer}.",
    },
    "payment_no_invoice": {
        "en": "{customer} has no open invoice: kept as credit on account.",
        "sw": "{customer} hana ankara iliyo wazi: imewekwa kama salio.",
    },
    "payment_duplicate": {
        "en": "That payment ({code}) is already recorded.",
        "sw": "Malipo hayo ({code}) yamesharekodiwa.",
    },
    "match_question": {
        "en": "💰 {amount} from {payer} — for {number} ({customer}, {balance})?\nWhy I think so: {reason}.",
        "sw": "💰 {amount} kutoka kwa {payer} — ni ya {number} ({customer}, {balance})?\nKwa nini: {reason}.",
    },
    "match_yes": {"en": "Yes", "sw": "Ndiyo"},
    "match_another": {"en": "Another invoice", "sw": "Ankara nyingine"},
    "match_none": {"en": "Not an invoice", "sw": "Si ya ankara"},
    "match_which": {
        "en": 'Which invoice is it for? Send its number, e.g. "INV-0007".',
        "sw": 'Ni ya ankara gani? Tuma namba yake, mfano "INV-0007".',
    },
    "match_ignored": {
        "en": "OK — {amount} from {payer} stays as ordinary income, not against an invoice.",
        "sw": "Sawa — {amount} kutoka kwa {payer} ni mapato ya kawaida, si ya ankara.",
    },
    "match_learned": {
        "en": "Got it. Next time {payer} pays, I'll match it myself.",
        "sw": "Nimeelewa. Wakati ujao {payer} akilipa, nitalinganisha mwenyewe.",
    },
    "paid_auto": {
        "en": "💰 {amount} from {payer} via M-Pesa{code}, matched to {numbers} ({reason}).",
        "sw": "💰 {amount} kutoka kwa {payer} kupitia M-Pesa{code}, imelinganishwa na {numbers} ({reason}).",
    },
    "paid_unmatched": {
        "en": "💰 {amount} from {payer} via M-Pesa{code}. Recorded as income; it matches no open invoice.",
        "sw": "💰 {amount} kutoka kwa {payer} kupitia M-Pesa{code}. Imerekodiwa kama mapato; haina ankara.",
    },
    "stk_sent": {
        "en": "📲 Sent an M-Pesa request of {amount} to {customer} ({phone}){for_invoice}. "
        "I'll tell you when they pay.",
        "sw": "📲 Nimetuma ombi la M-Pesa la {amount} kwa {customer} ({phone}){for_invoice}. Nitakujulisha wakilipa.",
    },
    "stk_for": {"en": " for {number}", "sw": " kwa {number}"},
    "stk_unavailable": {
        "en": "M-Pesa requests are not set up yet: they need your Daraja keys (DARAJA_CONSUMER_KEY, "
        "DARAJA_CONSUMER_SECRET, DARAJA_SHORTCODE, DARAJA_PASSKEY) and KAVI_PUBLIC_URL.",
        "sw": "Maombi ya M-Pesa bado hayajawekwa: yanahitaji funguo za Daraja na KAVI_PUBLIC_URL.",
    },
    "stk_failed_to_send": {
        "en": "M-Pesa did not accept the request ({why}). Try again in a minute.",
        "sw": "M-Pesa haikukubali ombi ({why}). Jaribu tena baada ya dakika moja.",
    },
    "needs_phone": {
        "en": "I need {name}'s phone number first: \"{name}'s number is 07…\".",
        "sw": 'Nahitaji namba ya simu ya {name} kwanza: "namba ya {name} ni 07…".',
    },
    "nothing_owed": {
        "en": "{name} owes nothing right now. 👍",
        "sw": "{name} hadaiwi chochote sasa. 👍",
    },
    "stk_paid": {
        "en": "💰 {customer} paid {amount} by M-Pesa ({code}) for {number}. {state}",
        "sw": "💰 {customer} amelipa {amount} kwa M-Pesa ({code}) kwa {number}. {state}",
    },
    "stk_failed": {
        "en": "❌ The M-Pesa request of {amount} to {customer} did not go through: {why}.",
        "sw": "❌ Ombi la M-Pesa la {amount} kwa {customer} halikufaulu: {why}.",
    },
    "stk_1": {"en": "not enough money in their M-Pesa", "sw": "hawana pesa za kutosha kwenye M-Pesa"},
    "stk_1032": {"en": "they cancelled it", "sw": "wamelikataa"},
    "stk_1037": {"en": "their phone did not answer in time", "sw": "simu yao haikujibu kwa wakati"},
    "stk_2001": {"en": "they entered a wrong PIN", "sw": "waliweka PIN isiyo sahihi"},
    "stk_1001": {
        "en": "another M-Pesa payment was in progress on their phone",
        "sw": "malipo mengine yalikuwa yakiendelea",
    },
    "stk_1019": {"en": "the request expired", "sw": "ombi liliisha muda"},
    "stk_other": {"en": "M-Pesa error {code}", "sw": "hitilafu ya M-Pesa {code}"},
    "reminder_queued": {
        "en": "📨 Reminder on its way to {customer} ({phone}) for {numbers}: {total}.\nIt says:\n{text}",
        "sw": "📨 Ukumbusho unatumwa kwa {customer} ({phone}) kwa {numbers}: {total}.\nUnasema:\n{text}",
    },
    "reminder_to_forward": {
        "en": "I can't message customers from here yet (no WhatsApp or SMS is connected), so nothing was sent. "
        "Here is the reminder for {customer}, ready to forward:\n\n{text}{link}",
        "sw": "Bado siwezi kutuma ujumbe kwa wateja kutoka hapa (WhatsApp au SMS haijaunganishwa), kwa hiyo "
        "hakuna kilichotumwa. Huu hapa ukumbusho wa {customer}, tayari kutuma:\n\n{text}{link}",
    },
    "customers_header": {
        "en": "👥 {count} customer(s); together they owe {total}:",
        "sw": "👥 Wateja {count}; kwa jumla wanadaiwa {total}:",
    },
    "customers_header_owing": {
        "en": "👥 {count} customer(s) owe you {total}:",
        "sw": "👥 Wateja {count} wanadaiwa {total}:",
    },
    "customer_owes": {"en": " — owes {amount}", "sw": " — anadaiwa {amount}"},
    "customers_more": {"en": "…and {count} more.", "sw": "…na wengine {count}."},
    "customers_none": {
        "en": 'No customers yet. Add one: "add customer Jane 0712 345 678".',
        "sw": 'Bado hakuna wateja. Ongeza: "ongeza mteja Jane 0712 345 678".',
    },
    "customers_none_owing": {"en": "Nobody owes you anything right now. 🎉", "sw": "Hakuna anayekudai kwa sasa. 🎉"},
    "reminder_failed": {
        "en": "⚠️ The reminder to {customer} could not be sent. Here it is to forward yourself:\n\n{text}",
        "sw": "⚠️ Ukumbusho kwa {customer} haukuweza kutumwa. Huu hapa, utume mwenyewe:\n\n{text}",
    },
    "reminder_wa_link": {"en": "\nSend it on WhatsApp: {url}", "sw": "\nTuma kwa WhatsApp: {url}"},
    "reminder_already": {
        "en": "{customer} was already reminded today about {numbers}. One reminder a day is enough. 🙂",
        "sw": "{customer} amekumbushwa leo kuhusu {numbers}. Ukumbusho mmoja kwa siku unatosha. 🙂",
    },
    "reminder_text": {
        "en": "Hello {first}, a friendly reminder from {business}: {numbers} for {total} {due_words}. "
        "{how}{link}Thank you!",
        "sw": "Habari {first}, ukumbusho kutoka {business}: {numbers} ya {total} {due_words}. {how}{link}Asante!",
    },
    "reminder_due": {"en": "is due on {due}", "sw": "inatakiwa kulipwa {due}"},
    "reminder_overdue": {"en": "was due on {due}", "sw": "ilitakiwa kulipwa {due}"},
    "how_paybill": {
        "en": "Pay by M-PESA Paybill {paybill}, account {account}. ",
        "sw": "Lipa kwa M-PESA Paybill {paybill}, akaunti {account}. ",
    },
    "how_till": {"en": "Pay by M-PESA Till {till}. ", "sw": "Lipa kwa M-PESA Till {till}. "},
    "reminder_link": {"en": "Invoice: {url} ", "sw": "Ankara: {url} "},
    "credit_note_done": {
        "en": "✅ {note} credits {amount} against {number} (now: {state}).",
        "sw": "✅ {note} inapunguza {amount} kwenye {number} (sasa: {state}).",
    },
    "invoice_closed": {
        "en": "{number} is already {state}: nothing to credit.",
        "sw": "{number} tayari {state}: hakuna cha kupunguza.",
    },
    "customer_summary": {
        "en": "👤 {name}{phone}\nInvoices: {invoices} ({open} open) · invoiced {invoiced}, paid {paid}\n"
        "Owes: {owed}{credit}{days}",
        "sw": "👤 {name}{phone}\nAnkara: {invoices} ({open} wazi) · jumla {invoiced}, imelipwa {paid}\n"
        "Anadaiwa: {owed}{credit}{days}",
    },
    "customer_credit": {"en": " · credit {credit}", "sw": " · salio {credit}"},
    "customer_days": {
        "en": "\nPays on average {days} day(s) after the invoice.",
        "sw": "\nHulipa baada ya siku {days}.",
    },
    "statement_imported": {
        "en": "📄 Statement read: {rows} rows. {new} new entries ({income} in, {expenses} out), {dupes} already "
        "recorded.{matched}",
        "sw": "📄 Taarifa imesomwa: safu {rows}. Mpya {new} ({income} mapato, {expenses} matumizi), {dupes} "
        "zilikuwepo.{matched}",
    },
    "statement_matched": {
        "en": "\n{count} payment(s) matched to invoices, {asked} to check.",
        "sw": "\nMalipo {count} yamelinganishwa na ankara, {asked} ya kuangalia.",
    },
    "statement_unreadable": {
        "en": "I couldn't read that file as an M-PESA statement ({why}). Send the CSV export of your statement.",
        "sw": "Sikuweza kusoma faili hiyo kama taarifa ya M-PESA ({why}). Tuma CSV ya taarifa yako.",
    },
    "supplier_noted": {
        "en": "📦 Noted: {name} {what}. Reliability {score}/100 ({on_time} on time, {late} late, {disputes} "
        "dispute(s)); spent with them: {spent}.",
        "sw": "📦 Nimeandika: {name} {what}. Uaminifu {score}/100 (kwa wakati {on_time}, kuchelewa {late}, "
        "mizozo {disputes}); matumizi kwao: {spent}.",
    },
    "delivery_on_time": {"en": "delivered on time", "sw": "walileta kwa wakati"},
    "delivery_late": {"en": "delivered late", "sw": "walichelewa kuleta"},
    "delivery_dispute": {"en": "— a dispute", "sw": "— mzozo"},
    "payment_unapplied": {
        "en": "The payment is off {numbers} again.",
        "sw": "Malipo yameondolewa kwenye {numbers}.",
    },
    "settings_saved": {
        "en": "✅ Saved. Your invoices now show:\n{details}",
        "sw": "✅ Imehifadhiwa. Ankara zako sasa zinaonyesha:\n{details}",
    },
    "settings_paybill": {
        "en": "• M-PESA Paybill {value} (account: the invoice number)",
        "sw": "• M-PESA Paybill {value} (akaunti: namba ya ankara)",
    },
    "settings_till": {"en": "• M-PESA Till {value}", "sw": "• M-PESA Till {value}"},
    "settings_pin": {"en": "• KRA PIN {value}", "sw": "• KRA PIN {value}"},
    "settings_due": {
        "en": "• Due {days} days after the invoice date",
        "sw": "• Kulipwa siku {days} baada ya tarehe ya ankara",
    },
}
