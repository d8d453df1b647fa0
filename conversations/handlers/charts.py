"""show_chart: a chart of the books as a PNG (Telegram and WhatsApp send it as an image, the web chat
shows it inline), always with a two-line summary: that is what SMS and a spoken reply get instead.
"always send charts" / "no charts" sets whether summaries, budgets and forecasts come with one too."""

from datetime import date, timedelta

from conversations.chart_replies import CHARTS, chart_for
from conversations.contract import END, START, IntentSpec, Slot
from conversations.display import period
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import EVERYONE, Help, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.services.members import set_chart_replies

_TREND_MONTHS = 6  # income against expenses, with no period named: the last six months


def show_chart(turn: Turn, intent: Intent) -> Reply:
    kind = str(intent.slots.get("chart") or "cashflow")
    if kind not in CHARTS:
        kind = "cashflow"
    start, end = _period(turn, intent, kind)
    lang = turn.lang
    when = period(start, end, turn.today, lang) if kind != "budget" else t("this_month", lang)
    if kind == "income_vs_expenses" and "start" not in intent.slots:
        when = t("last_months", lang, count=_TREND_MONTHS)
    found = chart_for(turn, kind, start, end, when)
    if found is None:
        return Reply(t("chart_nothing" if kind != "budget" else "budget_none", lang, period=when))
    return found


def chart_replies(turn: Turn, intent: Intent) -> Reply:
    on = intent.slots.get("mode") != "never"
    set_chart_replies(turn.session, person=turn.person, on=on)
    return Reply(t("chart_mode_on" if on else "chart_mode_off", turn.lang))


def _period(turn: Turn, intent: Intent, kind: str) -> tuple[date, date]:
    slots = intent.slots
    if "start" in slots:
        return date.fromisoformat(str(slots["start"])), date.fromisoformat(str(slots.get("end") or turn.today))
    if kind == "income_vs_expenses":
        first = turn.today.replace(day=1)
        for _ in range(_TREND_MONTHS - 1):
            first = (first - timedelta(days=1)).replace(day=1)
        return first, turn.today
    return turn.today.replace(day=1), turn.today


declare(
    "show_chart",
    show_chart,
    roles=EVERYONE,
    says=("show me a chart of my {metric}", "draw a chart of expenses by category"),
    spec=IntentSpec(
        "Draw a chart.",
        {"chart": Slot("string", "Which chart.", CHARTS), "start": START, "end": END},
        ("chart",),
    ),
    help=Help(
        45,
        '• Charts: "chart of expenses by category", "cash flow chart last month", "income vs expenses graph"',
        '• Michoro: "mchoro wa matumizi kwa aina", "grafu ya mapato na matumizi"',
    ),
)
declare(
    "chart_replies",
    chart_replies,
    roles=EVERYONE,
    says=("always send charts", "no charts"),
    command=True,
    gemini=False,
    help=Help(
        62, '• Charts with answers: "always send charts", "no charts"', '• "nitumie michoro kila mara", "bila michoro"'
    ),
)
