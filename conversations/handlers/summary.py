"""query_summary: income, expenses, profit or balance for a period."""

from datetime import date

from conversations.chart_replies import with_chart
from conversations.contract import END, START, IntentSpec, Slot
from conversations.display import day, money, period
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import EVERYONE, Help, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.categories import INCOME_CATEGORIES, category_label
from finance.services.reports import summarise

# The chart that goes with each answer for people who asked for charts.
_CHART_OF = {"expenses": "expenses_by_category", "profit": "income_vs_expenses"}


def summary(turn: Turn, intent: Intent) -> Reply:
    slots = intent.slots
    start = date.fromisoformat(slots["start"]) if "start" in slots else turn.today.replace(day=1)
    end = date.fromisoformat(slots["end"]) if "end" in slots else turn.today
    reply = _answer(turn, intent, start, end)
    return with_chart(turn, reply, _CHART_OF.get(slots.get("metric", "profit"), "cashflow"), start, end)


def _answer(turn: Turn, intent: Intent, start: date, end: date) -> Reply:
    slots = intent.slots
    metric = slots.get("metric", "profit")
    result = summarise(
        turn.session,
        actor=turn.member,
        start=start,
        end=end,
        category=slots.get("category"),
        counterparty=slots.get("counterparty"),
    )
    lang, currency = turn.lang, turn.business.currency
    when = period(start, end, turn.today, lang)
    if metric == "balance":
        return Reply(
            t(
                "summary_balance",
                lang,
                day=day(end, turn.today, lang),
                total=money(result.balance, lang, currency),
            )
        )
    if result.count == 0:
        return Reply(t("summary_none", lang, period=when))
    if metric == "profit":
        label = t("profit" if result.profit >= 0 else "loss", lang)
        return Reply(
            t(
                "summary_profit",
                lang,
                label=label,
                period=when,
                total=money(abs(result.profit), lang, currency),
                income=money(result.income, lang, currency),
                expenses=money(result.expenses, lang, currency),
            )
        )
    total = result.expenses if metric == "expenses" else result.income
    top = ""
    if not slots.get("category"):
        biggest = [
            (cat, value)
            for cat, value in result.by_category.items()
            if (cat in INCOME_CATEGORIES) == (metric == "income")
        ][:3]
        if biggest:
            items = ", ".join(f"{category_label(cat, lang)} {money(value, lang, currency)}" for cat, value in biggest)
            top = t("summary_top", lang, items=items)
    label = when + (f" — {category_label(slots['category'], lang)}" if slots.get("category") else "")
    return Reply(t(f"summary_{metric}", lang, total=money(total, lang, currency), period=label, top=top))


declare(
    "query_summary",
    summary,
    roles=EVERYONE,
    says=(
        "how much did i {metric_verb} {period}",
        "how much did i {metric_verb} on {exp} {period}",
        "how much {metric} {period}",
        "what is my {metric} {period}",
        "what was my {metric} {period}",
        "show me my {metric} {period}",
        "show my {metric}",
        "my {metric} {period}",
        "{metric} {period}",
        "nimetumia ngapi {sw_period}",
        "nimetumia pesa ngapi {sw_period}",
        "nimeuza ngapi {sw_period}",
        "faida yangu {sw_period}",
        "faida {sw_period}",
        "mapato {sw_period}",
        "matumizi {sw_period}",
        "salio langu ni ngapi",
        "salio",
    ),
    spec=IntentSpec(
        "Answer how much came in, went out, the profit or the balance for a period.",
        {
            "metric": Slot("string", "What to total.", ("income", "expenses", "profit", "balance")),
            "start": START,
            "end": END,
            "category": Slot("string", "Only this category."),
            "counterparty": Slot("string", "Only this counterparty."),
        },
        ("metric",),
    ),
    help=Help(
        20,
        '• Questions: "how much did I spend this month?", "profit last month", "balance"',
        '• Maswali: "nimetumia ngapi mwezi huu?", "faida mwezi uliopita", "salio"',
    ),
)
