"""What KAVI says about the team, several businesses and the books' history, in English and Swahili."""

TEAM_TEXTS: dict[str, dict[str, str]] = {
    "role_admin": {"en": "admin", "sw": "msimamizi (admin)"},
    "role_staff": {"en": "staff", "sw": "mfanyakazi (staff)"},
    "role_viewer": {"en": "viewer", "sw": "mtazamaji (viewer)"},
    "role_can_admin": {
        "en": "everything: records, invoices, customers, the team and the settings",
        "sw": "kila kitu: rekodi, ankara, wateja, timu na mipangilio",
    },
    "role_can_staff": {
        "en": "record sales and spending, invoices, customers, payments and reminders, and fix your own entries",
        "sw": "kurekodi mauzo na matumizi, ankara, wateja, malipo na vikumbusho, na kurekebisha rekodi zako",
    },
    "role_can_viewer": {
        "en": "ask about the books, see charts and reports — no changes and no messages to customers",
        "sw": "kuuliza kuhusu hesabu, kuona chati na ripoti — bila kubadilisha kitu wala kutuma ujumbe kwa wateja",
    },
    "invite_needs_phone": {
        "en": 'Whose phone should I invite? e.g. "add 0712 345 678 as staff"',
        "sw": 'Nimwalike nani? Nipe namba, mfano "mwongeze 0712 345 678 kama staff"',
    },
    "invite_already_member": {
        "en": "{name} is already in {business} as {role}.",
        "sw": "{name} tayari yuko {business} kama {role}.",
    },
    "invite_made": {
        "en": "🔑 Invite for {phone} to join {business} as {role} ({can}).\n{how}\nThe code works for 7 days.",
        "sw": "🔑 Mwaliko kwa {phone} kujiunga na {business} kama {role} ({can}).\n{how}\n"
        "Namba hii inafanya kazi siku 7.",
    },
    "invite_queued": {
        "en": 'I\'ve queued a message to them with the code; they can also send "join {code}" to me on Telegram '
        "or the web chat.",
        "sw": 'Nimeweka ujumbe wa kuwatumia wenye namba; wanaweza pia kunitumia "jiunge {code}" kwenye Telegram '
        "au web chat.",
    },
    "invite_forward": {
        "en": 'No WhatsApp or SMS is set up here, so nothing was sent: ask them to send me "join {code}" on '
        "any channel, or forward this:\n{text}",
        "sw": 'Hakuna WhatsApp wala SMS iliyowekwa, kwa hivyo hakuna kilichotumwa: waambie wanitumie "jiunge {code}" '
        "kwa njia yoyote, au watumie huu:\n{text}",
    },
    "invite_message": {
        "en": "{inviter} invited you to {business} on KAVI as {role}: {can}. To accept, reply: join {code} "
        "(valid 7 days).",
        "sw": "{inviter} amekualika kwenye {business} kwa KAVI kama {role}: {can}. Kukubali, jibu: jiunge {code} "
        "(siku 7).",
    },
    "invite_failed": {
        "en": "⚠️ The invite to {customer} could not be sent. Ask them to send me this instead:\n{text}",
        "sw": "⚠️ Mwaliko kwa {customer} haukutumwa. Waambie wanitumie huu badala yake:\n{text}",
    },
    "joined": {
        "en": '✅ You\'ve joined {business} as {role}. You can {can}.\nTry "help" to see what I do.',
        "sw": '✅ Umejiunga na {business} kama {role}. Unaweza {can}.\nJaribu "msaada" kuona ninachofanya.',
    },
    "member_joined": {
        "en": "👋 {name} joined {business} as {role}.",
        "sw": "👋 {name} amejiunga na {business} kama {role}.",
    },
    "join_wrong_code": {
        "en": "That code does not match any invite. Check it with the person who invited you (it looks like "
        "K7QX-M4PA).",
        "sw": "Namba hiyo hailingani na mwaliko wowote. Iangalie na aliyekualika (inafanana na K7QX-M4PA).",
    },
    "join_expired": {
        "en": "That invite has expired (they last 7 days). Ask for a new one.",
        "sw": "Mwaliko huo umeisha muda (ni siku 7). Omba mwingine.",
    },
    "join_locked": {
        "en": "That invite is locked after too many wrong codes. Ask for a new one.",
        "sw": "Mwaliko huo umefungwa baada ya namba nyingi zisizo sahihi. Omba mwingine.",
    },
    "join_needs_code": {
        "en": 'Send me the invite\'s code, e.g. "join K7QX-M4PA" (the admin who invited you has it).',
        "sw": 'Nitumie namba ya mwaliko, mfano "jiunge K7QX-M4PA" (aliyekualika anayo).',
    },
    "join_no_invite": {
        "en": "I have no open invite for {phone}. Ask the business's admin to invite this number, or send me the code.",
        "sw": "Sina mwaliko wa {phone}. Muombe msimamizi wa biashara aalike namba hii, au nitumie namba ya mwaliko.",
    },
    "join_used": {
        "en": "That invite was already used by someone else. Ask for a new one.",
        "sw": "Mwaliko huo umeshatumiwa na mtu mwingine. Omba mwingine.",
    },
    "team_header": {"en": "👥 {business} team:", "sw": "👥 Timu ya {business}:"},
    "team_line": {"en": "• {name} — {role}", "sw": "• {name} — {role}"},
    "team_invites": {"en": "Invited, not joined yet:", "sw": "Wamealikwa, bado hawajajiunga:"},
    "team_invite_line": {"en": "• {phone} — {role} (until {until})", "sw": "• {phone} — {role} (hadi {until})"},
    "team_alone": {
        "en": '👥 It\'s just you in {business}. Invite someone: "add 0712 345 678 as staff".',
        "sw": '👥 Ni wewe tu kwenye {business}. Alika mtu: "mwongeze 0712 345 678 kama staff".',
    },
    "role_changed": {
        "en": "✅ {name} is now {role} in {business}.",
        "sw": "✅ {name} sasa ni {role} kwenye {business}.",
    },
    "member_not_found": {
        "en": "I can't find {who} in {business}'s team. \"my team\" lists everyone.",
        "sw": 'Simpati {who} kwenye timu ya {business}. "timu yangu" inaonyesha wote.',
    },
    "member_removed": {"en": "🗑️ {name} was removed from {business}.", "sw": "🗑️ {name} ameondolewa {business}."},
    "last_admin": {
        "en": "{business} needs at least one admin: make someone else admin first.",
        "sw": "{business} inahitaji msimamizi mmoja angalau: mfanye mtu mwingine admin kwanza.",
    },
    "remove_self": {
        "en": 'To leave {business} yourself, say "leave this business".',
        "sw": 'Kuondoka {business} mwenyewe, sema "ondoka kwenye biashara hii".',
    },
    "leave_ask": {
        "en": "Leave {business}? You will no longer see or change its books.",
        "sw": "Uondoke {business}? Hutaona wala kubadilisha hesabu zake tena.",
    },
    "leave_yes": {"en": "Yes, leave", "sw": "Ndiyo, ondoka"},
    "leave_no": {"en": "No, stay", "sw": "Hapana, baki"},
    "left": {"en": "👋 You've left {business}.", "sw": "👋 Umeondoka {business}."},
    "left_now_in": {"en": " You're now working in {business}.", "sw": " Sasa unafanya kazi kwenye {business}."},
    "leave_only_member": {
        "en": 'You are the only one in {business}. To remove it and its data, say "delete my data".',
        "sw": 'Ni wewe tu kwenye {business}. Kuifuta pamoja na data yake, sema "futa data yangu".',
    },
    "leave_kept": {"en": "OK, you're still in {business}.", "sw": "Sawa, bado uko {business}."},
    "switched": {"en": "✅ Now working in {business}.", "sw": "✅ Sasa unafanya kazi kwenye {business}."},
    "switch_which": {"en": "Which business?", "sw": "Biashara ipi?"},
    "business_line": {"en": "• {business}", "sw": "• {business}"},
    "business_line_now": {"en": "• {business} (now)", "sw": "• {business} (sasa)"},
    "switch_only_one": {
        "en": 'You only have {business}. To start another: "new business called Wambui Tailors".',
        "sw": 'Una {business} peke yake. Kuanzisha nyingine: "biashara mpya inaitwa Wambui Tailors".',
    },
    "switch_not_found": {
        "en": "You're not in a business called {name}. Yours: {names}.",
        "sw": "Huko kwenye biashara inayoitwa {name}. Zako ni: {names}.",
    },
    "new_business_ask": {
        "en": "What is the new business called?",
        "sw": "Biashara mpya inaitwa nini?",
    },
    "new_business_made": {
        "en": '✅ {business} is ready, and you\'re working in it now. Say "use {old}" to go back.',
        "sw": '✅ {business} iko tayari, na sasa unafanya kazi humo. Sema "hamia {old}" kurudi.',
    },
    "in_business": {"en": "🏪 {business}", "sw": "🏪 {business}"},
    "history_none": {
        "en": "Nothing in the books' history matches that.",
        "sw": "Hakuna kwenye historia ya hesabu kinacholingana na hilo.",
    },
    "history_header": {"en": "🕘 What changed{what}:", "sw": "🕘 Mabadiliko{what}:"},
    "history_more": {"en": "…and {count} more.", "sw": "…na mengine {count}."},
    "history_who": {"en": "{name} ", "sw": "{name} "},
    "act_record": {"en": "recorded", "sw": "alirekodi"},
    "act_edit": {"en": "changed", "sw": "alibadilisha"},
    "act_undo": {"en": "undid", "sw": "alifuta"},
    "act_redo": {"en": "restored", "sw": "alirudisha"},
    "act_create": {"en": "added", "sw": "aliongeza"},
    "act_other": {"en": "{action}", "sw": "{action}"},
    "someone": {"en": "Someone", "sw": "Mtu"},
    "did_invite": {"en": "invited {phone} as {role}", "sw": "alialika {phone} kama {role}"},
    "did_join": {"en": "joined as {role}", "sw": "alijiunga kama {role}"},
    "did_role": {"en": "made {name} {role}", "sw": "alimfanya {name} kuwa {role}"},
    "did_remove": {"en": "removed {name} from the team", "sw": "alimwondoa {name} kwenye timu"},
    "did_leave": {"en": "left the business", "sw": "aliondoka kwenye biashara"},
    "did_rename": {"en": "renamed the business {name}", "sw": "alibadilisha jina la biashara kuwa {name}"},
    "did_create_business": {"en": "started the business {name}", "sw": "alianzisha biashara {name}"},
    "did_create_customer": {"en": "added customer {name}", "sw": "aliongeza mteja {name}"},
    "did_create_supplier": {"en": "added supplier {name}", "sw": "aliongeza msambazaji {name}"},
    "did_create_invoice": {"en": "made invoice {number} ({amount})", "sw": "alitengeneza ankara {number} ({amount})"},
    "did_set_budget": {"en": "set the {category} budget to {amount}", "sw": "aliweka bajeti ya {category} {amount}"},
    "did_remove_budget": {"en": "removed the {category} budget", "sw": "aliondoa bajeti ya {category}"},
    "did_set_rate": {"en": "set 1 {currency} = {rate}", "sw": "aliweka {currency} 1 = {rate}"},
    "did_repeat": {"en": "set {category} {amount} to repeat {every}", "sw": "aliweka {category} {amount} kujirudia"},
    "did_other": {"en": "{action} {entity} {label}", "sw": "{action} {entity} {label}"},
}

