"""Everything KAVI says, in English and Swahili. Short, friendly, one idea per message."""

from conversations.texts_budgets import BUDGET_TEXTS
from conversations.texts_charts import CHART_TEXTS
from conversations.texts_checks import CHECK_TEXTS
from conversations.texts_credit import CREDIT_TEXTS
from conversations.texts_forecast import FORECAST_TEXTS
from conversations.texts_nudges import NUDGE_TEXTS
from conversations.texts_paid import PAID_TEXTS
from conversations.texts_receipts import RECEIPT_TEXTS
from conversations.texts_team import DATA_TEXTS, TEAM_TEXTS
from conversations.texts_voice import VOICE_TEXTS

TEXTS: dict[str, dict[str, str]] = {
    "welcome": {
        "en": "Karibu! 👋 I'm KAVI, your money assistant. I keep your business books right here in chat.\n"
        "What's your business called?",
        "sw": "Karibu! 👋 Mimi ni KAVI, msaidizi wako wa pesa. Ninaweka hesabu za biashara yako hapa hapa.\n"
        "Biashara yako inaitwa nani?",
    },
    "ask_name_after": {
        "en": "👋 Welcome to KAVI! What's your business called? (Or just keep going.)",
        "sw": "👋 Karibu KAVI! Biashara yako inaitwa nani? (Au endelea tu.)",
    },
    "named": {
        "en": 'Great — {name} is ready! ✅\nTry: "paid rent 15k", "sold 4,500 today" or '
        '"how much did I spend this month?"',
        "sw": 'Safi — {name} iko tayari! ✅\nJaribu: "nimelipa kodi 15k", "nimeuza 4,500 leo" au '
        '"nimetumia ngapi mwezi huu?"',
    },
    "greeting": {
        "en": "Hi{name}! 👋 I'm KAVI, keeping the books for {business}. Tell me what you spent or sold, "
        'e.g. "paid rent 15k" or "sold 4,500".',
        "sw": "Habari{name}! 👋 Mimi ni KAVI, ninaweka hesabu za {business}. Niambie ulichotumia au "
        'ulichouza, mfano "nimelipa kodi 15k" au "nimeuza 4,500".',
    },
    "help": {"en": "Here's what I can do:\n{lines}{coming}", "sw": "Haya ndiyo ninayoweza:\n{lines}{coming}"},
    "help_coming": {"en": "\n\nComing soon: {features}.", "sw": "\n\nInakuja hivi karibuni: {features}."},
    "unknown": {
        "en": "Sorry, I didn't get that. 🙏 You can say things like:\n"
        "• paid rent 15k\n• sold 4,500 today\n• how much did I spend this month?\n• undo",
        "sw": "Samahani, sijaelewa. 🙏 Unaweza kusema kama:\n"
        "• nimelipa kodi 15k\n• nimeuza 4,500 leo\n• nimetumia ngapi mwezi huu?\n• futa",
    },
    "thanks": {
        "en": "Karibu! 🙏 I'm here whenever you need me.",
        "sw": "Karibu sana! 🙏 Niko hapa wakati wowote.",
    },
    "recorded_expense": {
        "en": "✅ Recorded expense: {amount} for {category}{who}, {day}.\n"
        'Reply "undo" to remove it, or correct me: "no, it was 1,500".',
        "sw": "✅ Nimerekodi matumizi: {amount} ya {category}{who}, {day}.\n"
        'Jibu "futa" kuiondoa, au nirekebishe: "hapana, ilikuwa 1,500".',
    },
    "recorded_income": {
        "en": "✅ Recorded income: {amount} from {category}{who}, {day}.\n"
        'Reply "undo" to remove it, or correct me: "no, it was 1,500".',
        "sw": "✅ Nimerekodi mapato: {amount} ya {category}{who}, {day}.\n"
        'Jibu "futa" kuiondoa, au nirekebishe: "hapana, ilikuwa 1,500".',
    },
    "recorded_not_earned": {
        "en": "✅ Recorded money in: {amount}, {category}{who}, {day}. It adds to your balance but is not "
        'counted as income.\nReply "undo" to remove it, or correct me: "no, it was 1,500".',
        "sw": "✅ Nimerekodi pesa zilizoingia: {amount}, {category}{who}, {day}. Zinaongeza salio lako lakini "
        'hazihesabiwi kama mapato.\nJibu "futa" kuiondoa, au nirekebishe: "hapana, ilikuwa 1,500".',
    },
    "phone_linked": {
        "en": "📱 Thanks! {phone} is now linked to your account, so WhatsApp and SMS reach the same books.",
        "sw": "📱 Asante! {phone} sasa imeunganishwa na akaunti yako, WhatsApp na SMS zinafika kwenye hesabu zilezile.",
    },
    "attachment_image": {
        "en": '📷 I got your picture, but I can\'t read receipts yet — please type the amount, e.g. "stock 4,500".',
        "sw": "📷 Nimepokea picha yako, lakini bado siwezi kusoma risiti — tafadhali andika kiasi, "
        'mfano "bidhaa 4,500".',
    },
    "attachment_document": {
        "en": "📄 I got your file, but I can't read documents yet. You can paste M-PESA messages as text.",
        "sw": "📄 Nimepokea faili lako, lakini bado siwezi kusoma nyaraka. "
        "Unaweza kubandika jumbe za M-PESA kama maandishi.",
    },
    "attachment_too_big": {
        "en": "That file is too big for me (over {limit} MB). Please send something smaller.",
        "sw": "Faili hilo ni kubwa mno (zaidi ya MB {limit}). Tafadhali tuma kitu kidogo zaidi.",
    },
    "gemini_fallback": {
        "en": "(My AI helper isn't reachable right now, so here's my quick answer.)",
        "sw": "(Msaidizi wangu wa AI hapatikani sasa hivi, kwa hiyo hili ni jibu langu la haraka.)",
    },
    "recorded_transfer": {
        "en": "🔁 Recorded transfer: {amount} from {source} to {target}, {day}.\n"
        'Transfers between your own accounts don\'t count as income or expenses. Reply "undo" to remove it.',
        "sw": "🔁 Nimerekodi uhamisho: {amount} kutoka {source} kwenda {target}, {day}.\n"
        'Uhamisho kati ya akaunti zako si mapato wala matumizi. Jibu "futa" kuiondoa.',
    },
    "reference": {"en": "[M-PESA {reference}]", "sw": "[M-PESA {reference}]"},
    "fee_recorded": {
        "en": "Transaction cost {amount} recorded as fees.",
        "sw": "Gharama ya muamala {amount} imerekodiwa kama ada.",
    },
    "already_recorded": {
        "en": "Already recorded on {day}: {kind} {amount}{who} (M-PESA {reference}). I didn't record it twice.",
        "sw": "Tayari imerekodiwa {day}: {kind} {amount}{who} (M-PESA {reference}). Sijairekodi mara mbili.",
    },
    "recorded_several": {
        "en": "✅ {count} of {total} M-PESA messages recorded:",
        "sw": "✅ Jumbe {count} kati ya {total} za M-PESA zimerekodiwa:",
    },
    "edited": {
        "en": '✏️ Fixed: {changes}.\nNow: {kind} {amount} for {category}{who}, {day}. Reply "undo" to remove it.',
        "sw": '✏️ Nimerekebisha: {changes}.\nSasa: {kind} {amount} ya {category}{who}, {day}. Jibu "futa" kuiondoa.',
    },
    "edit_nothing_changed": {
        "en": "Nothing to change: it already says {kind} {amount} for {category}{who}, {day}.",
        "sw": "Hakuna cha kubadilisha: tayari inasema {kind} {amount} ya {category}{who}, {day}.",
    },
    "changed_amount": {"en": "amount {old} → {new}", "sw": "kiasi {old} → {new}"},
    "changed_kind": {"en": "{old} → {new}", "sw": "{old} → {new}"},
    "changed_category": {"en": "category {old} → {new}", "sw": "aina {old} → {new}"},
    "changed_date": {"en": "date {old} → {new}", "sw": "tarehe {old} → {new}"},
    "changed_counterparty": {"en": "who {old} → {new}", "sw": "nani {old} → {new}"},
    "draft_dropped": {
        "en": "OK, I dropped that — nothing was recorded, and your earlier entries are as they were.",
        "sw": "Sawa, nimeacha hilo — hakuna kilichorekodiwa, na rekodi zako za awali ziko vilevile.",
    },
    "that_feature": {"en": "That", "sw": "Hilo"},
    "mpesa_nothing_moved": {
        "en": "ℹ️ That M-PESA message moved no money (a failed transaction or a notice), so I recorded nothing.",
        "sw": "ℹ️ Ujumbe huo wa M-PESA haukuhamisha pesa (muamala ulioshindwa au taarifa), kwa hiyo sijarekodi kitu.",
    },
    "question_closed": {
        "en": "That button belongs to an earlier question that is already closed. Tell me again what you need.",
        "sw": "Kitufe hicho ni cha swali la awali ambalo limeshafungwa. Niambie tena unachohitaji.",
    },
    "undone": {
        "en": '↩️ Removed: {kind} {amount} for {category}, {day}. Say "redo" to bring it back.',
        "sw": '↩️ Nimeondoa: {kind} {amount} ya {category}, {day}. Sema "rudisha hiyo" kuirudisha.',
    },
    "redone": {
        "en": "🔁 Restored: {kind} {amount} for {category}, {day}.",
        "sw": "🔁 Nimerudisha: {kind} {amount} ya {category}, {day}.",
    },
    "undone_already": {
        "en": "That entry is already removed: nothing changed.",
        "sw": "Rekodi hiyo imeshaondolewa: hakuna kilichobadilika.",
    },
    "nothing_to_undo": {
        "en": "There's nothing of yours to undo yet.",
        "sw": "Hakuna rekodi yako ya kufuta bado.",
    },
    "nothing_to_redo": {
        "en": "There's nothing to bring back.",
        "sw": "Hakuna cha kurudisha.",
    },
    "slow_down": {
        "en": "🐢 That's a lot of messages at once, so I've paused for a minute. What you sent in the last "
        "few seconds was not recorded: send it again in a minute.",
        "sw": "🐢 Ni jumbe nyingi kwa mara moja, kwa hivyo nimesimama kwa dakika moja. Ulichotuma sekunde "
        "chache zilizopita hakijarekodiwa: kitume tena baada ya dakika moja.",
    },
    "ask_rate": {
        "en": "Your books are in {home}. What is 1 {currency} in {home} today? (e.g. 129.5) "
        "I'll use it for today's {currency} entries, starting with {said}. Or tell me what it came to in {home}.",
        "sw": "Hesabu zako ziko kwa {home}. {currency} 1 ni {home} ngapi leo? (mfano 129.5) "
        "Nitaitumia kwa rekodi za {currency} za leo, kuanzia {said}. Au niambie ilikuwa {home} ngapi.",
    },
    "at_rate": {"en": "({said})", "sw": "({said})"},
    "rate_kept": {
        "en": "💱 Today's rate: 1 {currency} = {rate}. I'll use it for today's {currency} entries.",
        "sw": "💱 Kiwango cha leo: {currency} 1 = {rate}. Nitakitumia kwa rekodi za {currency} za leo.",
    },
    "rate_same_currency": {
        "en": "Your books are already in {home}: no rate needed.",
        "sw": "Hesabu zako tayari ziko kwa {home}: hakuna kiwango kinachohitajika.",
    },
    "rate_refused": {
        "en": "That rate does not look right. What is 1 unit in shillings, e.g. 129.5?",
        "sw": "Kiwango hicho hakionekani sawa. Kitengo 1 ni shilingi ngapi, mfano 129.5?",
    },
    "ask_amount_expense": {
        "en": "How much did you pay ({category})? e.g. 1,500 or 2k",
        "sw": "Ulilipa kiasi gani ({category})? mfano 1,500 au 2k",
    },
    "ask_amount_income": {
        "en": "How much did you get{for_what}? (e.g. 1,500 or 2k)",
        "sw": "Ulipata kiasi gani{for_what}? (mfano 1,500 au 2k)",
    },
    "ask_direction": {
        "en": "Was {amount} money in (a sale) or money out (an expense)?",
        "sw": "{amount} ni pesa iliyoingia (mauzo) au iliyotoka (matumizi)?",
    },
    "money_in": {"en": "Money in", "sw": "Pesa imeingia"},
    "money_out": {"en": "Money out", "sw": "Pesa imetoka"},
    "undo_button": {"en": "Undo", "sw": "Futa"},
    "help_button": {"en": "Help", "sw": "Msaada"},
    "amount_zero": {
        "en": "An amount of zero doesn't change your books. What was the amount?",
        "sw": "Sifuri haibadilishi hesabu zako. Kiasi kilikuwa ngapi?",
    },
    "amount_negative": {
        "en": "Amounts are always positive — just tell me if money came in or went out, "
        'e.g. "paid rent 15k" or "sold 2k". Nothing was recorded.',
        "sw": "Kiasi huwa chanya — niambie tu kama pesa iliingia au ilitoka, "
        'mfano "nimelipa kodi 15k" au "nimeuza 2k". Sijarekodi chochote.',
    },
    "amount_too_large": {
        "en": "{amount} looks too big for one entry (the most is {limit}). Please check the amount — "
        "nothing was recorded.",
        "sw": "{amount} ni kubwa mno kwa rekodi moja (kiwango cha juu ni {limit}). Tafadhali angalia kiasi — "
        "sijarekodi chochote.",
    },
    "amount_too_precise": {
        "en": "I can only record whole cents — please check {amount}. Nothing was recorded.",
        "sw": "Ninaweza kurekodi hadi senti tu — tafadhali angalia {amount}. Sijarekodi chochote.",
    },
    "duplicate": {
        "en": "That one is already recorded (reference {reference}). I didn't record it twice.",
        "sw": "Hiyo tayari imerekodiwa (kumbukumbu {reference}). Sijairekodi mara mbili.",
    },
    "too_long": {
        "en": "That message is too long for me ({length:,} characters). Please send one entry or question "
        "at a time — nothing was recorded.",
        "sw": "Ujumbe huo ni mrefu mno ({length:,} herufi). Tafadhali tuma rekodi au swali moja kwa wakati — "
        "sijarekodi chochote.",
    },
    "empty": {
        "en": 'I got an empty message. Tell me what you spent or sold, e.g. "paid rent 15k".',
        "sw": 'Nimepokea ujumbe mtupu. Niambie ulichotumia au ulichouza, mfano "nimelipa kodi 15k".',
    },
    "no_permission": {
        "en": "Your role ({role}) can't do that — ask an admin of {business}.",
        "sw": "Nafasi yako ({role}) hairuhusu hilo — muulize msimamizi wa {business}.",
    },
    "not_yet": {
        "en": "{feature} is coming soon. 🚧 Right now I can record money in and out, answer questions "
        "about your totals and balance, and undo or correct entries.",
        "sw": "{feature} inakuja hivi karibuni. 🚧 Kwa sasa ninaweza kurekodi pesa iliyoingia na iliyotoka, "
        "kujibu maswali kuhusu jumla na salio, na kufuta au kurekebisha rekodi.",
    },
    "language_set": {
        "en": "OK! I'll reply in English from now on.",
        "sw": "Sawa! Nitakujibu kwa Kiswahili kuanzia sasa.",
    },
    "language_which": {
        "en": 'Which language? Say "speak English" or "tumia Kiswahili".',
        "sw": 'Lugha gani? Sema "speak English" au "tumia Kiswahili".',
    },
    "failed": {
        "en": "Sorry, something went wrong on my side and nothing was recorded. Please try again in a moment.",
        "sw": "Samahani, kuna hitilafu upande wangu na sijarekodi chochote. Tafadhali jaribu tena baadaye kidogo.",
    },
    "summary_expenses": {
        "en": "You spent {total} {period}.{top}",
        "sw": "Ulitumia {total} {period}.{top}",
    },
    "summary_income": {
        "en": "Money in {period}: {total}.{top}",
        "sw": "Mapato {period}: {total}.{top}",
    },
    "summary_profit": {
        "en": "{label} {period}: {total} (money in {income} − money out {expenses}).",
        "sw": "{label} {period}: {total} (mapato {income} − matumizi {expenses}).",
    },
    "summary_balance": {
        "en": "Your balance as of {day}: {total} (everything recorded in minus out).",
        "sw": "Salio lako hadi {day}: {total} (yote yaliyorekodiwa, yaliyoingia kutoa yaliyotoka).",
    },
    "summary_top": {"en": "\nTop: {items}", "sw": "\nKubwa zaidi: {items}"},
    "summary_none": {
        "en": "Nothing recorded {period} yet.",
        "sw": "Hakuna kilichorekodiwa {period} bado.",
    },
    "profit": {"en": "Profit", "sw": "Faida"},
    "loss": {"en": "Loss", "sw": "Hasara"},
    "expense": {"en": "expense", "sw": "matumizi"},
    "income": {"en": "income", "sw": "mapato"},
    "transfer": {"en": "transfer", "sw": "uhamisho"},
    "today": {"en": "today", "sw": "leo"},
    "yesterday": {"en": "yesterday", "sw": "jana"},
    "this_month": {"en": "this month", "sw": "mwezi huu"},
    "last_month": {"en": "last month", "sw": "mwezi uliopita"},
    "this_week": {"en": "this week", "sw": "wiki hii"},
    "last_week": {"en": "last week", "sw": "wiki iliyopita"},
    "from_who": {"en": " ({who})", "sw": " ({who})"},
}


def t(key: str, lang: str, **values: object) -> str:
    table = TEXTS[key]
    return table.get(lang, table["en"]).format(**values)


TEXTS.update(PAID_TEXTS)
TEXTS.update(BUDGET_TEXTS)
TEXTS.update(CHART_TEXTS)
TEXTS.update(CHECK_TEXTS)
TEXTS.update(CREDIT_TEXTS)
TEXTS.update(FORECAST_TEXTS)
TEXTS.update(NUDGE_TEXTS)
TEXTS.update(VOICE_TEXTS)
TEXTS.update(TEAM_TEXTS)
TEXTS.update(DATA_TEXTS)
TEXTS.update(RECEIPT_TEXTS)
