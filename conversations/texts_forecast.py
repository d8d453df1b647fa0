"""What KAVI says about the cash forecast and "can I afford it?", in English and Swahili."""

FORECAST_TEXTS: dict[str, dict[str, str]] = {
    "forecast_header": {
        "en": "📈 Cash forecast, next {days} days (balance today {opening}):",
        "sw": "📈 Utabiri wa pesa, siku {days} zijazo (salio leo {opening}):",
    },
    "forecast_end": {
        "en": "• By {day}: about {mean} (likely {low} to {high})",
        "sw": "• Kufikia {day}: takriban {mean} (huenda {low} hadi {high})",
    },
    "forecast_lowest_today": {"en": "• Lowest: {mean} today", "sw": "• Chini kabisa: {mean} leo"},
    "forecast_lowest": {"en": "• Lowest: {mean} on {day}", "sw": "• Chini kabisa: {mean} tarehe {day}"},
    "forecast_below": {
        "en": "⚠️ Expected to go below zero on {day}.",
        "sw": "⚠️ Salio linatarajiwa kushuka chini ya sifuri tarehe {day}.",
    },
    "forecast_below_threshold": {
        "en": "⚠️ Expected to go below {amount} on {day}.",
        "sw": "⚠️ Salio linatarajiwa kushuka chini ya {amount} tarehe {day}.",
    },
    "forecast_already_below": {
        "en": "⚠️ Your balance is already below {amount}.",
        "sw": "⚠️ Salio lako tayari liko chini ya {amount}.",
    },
    "forecast_back_above": {
        "en": "Expected back above it on {day}.",
        "sw": "Linatarajiwa kurudi juu yake tarehe {day}.",
    },
    "forecast_stays_above": {
        "en": "✅ Expected to stay above {amount} all the way.",
        "sw": "✅ Salio linatarajiwa kubaki juu ya {amount} muda wote.",
    },
    "forecast_fix": {"en": "What would fix it: {items}.", "sw": "Kinachoweza kusaidia: {items}."},
    "forecast_fix_item": {
        "en": "collect {number} ({amount} from {customer}{late})",
        "sw": "kusanya {number} ({amount} kutoka kwa {customer}{late})",
    },
    "forecast_late": {"en": ", {days} days late", "sw": ", siku {days} za kuchelewa"},
    "forecast_invoices": {
        "en": "• Counting {count} open invoice(s): {amount}, weighted by how each customer pays.",
        "sw": "• Nimehesabu ankara {count} ambazo hazijalipwa: {amount}, kulingana na jinsi kila mteja hulipa.",
    },
    "forecast_scheduled": {
        "en": "• Counting your recurring entries: {items}.",
        "sw": "• Nimehesabu rekodi zinazojirudia: {items}.",
    },
    "forecast_scheduled_item": {"en": "{what} {amount} on {day}", "sw": "{what} {amount} tarehe {day}"},
    "forecast_scheduled_more": {"en": " and {count} more", "sw": " na nyingine {count}"},
    "forecast_short": {
        "en": "(From only {days} day(s) of records: it gets better as you record more.)",
        "sw": "(Kutoka siku {days} tu za rekodi: utabiri utaboreka ukirekodi zaidi.)",
    },
    "forecast_empty": {
        "en": "I need a few days of records to forecast your cash. Tell me what you sell and spend, "
        'e.g. "sold 4,500 today" or "paid rent 15k".',
        "sw": "Nahitaji rekodi za siku chache ili kutabiri pesa zako. Niambie unachouza na kutumia, "
        'mfano "nimeuza 4,500 leo" au "nimelipa kodi 15k".',
    },
    "afford_yes": {
        "en": "✅ Yes: after {what} today, your balance should stay above {cushion}; "
        "the lowest would be about {lowest} on {day}.",
        "sw": "✅ Ndiyo: ukinunua {what} leo, salio linatarajiwa kubaki juu ya {cushion}; "
        "chini kabisa takriban {lowest} tarehe {day}.",
    },
    "afford_not_yet": {
        "en": "⏳ Not yet: after {what} today, your balance would fall to about {lowest} ({day}).",
        "sw": "⏳ Bado: ukinunua {what} leo, salio lingeshuka hadi takriban {lowest} ({day}).",
    },
    "afford_better_day": {
        "en": "A better day to buy: {day}.",
        "sw": "Siku bora ya kununua: {day}.",
    },
    "afford_no_day": {
        "en": "No day in the next {days} days leaves enough after it; collecting what customers owe would help.",
        "sw": "Hakuna siku katika siku {days} zijazo inayobakiza pesa za kutosha; kukusanya madeni ya wateja "
        "kutasaidia.",
    },
    "afford_item": {"en": "{item} for ", "sw": "{item} kwa "},
    "afford_nothing_recorded": {"en": "(Nothing was recorded.)", "sw": "(Sijarekodi chochote.)"},
    "afford_ask_amount": {
        "en": "How much does it cost? I'll check it against your cash forecast.",
        "sw": "Inagharimu kiasi gani? Nitaangalia kwa utabiri wa pesa zako.",
    },
}
