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
FUTURE = PhraseTable.of(v.FUTURE_WORDS)
CASH = PhraseTable.of(v.CASH_WORDS)
CREDIT = PhraseTable.of(v.CREDIT_WORDS)
CHART = PhraseTable.of(v.CHART_WORDS)
CHART_KINDS = PhraseTable.grouped(v.CHART_KINDS)
EXPORT = PhraseTable.of(v.EXPORT_WORDS)
EXPORT_FORMATS = PhraseTable.grouped(v.EXPORT_FORMATS)
_HORIZON_RE = re.compile(r"\b(\d{1,3})\s*(day|days|siku|week|weeks|wiki|month|months|miezi|mwezi)\b")
# Swahili puts the count after the unit ("siku 21", "wiki mbili"), English before ("two weeks").
_UNIT_DAYS = {"day": 1, "days": 1, "siku": 1, "week": 7, "weeks": 7, "wiki": 7, "month": 30, "months": 30,
              "mwezi": 30, "miezi": 30}  # fmt: skip
# "remove the fuel budget": a budget of nothing, which set_budget takes as removing it.
_REMOVE = PhraseTable.of(("remove", "delete", "cancel", "clear", "drop", "scrap", "futa", "ondoa", "toa", "no longer"))
_SET = PhraseTable.of(("set", "weka", "put", "create", "start", "add", "new", "change", "make", "increase", "raise"))
# "how much did I spend, with a chart": where the money went is the picture that answers it.
_SPENDING = {"spend", "spent", "spending", "expenses", "expense", "matumizi", "nimetumia", "tumia"}
# The period a budget message names; KAVI keeps weekly and monthly ones, and says so for the others.
_PERIODS = {"week": "weekly", "weekly": "weekly", "wiki": "weekly", "weeks": "weekly",
            "month": "monthly", "monthly": "monthly", "mwezi": "monthly", "mwezini": "monthly",
            "year": "yearly", "yearly": "yearly", "annual": "yearly", "annually": "yearly", "mwaka": "yearly",
            "day": "daily", "daily": "daily", "siku": "daily", "kwa siku": "daily"}  # fmt: skip


def _named_period(msg: Analysed) -> str | None:
    return next((_PERIODS[w] for w in msg.lows if w in _PERIODS), None)


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
        slots["period"] = _named_period(msg) or "monthly"
        return Intent("set_budget", slots, confidence=0.9 if category else 0.6)
    if category and _REMOVE.first(msg.lows):
        # Removing names a period only when the owner did: "remove the fuel budget" is all of them.
        named = _named_period(msg)
        removal = {"category": category, "amount": "0", **({"period": named} if named else {})}
        return Intent("set_budget", removal, confidence=0.8)
    if _SET.first(msg.lows):
        slots = {"category": category} if category else {}
        slots["period"] = _named_period(msg) or "monthly"
        return Intent("set_budget", slots, confidence=0.7)
    return Intent("budget_status", {"category": category} if category else {}, confidence=0.9)


def forecast(msg: Analysed) -> Intent:
    days = horizon(msg) or 30
    return Intent("forecast", {"days": max(1, min(days, 365))}, confidence=0.9)


def horizon(msg: Analysed) -> int | None:
    """How many days ahead the message names: "next 10 days", "siku tisini", "wiki mbili", "a week"."""
    lows = msg.lows
    for i, word in enumerate(lows):
        unit = _UNIT_DAYS.get(word)
        if unit is None:
            continue
        for j in (i + 1, i - 1) if word in ("siku", "wiki", "mwezi", "miezi") else (i - 1, i + 1):
            if 0 <= j < len(lows):
                count = int(lows[j]) if lows[j].isdigit() and len(lows[j]) <= 3 else v.NUMBER_WORDS.get(lows[j])
                if count:
                    return count * unit
        return unit
    return None


def _counted(msg: Analysed) -> bool:
    """A count beside a unit of time ("10 days", "siku tisini"): the number is a horizon, not money."""
    lows = msg.lows
    return any(
        w in _UNIT_DAYS
        and any(0 <= j < len(lows) and (lows[j].isdigit() or lows[j] in v.NUMBER_WORDS) for j in (i - 1, i + 1))
        for i, w in enumerate(lows)
    )


def future_cash(msg: Analysed, has_money: bool) -> Intent | None:
    """ "what will my cash look like next month?", "pesa itakuwa ngapi baada ya siku 21?"."""
    if not (FUTURE.first(msg.lows) and CASH.first(msg.lows)):
        return None
    if has_money and not _counted(msg):
        return None  # "received 5000 cash for next month's rent" is an entry; "next 10 days" is a horizon
    return forecast(msg)


def chart(msg: Analysed, today: date) -> Intent:
    kinds = [m.value for m in CHART_KINDS.all(msg.lows)]
    spending = any(w in _SPENDING for w in msg.lows)
    kind = kinds[0] if kinds else "expenses_by_category" if spending else "cashflow"
    if "income_vs_expenses" in kinds:
        kind = "budget" if "budget" in kinds else "income_vs_expenses"  # "budget vs actual" is the budget's
    return Intent("show_chart", {"chart": kind, **_period_slots(msg, today)}, confidence=0.9)


def export(msg: Analysed, today: date) -> Intent:
    fmt = EXPORT_FORMATS.first(msg.lows)
    slots = {"format": fmt.value if fmt else "pdf", **_period_slots(msg, today)}
    return Intent("export_report", slots, confidence=0.85)
