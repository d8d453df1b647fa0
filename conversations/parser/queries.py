"""Questions about the numbers: query_summary."""

from datetime import date

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.amounts import find_amounts
from conversations.parser.dates import find_period
from conversations.parser.names import counterparty
from conversations.parser.records import Evidence, pick_category
from conversations.parser.text import Analysed, PhraseTable

METRICS = PhraseTable.grouped(v.METRIC_WORDS)
QUESTION_CUES = PhraseTable.of(v.QUESTION_CUES)
# Weak balance words lose to any other metric: "cash sales" is income.
_WEAK_BALANCE = {"cash", "bank", "float", "do i have", "pesa ngapi"}
_I_DID = ("nim", "nil", "tum", "tul", "nm", "spent", "bought")
_ORDER = ("profit", "balance", "expenses", "income")


def is_question(msg: Analysed) -> bool:
    if "?" in msg.lows:
        return True
    cues = QUESTION_CUES.all(msg.lows)
    # "total shs 7,500", "3.2k total", "KES 2,000 in total": a total stated, not asked for; "BP check
    # services 1,400": a command word in the middle of an entry is a noun, not a command.
    return any(
        not (cue.phrase in _STATED and _number_near(msg, cue.start))
        and not (cue.phrase in _COMMANDS and cue.start > 0 and _money_said(msg))
        for cue in cues
    )


_COMMANDS = {"check", "see", "view", "show", "list", "status", "report", "numbers", "figures", "breakdown"}


def _money_said(msg: Analysed) -> bool:
    return any(t.is_number and any(ch.isdigit() for ch in t.low) and len(t.low.lstrip("0")) >= 3 for t in msg.tokens)


_STATED = {"total", "totals"}


def _number_near(msg: Analysed, i: int) -> bool:
    # Digits or an amount in words ("sales today total fifty six thousand three hundred").
    if any(msg.lows[j][0].isdigit() for j in range(max(0, i - 3), min(len(msg.lows), i + 6))):
        return True
    return any(i - 3 <= a.start <= i + 6 and a.value >= 100 for a in find_amounts(msg))


def metric_of(msg: Analysed, ev: Evidence) -> str | None:
    found = METRICS.all(msg.lows)
    strong = [m for m in found if not (m.value == "balance" and m.phrase in _WEAK_BALANCE)]
    if strong:
        values = [m.value for m in strong]
        for metric in ("profit", "balance"):
            if metric in values:
                return metric
        return values[0]
    # "jane amelipa pesa ngapi", "kiprop amenilipa ngapi": the verb says which money is asked about
    # ("has Kiprop paid me": the "paid" of "paid me" is no spending).
    inside = {k for m in ev.income_cues for k in range(m.start, m.end)}
    spent = [m for m in ev.expense_cues if m.start not in inside]
    if ev.income_cues and not spent:
        return "income"
    if not ev.income_cues and any(m.phrase.startswith(_I_DID) for m in spent):
        return "expenses"  # "fundi nimempa pesa ngapi": what I gave him ("did Amina pay" asks what came in)
    if found:
        return "balance"
    if ev.expense_categories:
        return "expenses"
    if ev.income_categories:
        return "income"
    return None


def query_intent(msg: Analysed, ev: Evidence, metric: str, today: date) -> Intent:
    slots: dict[str, object] = {"metric": metric}
    period = find_period(msg, today)
    if period is not None:
        slots["start"] = period.start.isoformat()
        slots["end"] = period.end.isoformat()
    elif metric != "balance":
        # Contract: with no period a summary covers this month; the balance is the balance now.
        slots["start"] = today.replace(day=1).isoformat()
        slots["end"] = today.isoformat()
    if metric in ("expenses", "profit", "balance"):
        category = pick_category(ev.expense_categories)
    else:
        category = pick_category(ev.income_categories)
    if category and metric in ("expenses", "income"):
        slots["category"] = category
    skip = set(range(*period.span)) if period else set()
    verbs = {m.start for m in ev.expense_cues + ev.income_cues}
    who = counterparty(msg, skip, verbs)
    if who:
        slots["counterparty"] = who
    return Intent("query_summary", slots, confidence=0.9 if is_question(msg) else 0.8)
