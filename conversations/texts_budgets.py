"""What KAVI says about budgets, in English and Swahili."""

BUDGET_TEXTS: dict[str, dict[str, str]] = {
    "budget_set": {
        "en": "✅ Budget set: {category} {amount} {per}.\nSo far {period}: {spent} ({percent}%).",
        "sw": "✅ Bajeti imewekwa: {category} {amount} {per}.\nHadi sasa {period}: {spent} ({percent}%).",
    },
    "budget_changed": {
        "en": "✏️ {category} budget changed from {before} to {amount} {per}.\nSo far {period}: {spent} ({percent}%).",
        "sw": "✏️ Bajeti ya {category} imebadilishwa kutoka {before} hadi {amount} {per}.\n"
        "Hadi sasa {period}: {spent} ({percent}%).",
    },
    "budget_removed": {
        "en": "🗑️ Removed the {periods} {category} budget.",
        "sw": "🗑️ Nimeondoa bajeti ya {category} ya {periods}.",
    },
    "budget_removed_several": {
        "en": "🗑️ Removed the {periods} {category} budgets.",
        "sw": "🗑️ Nimeondoa bajeti za {category} za {periods}.",
    },
    "budget_period_unsupported": {
        "en": 'I keep budgets by the month or by the week. Say, for example, "rent budget 10,000 a month" '
        'or "lunch budget 2,000 a week".',
        "sw": 'Ninaweka bajeti kwa mwezi au kwa wiki. Sema, kwa mfano, "bajeti ya kodi 10,000 kwa mwezi" '
        'au "bajeti ya chakula 2,000 kwa wiki".',
    },
    "period_monthly": {"en": "monthly", "sw": "mwezi"},
    "period_weekly": {"en": "weekly", "sw": "wiki"},
    "and": {"en": " and ", "sw": " na "},
    "budget_none_to_remove": {
        "en": "There is no {category} budget to remove.",
        "sw": "Hakuna bajeti ya {category} ya kuondoa.",
    },
    "budget_ask_category": {
        "en": "Which category is the {amount} budget for?",
        "sw": "Bajeti ya {amount} ni ya aina gani ya matumizi?",
    },
    "budget_ask_amount": {
        "en": "How much a {unit} for {category}? (e.g. 10k)",
        "sw": "Kiasi gani kwa {unit} kwa {category}? (mfano 10k)",
    },
    "per_monthly": {"en": "a month", "sw": "kwa mwezi"},
    "per_weekly": {"en": "a week", "sw": "kwa wiki"},
    "unit_monthly": {"en": "month", "sw": "mwezi"},
    "unit_weekly": {"en": "week", "sw": "wiki"},
    "budget_line": {
        "en": "{icon} {category}: {spent} of {limit} ({percent}%) {period}, {left}",
        "sw": "{icon} {category}: {spent} kati ya {limit} ({percent}%) {period}, {left}",
    },
    "budget_left": {"en": "{amount} left for {days} days", "sw": "zimebaki {amount} kwa siku {days}"},
    "budget_over": {"en": "{amount} over", "sw": "umezidi kwa {amount}"},
    "budget_status_header": {"en": "Your budgets:", "sw": "Bajeti zako:"},
    "budget_none": {
        "en": 'No budgets yet. Set one like this: "transport budget 10k a month".',
        "sw": 'Bado hakuna bajeti. Weka moja hivi: "bajeti ya usafiri 10k kwa mwezi".',
    },
    "budget_none_for": {
        "en": 'No {category} budget yet; you have spent {spent} on it {period}. Set one: "{category} budget 10k".',
        "sw": 'Bado hakuna bajeti ya {category}; umetumia {spent} {period}. Weka moja: "bajeti ya {category} 10k".',
    },
    "budget_compare_monthly": {
        "en": "By this day last month: {previous} (now {change}).",
        "sw": "Kufikia siku hii mwezi uliopita: {previous} (sasa {change}).",
    },
    "budget_compare_weekly": {
        "en": "By this day last week: {previous} (now {change}).",
        "sw": "Kufikia siku hii wiki iliyopita: {previous} (sasa {change}).",
    },
    "budget_more": {"en": "{amount} more", "sw": "zaidi kwa {amount}"},
    "budget_less": {"en": "{amount} less", "sw": "pungufu kwa {amount}"},
    "budget_same": {"en": "the same", "sw": "sawa"},
    "budget_drivers": {"en": "Most of it: {items}.", "sw": "Nyingi zilienda: {items}."},
    "budget_alert_80": {
        "en": "⚠️ {category} budget: {spent} of {limit} ({percent}%) with {days} days left.",
        "sw": "⚠️ Bajeti ya {category}: {spent} kati ya {limit} ({percent}%), zimebaki siku {days}.",
    },
    "budget_alert_100": {
        "en": "🚨 {category} budget used up: {spent} of {limit} ({percent}%) with {days} days left.",
        "sw": "🚨 Bajeti ya {category} imeisha: {spent} kati ya {limit} ({percent}%), zimebaki siku {days}.",
    },
}
