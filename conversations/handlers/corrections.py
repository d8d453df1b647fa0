""" "no, it was 1,500" / "sorry, it was fuel not rent" / "hapana, ilikuwa jana" right after a recording.

The reply names what the edit changed, field by field, read from the entry before and after: when
the message asks for what the entry already says, it says so instead of claiming a fix."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlmodel import col, select

from conversations.display import day, money
from conversations.handlers.records import amount_problem, describe
from conversations.messages import Reply
from conversations.parser import vocabulary as v
from conversations.parser.dates import find_day
from conversations.parser.insights import BUDGET
from conversations.parser.money_moved import money_amount
from conversations.parser.names import counterparty
from conversations.parser.records import EXPENSE_CATEGORIES, INCOME_CATEGORIES, pick_category
from conversations.parser.text import Analysed, Match, PhraseTable
from conversations.texts import t
from conversations.turn import Turn
from conversations.undo_buttons import with_undo
from finance.categories import category_label
from finance.clock import as_utc, utcnow
from finance.errors import FinanceError
from finance.models import Transaction
from finance.money import D
from finance.services.ledger import edit_transaction, snapshot

CORRECTION_WINDOW = timedelta(minutes=30)
_OPENERS = PhraseTable.of(v.CORRECTION_OPENERS)
# "fuel not rent", "si rent ni fuel", "fuel instead of rent": the word after these is the old value.
_NEGATIONS = PhraseTable.of(("not", "si", "sio", "siyo", "instead of", "badala ya", "rather than", "and not"))


def correction(turn: Turn, text: str) -> Reply | None:
    """The edit the message asks of the entry just recorded, or None when it is no correction."""
    txn = _last_entry(turn)
    if txn is None:
        return None
    msg = Analysed.of(text)
    opener = _OPENERS.first(msg.lows)
    if opener is None or opener.start != 0 or BUDGET.first(msg.lows):
        return None  # "badilisha bajeti ya nauli iwe 1500" changes a budget, not the last entry
    day_found = find_day(msg, turn.today)
    skip = set(range(*day_found.span)) if day_found else set()
    # "12k not 15k": the amount after "not" is the old one.
    negated = {i for m in _NEGATIONS.all(msg.lows) for i in (m.end, m.end + 1)}
    amount = money_amount(msg, skip | negated)
    category = _new_category(msg, txn.kind)
    # "no, the rent was 12k" right after "bought stock 5,000": the rent entry is meant, not the stock.
    named = _recent_entry(turn, category) if category and category != txn.category else None
    if named is not None:
        txn, category = named, None
    who = counterparty(msg, skip | negated, set())
    if amount is None and category is None and day_found is None and who is None:
        return None
    if amount is not None:
        problem = amount_problem(turn, amount.value)
        if problem is not None:
            return problem
    before = snapshot(txn)
    try:
        edited = edit_transaction(
            turn.session,
            actor=turn.member,
            transaction_id=txn.id or 0,
            amount=amount.value if amount else None,
            category=category,
            occurred_on=day_found.start if day_found else None,
            counterparty=who,
        )
    except FinanceError:
        return None
    changes = _changes(turn, before, snapshot(edited))
    words = describe(turn, edited)
    if not changes:
        return with_undo(turn, t("edit_nothing_changed", turn.lang, **words), edited.id)
    return with_undo(turn, t("edited", turn.lang, changes="; ".join(changes), **words), edited.id)


def _recent_entry(turn: Turn, category: str) -> Transaction | None:
    """The person's latest entry of that category within the correction window, if any."""
    return turn.session.exec(
        select(Transaction)
        .where(
            Transaction.business_id == turn.business.id,
            Transaction.created_by == turn.person.id,
            Transaction.category == category,
            col(Transaction.deleted_at).is_(None),
            col(Transaction.created_at) >= utcnow() - CORRECTION_WINDOW,
        )
        .order_by(col(Transaction.id).desc())
    ).first()


def _last_entry(turn: Turn) -> Transaction | None:
    if turn.state.last_transaction_id is None:
        return None
    txn = turn.session.get(Transaction, turn.state.last_transaction_id)
    if (
        txn is None
        or txn.deleted_at is not None
        or txn.created_by != turn.person.id
        or utcnow() - as_utc(txn.created_at) > CORRECTION_WINDOW
    ):
        return None
    return txn


def _new_category(msg: Analysed, kind: str) -> str | None:
    """The category the message names as right: one after "not" is the wrong one it replaces."""
    negated = {m.end for m in _NEGATIONS.all(msg.lows)}

    def wanted(matches: list[Match]) -> list[Match]:
        return [m for m in matches if m.start not in negated]

    same, other = (
        (INCOME_CATEGORIES, EXPENSE_CATEGORIES) if kind == "income" else (EXPENSE_CATEGORIES, INCOME_CATEGORIES)
    )
    return pick_category(wanted(same.all(msg.lows))) or pick_category(wanted(other.all(msg.lows)))


def _changes(turn: Turn, before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """ "category rent → transport", "amount Ksh 1,000 → Ksh 1,500": only what really changed."""
    lang = turn.lang
    shown: dict[str, Callable[[Any], str]] = {
        "amount": lambda value: money(D(str(value)), lang, turn.business.currency),
        "kind": lambda value: t(str(value), lang),
        "category": lambda value: category_label(str(value), lang) if value else "—",
        "date": lambda value: day(date.fromisoformat(str(value)), turn.today, lang),
        "counterparty": lambda value: str(value) if value else "—",
    }
    return [
        t(f"changed_{field}", lang, old=show(before[field]), new=show(after[field]))
        for field, show in shown.items()
        if before.get(field) != after.get(field)
    ]
