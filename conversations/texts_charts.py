"""What KAVI says with a chart or a report (titles, the words on a chart, the two-line summary SMS gets
instead of the picture)."""

CHART_TEXTS: dict[str, dict[str, str]] = {
    "chart_title_cashflow": {"en": "{business}: cash flow, {period}", "sw": "{business}: mtiririko wa pesa, {period}"},
    "chart_title_expenses_by_category": {
        "en": "{business}: expenses by category, {period}",
        "sw": "{business}: matumizi kwa aina, {period}",
    },
    "chart_title_income_vs_expenses": {
        "en": "{business}: income vs expenses, {period}",
        "sw": "{business}: mapato dhidi ya matumizi, {period}",
    },
    "chart_title_budget": {"en": "{business}: budgets, {period}", "sw": "{business}: bajeti, {period}"},
    "chart_title_forecast": {
        "en": "{business}: cash forecast, next {days} days",
        "sw": "{business}: utabiri wa pesa, siku {days} zijazo",
    },
    "chart_cashflow": {
        "en": "📊 Cash flow {period}: {money_in} in, {money_out} out.\nBalance {opening} → {closing}.",
        "sw": "📊 Mtiririko wa pesa {period}: {money_in} ziliingia, {money_out} zilitoka.\n"
        "Salio {opening} → {closing}.",
    },
    "chart_expenses_by_category": {
        "en": "📊 Expenses {period}: {total}.\nBiggest: {top}.",
        "sw": "📊 Matumizi {period}: {total}.\nMakubwa zaidi: {top}.",
    },
    "chart_income_vs_expenses": {
        "en": "📊 {period}: income {income}, expenses {expenses}.\n{label}: {result}.",
        "sw": "📊 {period}: mapato {income}, matumizi {expenses}.\n{label}: {result}.",
    },
    "chart_budget": {
        "en": "📊 Budgets {period}: {count}.\nFullest: {category} at {percent}%.",
        "sw": "📊 Bajeti {period}: {count}.\nIliyojaa zaidi: {category} kwa {percent}%.",
    },
    "chart_forecast": {
        "en": "📈 Next {days} days: about {closing} by {end}.\nLowest: {lowest} on {low_day}.",
        "sw": "📈 Siku {days} zijazo: takriban {closing} kufikia {end}.\nChini kabisa: {lowest} tarehe {low_day}.",
    },
    "chart_nothing": {
        "en": "Nothing recorded {period} yet, so there is nothing to draw.",
        "sw": "Hakuna kilichorekodiwa {period} bado, kwa hiyo hakuna cha kuchora.",
    },
    "export_statement": {
        "en": "📄 Your statement {period}: {count} entries, with the cash flow chart.",
        "sw": "📄 Taarifa yako {period}: rekodi {count}, pamoja na mchoro wa mtiririko wa pesa.",
    },
    "export_entries": {
        "en": "📄 {count} entries {period}, as {format}.",
        "sw": "📄 Rekodi {count} {period}, kama {format}.",
    },
    "export_nothing": {
        "en": "Nothing recorded {period}, so there is nothing to export.",
        "sw": "Hakuna kilichorekodiwa {period}, kwa hiyo hakuna cha kupakua.",
    },
    "kpi_pay": {
        "en": "💡 Customers take {days} days on average to pay (slowest: {name}, {slow} days)",
        "sw": "💡 Wateja huchukua siku {days} kwa wastani kulipa (wa polepole zaidi: {name}, siku {slow})",
    },
    "kpi_owed": {
        "en": "; {amount} is still owed ({dso} days of sales).",
        "sw": "; {amount} bado zinadaiwa (siku {dso} za mauzo).",
    },
    "kpi_income": {
        "en": "📈 Income is {change} on last month by this day",
        "sw": "📈 Mapato {change} ukilinganisha na mwezi uliopita kufikia siku hii",
    },
    "kpi_spending": {"en": "; spending is {change}", "sw": "; matumizi {change}"},
    "kpi_up": {"en": "up {pct}%", "sw": "yamepanda {pct}%"},
    "kpi_down": {"en": "down {pct}%", "sw": "yameshuka {pct}%"},
    "chart_mode_on": {
        "en": '📊 Done: summaries, budgets and forecasts will come with a chart. Say "no charts" to stop.',
        "sw": '📊 Sawa: muhtasari, bajeti na utabiri vitakuja na mchoro. Sema "bila michoro" kuacha.',
    },
    "chart_mode_off": {
        "en": 'OK: text only from now on. Ask for a chart any time ("chart of expenses").',
        "sw": 'Sawa: maandishi tu kuanzia sasa. Omba mchoro wakati wowote ("mchoro wa matumizi").',
    },
    "last_months": {"en": "the last {count} months", "sw": "miezi {count} iliyopita"},
}

# The words drawn on the chart itself (finance/charts/labels.py has the English defaults).
SWAHILI_CHART_LABELS: dict[str, str | tuple[str, ...]] = {
    "no_data": "Hakuna rekodi bado",
    "money_in": "Pesa iliyoingia",
    "money_out": "Pesa iliyotoka",
    "balance": "Salio",
    "weekly": "Jumla kwa wiki",
    "income": "Mapato",
    "expenses": "Matumizi",
    "profit": "Faida",
    "other": "Mengineyo",
    "limit": "Kikomo",
    "today": "Leo",
    "forecast": "Utabiri",
    "likely_range": "Kiwango kinachowezekana",
    "lowest": "Chini kabisa",
    "threshold": "Kiwango cha chini",
    "months": ("Jan", "Feb", "Mac", "Apr", "Mei", "Jun", "Jul", "Ago", "Sep", "Okt", "Nov", "Des"),
}
