"""Budgets, forecasts, credit score, charts and exports."""

import re
from datetime import date

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.dates import find_period
from conversations.parser.records import Evidence, pick_category
from conversations.parser.text import Analysed, PhraseTable
from finance.money import plain

BUDGET = PhraseTable.of(v.BUDGET_WORDS)
FORECAST = PhraseTable.of(v.FORECAST_WORDS)
CREDIT = PhraseTable.of(v.CREDIT_WORDS)
CHART = PhraseTable.of(v.CHART_WORDS)
CHART_KINDS = PhraseTable.grouped(v.CHART_KINDS)
EXPORT = PhraseTable.of(v.EXPORT_WORDS)
EXPORT_FORMATS = PhraseTable.grouped(v.EXPORT_FORMATS)
_HORIZON_RE = re.compile(r"\b(\d{1,3})\s*(day|days|siku|week|weeks|wiki|month|months|miezi|mwezi)\b")
# "remove the fuel budget": a budget of nothing, which set_budget takes as removing it.
_REMOVE = PhraseTable.of(("remove", "delete", "cancel", "clear", "drop", "scrap", "futa", "ondoa", "toa", "no longer"))
_SET = PhraseTable.of(("set", "weka", "put", "create", "start", "add", "new", "change", "make", "increase", "raise"))
_WEEKLY = {"week", "weekly", "wiki", "kila wiki", "per week", "a week"}


def _period_slots(msg: Analysed, today: date) -> dict[str, object]:
    period = find_period(msg, today)
    if period is None:
        return {}
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def budget(msg: Analysed, ev: Evidence) -> Intent:
    category = pick_category(ev.expense_categories)
    if ev.amount is not None and ev.amount.value > 0:
        slots: dict[str, object] = {}
        if category:
            slots["category"] = category
        slots["amount"] = plain(ev.amount.value)
        slots["period"] = "weekly" if any(w in _WEEKLY for w in msg.lows) else "monthly"
        return Intent("set_budget", slots, confidence=0.9 if category else 0.6)
    if category and _REMOVE.first(msg.lows):
        return Intent("set_budget", {"category": category, "amount": "0", "period": "monthly"}, confidence=0.8)
    if _SET.first(msg.lows):
        return Intent("set_budget", {"category": category} if category else {}, confidence=0.7)
    return Intent("budget_status", {"category": category} if category else {}, confidence=0.9)


def forecast(msg: Analysed) -> Intent:
    days = 30
    m = _HORIZON_RE.search(" ".join(msg.lows))
    if m:
        n = int(m.group(1))
        unit = m.group(2)
        days = n * (
            7 if unit.startswith(("week", "wiki")) else 30 if unit.startswith(("month", "miezi", "mwezi")) else 1
        )
    elif "week" in msg.lows or "wiki" in msg.lows:
        days = 7
    return Intent("forecast", {"days": max(1, min(days, 365))}, confidence=0.9)


def chart(msg: Analysed, today: date) -> Intent:
    kinds = [m.value for m in CHART_KINDS.all(msg.lows)]
    kind = kinds[0] if kinds else "cashflow"
    if "income_vs_expenses" in kinds:
        kind = "income_vs_expenses"
    return Intent("show_chart", {"chart": kind, **_period_slots(msg, today)}, confidence=0.9)


def export(msg: Analysed, today: date) -> Intent:
    fmt = EXPORT_FORMATS.first(msg.lows)
    slots = {"format": fmt.value if fmt else "pdf", **_period_slots(msg, today)}
    return Intent("export_report", slots, confidence=0.85)
