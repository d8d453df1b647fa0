"""What KAVI says about the credit score and loan readiness, in English and Swahili."""

CREDIT_TEXTS: dict[str, dict[str, str]] = {
    "credit_header": {
        "en": "📊 Credit score: {score}/100 ({band})",
        "sw": "📊 Alama ya mkopo: {score}/100 ({band})",
    },
    "credit_band_strong": {"en": "strong", "sw": "imara"},
    "credit_band_good": {"en": "good", "sw": "nzuri"},
    "credit_band_fair": {"en": "fair", "sw": "wastani"},
    "credit_band_building": {"en": "building", "sw": "inajengwa"},
    "credit_factor": {"en": "• {label}: {points}/{weight} — {figure}", "sw": "• {label}: {points}/{weight} — {figure}"},
    "credit_no_data": {"en": "not enough records yet", "sw": "rekodi hazitoshi bado"},
    "credit_improve": {"en": "To improve:\n{tips}", "sw": "Kuboresha:\n{tips}"},
    "credit_note": {
        "en": "This score is a guide for you: it decides nothing and is shared with no one.",
        "sw": "Alama hii ni mwongozo wako: haiamui chochote na haishirikiwi na mtu yeyote.",
    },
    "credit_history": {"en": "Months of records", "sw": "Miezi ya rekodi"},
    "credit_history_figure": {"en": "{figure} month(s)", "sw": "miezi {figure}"},
    "credit_history_tip": {
        "en": "Keep recording every day: a full year of records counts fully.",
        "sw": "Endelea kurekodi kila siku: rekodi za mwaka mzima zinahesabika kikamilifu.",
    },
    "credit_consistency": {"en": "Steady income", "sw": "Mapato thabiti"},
    "credit_consistency_figure": {
        "en": "weekly sales vary by {figure}%",
        "sw": "mauzo ya kila wiki yanatofautiana kwa {figure}%",
    },
    "credit_consistency_tip": {
        "en": "Record every sale, cash ones too: steady weeks score best.",
        "sw": "Rekodi kila mauzo, hata ya pesa taslimu: wiki thabiti zina alama bora.",
    },
    "credit_trend": {"en": "Income trend", "sw": "Mwelekeo wa mapato"},
    "credit_trend_figure": {
        "en": "{figure}% on the six weeks before",
        "sw": "{figure}% ukilinganisha na wiki sita zilizopita",
    },
    "credit_trend_tip": {
        "en": "Grow sales: follow up your regular customers.",
        "sw": "Ongeza mauzo: fuatilia wateja wako wa kawaida.",
    },
    "credit_margin": {"en": "Spending against income", "sw": "Matumizi dhidi ya mapato"},
    "credit_margin_figure": {"en": "{figure}% of income spent", "sw": "{figure}% ya mapato imetumika"},
    "credit_margin_tip": {
        "en": 'Keep spending under 60% of income: ask me "expenses by category" to see where it goes.',
        "sw": 'Weka matumizi chini ya 60% ya mapato: niulize "matumizi kwa aina" kuona yanakoenda.',
    },
    "credit_customers": {"en": "Customers paying on time", "sw": "Wateja kulipa kwa wakati"},
    "credit_customers_figure": {"en": "{figure}% of invoices", "sw": "{figure}% ya ankara"},
    "credit_customers_tip": {
        "en": 'Remind customers before the due date ("remind Jane").',
        "sw": 'Wakumbushe wateja kabla ya tarehe ya mwisho ("mkumbushe Jane").',
    },
    "credit_bills": {"en": "Bills paid regularly", "sw": "Bili kulipwa mara kwa mara"},
    "credit_bills_figure": {"en": "{figure} of the last 6 months", "sw": "miezi {figure} kati ya 6 iliyopita"},
    "credit_bills_tip": {
        "en": "Record rent, utilities and loan repayments when you pay them.",
        "sw": "Rekodi kodi, stima/maji na malipo ya mkopo unapolipa.",
    },
    "credit_buffer": {"en": "Cash buffer", "sw": "Akiba ya pesa"},
    "credit_buffer_figure": {"en": "{figure} days of spending", "sw": "siku {figure} za matumizi"},
    "credit_buffer_tip": {
        "en": "Keep a month of spending aside, e.g. in M-Shwari.",
        "sw": "Weka akiba ya matumizi ya mwezi mmoja, mfano M-Shwari.",
    },
    "loan_ready": {
        "en": "🏦 A loan of {amount}: you look ready.",
        "sw": "🏦 Mkopo wa {amount}: unaonekana uko tayari.",
    },
    "loan_not_ready": {
        "en": "🏦 A loan of {amount}: not ready yet.",
        "sw": "🏦 Mkopo wa {amount}: bado hujawa tayari.",
    },
    "loan_pdf": {
        "en": "📄 The attached one-page PDF has the figures, a chart and the factors, to send a lender.",
        "sw": "📄 PDF iliyoambatishwa ina takwimu, mchoro na vigezo, ya kumtumia mkopeshaji.",
    },
    "loan_capacity": {
        "en": "The instalment would be about {instalment} a month over {months} months (assuming {rate}% a year); "
        "your expected surplus over the next 30 days is {surplus}.",
        "sw": "Rejesho lingekuwa takriban {instalment} kwa mwezi kwa miezi {months} (kwa riba ya {rate}% kwa mwaka); "
        "ziada unayotarajia siku 30 zijazo ni {surplus}.",
    },
}
