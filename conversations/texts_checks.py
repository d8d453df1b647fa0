"""What KAVI says when an entry looks sent twice or far bigger than usual, in English and Swahili."""

CHECK_TEXTS: dict[str, dict[str, str]] = {
    "ask_twice": {
        "en": "You recorded {amount} for {category} a few minutes ago. Record it again?",
        "sw": "Umerekodi {amount} ya {category} dakika chache zilizopita. Nirekodi tena?",
    },
    "twice_yes": {"en": "Yes, record it again", "sw": "Ndiyo, rekodi tena"},
    "twice_no": {"en": "No, it was sent twice", "sw": "Hapana, ilitumwa mara mbili"},
    "twice_not_recorded": {"en": "OK, not recorded again. 👍", "sw": "Sawa, sijarekodi tena. 👍"},
    "unusual_expense": {
        "en": "🔎 That is much more than your usual {category} (about {usual}). If it is a typo, "
        'correct me: "no, it was …".',
        "sw": "🔎 Hiyo ni zaidi sana ya kawaida yako ya {category} (takriban {usual}). Kama ni kosa, "
        'nirekebishe: "hapana, ilikuwa …".',
    },
}
