"""What is usual for a business: the same entry made a moment ago (likely sent twice), and how big a
category's expenses usually are (so a typo with an extra zero is noticed)."""

import statistics
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, col, func, select

from finance.clock import utcnow
from finance.models import Member, Transaction
from finance.money import from_cents, to_cents

TWICE_WITHIN = timedelta(minutes=10)
USUAL_SAMPLE = 20  # the category's latest expenses the usual size is read from
USUAL_MIN = 5  # fewer than this and nothing is usual yet
UNUSUAL_FACTOR = 4  # this many times the usual size is flagged


def same_entry_just_made(
    session: Session, *, actor: Member, kind: str, amount: Decimal, category: str, occurred_on: date
) -> Transaction | None:
    """The same kind, amount, category and day recorded in this business in the last few minutes (rent
    for October and rent for November, told one after the other, are two entries)."""
    return session.exec(
        select(Transaction)
        .where(
            col(Transaction.business_id) == actor.business_id,
            col(Transaction.deleted_at).is_(None),
            col(Transaction.kind) == kind,
            col(Transaction.category) == category,
            col(Transaction.occurred_on) == occurred_on,
            col(Transaction.amount_cents) == to_cents(amount),
            col(Transaction.created_at) >= utcnow() - TWICE_WITHIN,
        )
        .order_by(col(Transaction.id).desc())
    ).first()


def usual_expense(session: Session, *, actor: Member, category: str, before_id: int) -> Decimal | None:
    """The median of the category's latest expenses before this one; None while there are too few."""
    cents = session.exec(
        select(Transaction.amount_cents)
        .where(
            col(Transaction.business_id) == actor.business_id,
            col(Transaction.deleted_at).is_(None),
            col(Transaction.kind) == "expense",
            col(Transaction.category) == category,
            col(Transaction.id) < before_id,
        )
        .order_by(col(Transaction.id).desc())
        .limit(USUAL_SAMPLE)
    ).all()
    if len(cents) < USUAL_MIN:
        return None
    return from_cents(int(statistics.median(cents)))


def is_unusual(amount: Decimal, usual: Decimal | None) -> bool:
    return usual is not None and usual > 0 and amount >= usual * UNUSUAL_FACTOR


def usual_category(session: Session, *, actor: Member, counterparty: str) -> str | None:
    """The category this business last filed an expense to this merchant under ("Naivas" -> stock)."""
    return session.exec(
        select(Transaction.category)
        .where(
            col(Transaction.business_id) == actor.business_id,
            col(Transaction.deleted_at).is_(None),
            col(Transaction.kind) == "expense",
            func.lower(col(Transaction.counterparty)) == counterparty.lower(),
        )
        .order_by(col(Transaction.id).desc())
        .limit(1)
    ).first()
