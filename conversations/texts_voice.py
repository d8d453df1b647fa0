"""What KAVI says about voice notes and voice replies, in English and Swahili."""

VOICE_TEXTS: dict[str, dict[str, str]] = {
    "voice_heard": {"en": "🎙 I heard: “{text}”", "sw": "🎙 Nimesikia: “{text}”"},
    "voice_confirm": {
        "en": "🎙 I heard: “{text}”\nI'm not sure I heard it right — shall I go ahead?",
        "sw": "🎙 Nimesikia: “{text}”\nSina uhakika nimesikia sawa — niendelee?",
    },
    # A doubtful amount: the figure it would record, so "yes" is an answer about that figure.
    "voice_confirm_amount": {
        "en": "🎙 I heard: “{text}”\nI'm not sure I heard it right — did you say {amount}?",
        "sw": "🎙 Nimesikia: “{text}”\nSina uhakika nimesikia sawa — ulisema {amount}?",
    },
    "voice_yes": {"en": "Yes, go ahead", "sw": "Ndiyo, endelea"},
    "voice_no": {"en": "No", "sw": "Hapana"},
    "voice_retry": {
        "en": "OK, nothing recorded. Please say it again slowly, or type it.",
        "sw": "Sawa, sijarekodi chochote. Tafadhali sema tena polepole, au andika.",
    },
    "voice_silent": {
        "en": "🎙 I couldn't hear anything in that voice note. Please try again closer to the phone, or type it.",
        "sw": "🎙 Sikusikia chochote kwenye ujumbe huo wa sauti. Tafadhali jaribu tena karibu na simu, au andika.",
    },
    "voice_too_long": {
        "en": "🎙 That voice note is {seconds} long — I can listen to up to {limit}. "
        "Please send a shorter one, one thing at a time.",
        "sw": "🎙 Ujumbe huo wa sauti ni wa {seconds} — ninaweza kusikiliza hadi {limit}. "
        "Tafadhali tuma mfupi zaidi, jambo moja kwa wakati.",
    },
    "voice_too_large": {
        "en": "🎙 That recording is too big for me (over {limit} MB). Please send a shorter voice note.",
        "sw": "🎙 Sauti hiyo ni kubwa mno (zaidi ya MB {limit}). Tafadhali tuma ujumbe mfupi wa sauti.",
    },
    "voice_unreadable": {
        "en": "🎙 I couldn't play that recording. Please send it as a voice note, or type it.",
        "sw": "🎙 Sikuweza kucheza sauti hiyo. Tafadhali itume kama ujumbe wa sauti, au andika.",
    },
    "voice_busy": {
        "en": "🎙 I'm listening to a lot of voice notes right now — please send yours again in a minute, or type it.",
        "sw": "🎙 Ninasikiliza jumbe nyingi za sauti sasa hivi — tafadhali tuma tena baada ya dakika moja, au andika.",
    },
    "voice_off": {
        "en": '🎙 I can\'t listen to voice notes on this server — please type it, e.g. "paid rent 15k".',
        "sw": '🎙 Siwezi kusikiliza jumbe za sauti kwenye seva hii — tafadhali andika, mfano "nimelipa kodi 15k".',
    },
    "voice_mode_always": {
        "en": '🔊 Done — I\'ll answer every message with a voice note too. Say "text only" to stop.',
        "sw": '🔊 Sawa — nitajibu kila ujumbe kwa sauti pia. Sema "maandishi tu" kusimamisha.',
    },
    "voice_mode_never": {
        "en": '🔇 Done — text replies only, even to voice notes. Say "reply by voice" to hear me again.',
        "sw": '🔇 Sawa — nitajibu kwa maandishi tu, hata kwa jumbe za sauti. Sema "jibu kwa sauti" kunisikia tena.',
    },
    "voice_mode_auto": {
        "en": "🔊 Done — I'll answer voice notes with a voice note, and text with text.",
        "sw": "🔊 Sawa — nitajibu ujumbe wa sauti kwa sauti, na maandishi kwa maandishi.",
    },
}