DATA_TEXTS: dict[str, dict[str, str]] = {
    "privacy_notice": {
        "en": "🔒 Privacy: I keep what you send me (entries, customers, messages) only to keep your books, and share "
        'it with no one. {outside} "export my data" gets you a copy; "delete my data" erases it.{link}',
        "sw": "🔒 Faragha: Ninahifadhi unachonitumia (rekodi, wateja, jumbe) kwa ajili ya hesabu zako tu, na "
        'sishiriki na mtu yeyote. {outside} "nipe data yangu" inakupa nakala; "futa data yangu" inaifuta.{link}',
    },
    "privacy_local": {
        "en": "Everything is handled here, on KAVI's own server.",
        "sw": "Kila kitu kinashughulikiwa hapa, kwenye seva ya KAVI.",
    },
    "privacy_abroad": {
        "en": "To read some messages or speak replies I use {names}, which process that text outside Kenya.",
        "sw": "Kusoma baadhi ya jumbe au kujibu kwa sauti ninatumia {names}, wanaoshughulikia maandishi hayo "
        "nje ya Kenya.",
    },
    "privacy_link": {"en": " Full notice: {url}", "sw": " Taarifa kamili: {url}"},
    "my_data_which": {
        "en": "Your data: export a copy, or delete it?",
        "sw": "Data yako: upate nakala, au uifute?",
    },
    "my_data_export": {"en": "Export my data", "sw": "Nipe data yangu"},
    "my_data_delete": {"en": "Delete my data", "sw": "Futa data yangu"},
    "my_data_exported": {
        "en": "📦 Everything I keep about you, as a ZIP: your profile, your businesses' books (CSV), the "
        "activity log and the invoice PDFs. README.txt says what each file is.",
        "sw": "📦 Kila kitu ninachohifadhi kukuhusu, kama ZIP: wasifu wako, hesabu za biashara zako (CSV), "
        "kumbukumbu ya shughuli na PDF za ankara. README.txt inaeleza kila faili.",
    },
    "erase_ask": {
        "en": "Delete your data? Your name, phone and messages will be erased{books}. Money records a business "
        'must keep for tax stay, with no names. You have 7 days to change your mind ("cancel deletion").',
        "sw": "Ufute data yako? Jina, simu na jumbe zako zitafutwa{books}. Rekodi za pesa ambazo biashara "
        'lazima iweke kwa ajili ya kodi zitabaki, bila majina. Una siku 7 kubadili nia ("usifute data yangu").',
    },
    "erase_books": {
        "en": ", and {names} with its customers' and suppliers' details",
        "sw": ", pamoja na {names} na taarifa za wateja na wasambazaji wake",
    },
    "erase_yes": {"en": "Delete my data", "sw": "Futa data yangu"},
    "erase_keep": {"en": "Keep my data", "sw": "Usifute"},
    "erase_kept": {"en": "OK, nothing will be deleted.", "sw": "Sawa, hakuna kitakachofutwa."},
    "erase_stuck": {
        "en": "You're the only admin of {names}, which others use too. Make someone else admin first (\"make "
        'Brian an admin"), or delete {names} for everyone along with your data.',
        "sw": "Wewe ndiye msimamizi pekee wa {names}, ambayo wengine wanaitumia. Mfanye mtu mwingine admin kwanza, "
        "au ufute {names} kwa wote pamoja na data yako.",
    },
    "erase_with_business": {"en": "Delete the business too", "sw": "Futa biashara pia"},
    "erase_business_ask": {
        "en": "Are you sure? {names} and its details go for all {count} people in it. Money records stay, "
        "with no names.",
        "sw": "Una uhakika? {names} na taarifa zake zitafutwa kwa watu wote {count}. Rekodi za pesa zitabaki, "
        "bila majina.",
    },
    "erase_own_business_ask": {
        "en": "Are you sure? {names} goes too: its customers' and suppliers' details and every name in its books. "
        "Money records stay, with no names.",
        "sw": "Una uhakika? {names} itafutwa pia: taarifa za wateja na wasambazaji na kila jina kwenye hesabu zake. "
        "Rekodi za pesa zitabaki, bila majina.",
    },
    "erase_business_yes": {"en": "Yes, delete the business", "sw": "Ndiyo, futa biashara"},
    "erase_scheduled": {
        "en": '🗑️ Your data will be deleted on {when}. Until then, "cancel deletion" keeps everything.',
        "sw": '🗑️ Data yako itafutwa {when}. Kabla ya hapo, "usifute data yangu" inahifadhi kila kitu.',
    },
    "erase_already": {
        "en": 'Your data is already set to be deleted on {when}. "cancel deletion" keeps it.',
        "sw": 'Data yako tayari imepangwa kufutwa {when}. "usifute data yangu" inaihifadhi.',
    },
    "erase_cancelled": {
        "en": "✅ Deletion cancelled: your data stays.",
        "sw": "✅ Ufutaji umesitishwa: data yako inabaki.",
    },
    "erase_nothing_pending": {
        "en": "Nothing is set to be deleted.",
        "sw": "Hakuna kilichopangwa kufutwa.",
    },
}
