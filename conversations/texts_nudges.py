"""What KAVI says about recurring entries and scheduled nudges, in English and Swahili."""

NUDGE_TEXTS: dict[str, dict[str, str]] = {
    "repeat_started": {
        "en": '🔁 It repeats {every}: next on {next}. "my recurring" lists them; "stop the {category} one" stops it.',
        "sw": '🔁 Inajirudia {every}: inayofuata {next}. "zinazojirudia" zinaorodhesha; '
        '"acha ya {category}" inaisimamisha.',
    },
    "every_daily": {"en": "every day", "sw": "kila siku"},
    "every_weekly": {"en": "every {weekday}", "sw": "kila {weekday}"},
    "every_monthly": {"en": "every month on the {dom}", "sw": "kila mwezi tarehe {dom}"},
    "recurring_header": {"en": "🔁 Your recurring entries:", "sw": "🔁 Zinazojirudia:"},
    "recurring_line": {
        "en": "• {what} {amount} {every} (next {next})",
        "sw": "• {what} {amount} {every} (inayofuata {next})",
    },
    "recurring_none": {
        "en": 'No recurring entries. Add "every month" to an entry to make one: "rent 15k every month".',
        "sw": 'Hakuna zinazojirudia. Ongeza "kila mwezi" kwenye rekodi: "kodi 15k kila mwezi".',
    },
    "recurring_stopped": {
        "en": "⏹️ Stopped: {what} {amount} {every}. Entries already recorded stay.",
        "sw": "⏹️ Nimesimamisha: {what} {amount} {every}. Zilizorekodiwa tayari zinabaki.",
    },
    "nudges_off": {
        "en": '🔕 OK, no more scheduled messages from me. Say "start reminders" to have them back.',
        "sw": '🔕 Sawa, sitakutumia jumbe za ratiba tena. Sema "nikumbushe tena" kuzirudisha.',
    },
    "nudges_on": {
        "en": "🔔 Scheduled messages are on: the morning digest, overdue invoices, budgets, the Friday report "
        "and recurring entries (quiet from 21:00 to 07:00).",
        "sw": "🔔 Jumbe za ratiba zimewashwa: muhtasari wa asubuhi, ankara zilizochelewa, bajeti, ripoti ya Ijumaa "
        "na rekodi zinazojirudia (kimya kuanzia saa 3 usiku hadi saa 1 asubuhi).",
    },
    "nudge_kind_off": {"en": "🔕 OK, no more {what}.", "sw": "🔕 Sawa, sitatuma tena {what}."},
    "nudge_kind_on": {"en": "🔔 {what}: on again.", "sw": "🔔 {what}: imewashwa tena."},
    "nudge_kind_digest": {"en": "morning digests", "sw": "muhtasari wa asubuhi"},
    "nudge_kind_overdue": {"en": "overdue-invoice nudges", "sw": "vikumbusho vya ankara zilizochelewa"},
    "nudge_kind_budgets": {"en": "budget nudges", "sw": "arifa za bajeti"},
    "nudge_kind_weekly": {"en": "Friday reports", "sw": "ripoti za Ijumaa"},
    "nudge_kind_recurring": {"en": "recurring-entry notices", "sw": "taarifa za rekodi zinazojirudia"},
    "auto_remind_on": {
        "en": "🔔 I will remind customers about unpaid invoices myself: on the due date, 3 days and 7 days "
        'after, politely, with how to pay. Say "stop reminding customers" to turn it off.',
        "sw": "🔔 Nitawakumbusha wateja kuhusu ankara ambazo hazijalipwa: siku ya mwisho, siku 3 na siku 7 "
        'baadaye, kwa adabu, na jinsi ya kulipa. Sema "acha kuwakumbusha wateja" kuzima.',
    },
    "auto_remind_off": {
        "en": '🔕 I will not remind customers by myself any more; you can still say "remind Otieno".',
        "sw": '🔕 Sitawakumbusha wateja mwenyewe tena; bado unaweza kusema "mkumbushe Otieno".',
    },
    "nudges_customers_admin_only": {
        "en": "Only an admin of the business can turn customer reminders on or off.",
        "sw": "Ni msimamizi wa biashara pekee anayeweza kuwasha au kuzima vikumbusho kwa wateja.",
    },
    "digest_head": {
        "en": "☀️ Good morning! Yesterday: {money_in} in, {money_out} out. Balance: {balance}.",
        "sw": "☀️ Habari za asubuhi! Jana: {money_in} ziliingia, {money_out} zilitoka. Salio: {balance}.",
    },
    "digest_quiet_day": {
        "en": "☀️ Good morning! Nothing was recorded yesterday. Balance: {balance}.",
        "sw": "☀️ Habari za asubuhi! Hakuna kilichorekodiwa jana. Salio: {balance}.",
    },
    "digest_overdue": {"en": "⏰ Now overdue: {items}.", "sw": "⏰ Zimechelewa sasa: {items}."},
    "digest_budgets": {"en": "⚠️ Budgets: {items}.", "sw": "⚠️ Bajeti: {items}."},
    "digest_expected": {"en": "📥 Due to come in today: {items}.", "sw": "📥 Zinatarajiwa leo: {items}."},
    "overdue_nudge": {
        "en": "⏰ {number} for {customer}: {owed} was due {due} ({late}).",
        "sw": "⏰ {number} ya {customer}: {owed} ilitakiwa {due} ({late}).",
    },
    "late_one": {"en": "1 day late", "sw": "imechelewa siku 1"},
    "late_many": {"en": "{days} days late", "sw": "imechelewa siku {days}"},
    "overdue_remind": {"en": "Remind {customer}", "sw": "Mkumbushe {customer}"},
    "overdue_request": {"en": "Request M-Pesa payment", "sw": "Omba malipo ya M-Pesa"},
    "overdue_snooze": {"en": "Snooze a week", "sw": "Ahirisha wiki moja"},
    "overdue_snoozed": {
        "en": "😴 OK, no nudges about {number} until {day}.",
        "sw": "😴 Sawa, sitakukumbusha kuhusu {number} hadi {day}.",
    },
    "weekly_head": {
        "en": "📊 Your week, {period}: {money_in} in, {money_out} out, profit {profit} "
        "(last week by this day: {before}).",
        "sw": "📊 Wiki yako, {period}: {money_in} ziliingia, {money_out} zilitoka, faida {profit} "
        "(wiki iliyopita hadi siku hii: {before}).",
    },
    "weekly_top": {"en": "Most spent on {category}: {amount}.", "sw": "Matumizi makubwa: {category} {amount}."},
    "recurring_recorded": {
        "en": "🔁 Recorded {kind}: {amount} for {what} ({every}), {day}.",
        "sw": "🔁 Nimerekodi {kind}: {amount} ya {what} ({every}), {day}.",
    },
    "quiet_set": {
        "en": "🌙 Quiet hours: {start} to {end}. Nothing scheduled reaches you then; it waits until {end}.",
        "sw": "🌙 Saa za kimya: {start} hadi {end}. Hakuna ujumbe wa ratiba utakaokufikia wakati huo; "
        "unasubiri hadi {end}.",
    },
    "quiet_ask": {
        "en": 'From when to when? For example: "quiet hours 22:00 to 06:00".',
        "sw": 'Kuanzia saa ngapi hadi saa ngapi? Kwa mfano: "saa za kimya 22:00 hadi 06:00".',
    },
    "entries": {"en": "entries", "sw": "rekodi"},
    "recurring_which": {"en": "Which one should I stop?", "sw": "Nisimamishe ipi?"},
    "recurring_not_found": {
        "en": 'I found no recurring {what} to stop. "my recurring" lists them.',
        "sw": 'Sikupata {what} inayojirudia ya kusimamisha. "zinazojirudia" zinaziorodhesha.',
    },
}
