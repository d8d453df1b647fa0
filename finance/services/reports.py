"""Summaries: income, expenses, profit and balance by period, category and counterparty."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from finance.categories import NOT_EARNED
from finance.models import DailyTotal, Kind, Member, Transaction
from finance.money import ZERO, from_cents


@dataclass(frozen=True)
class Summary:
    start: date
    end: date
    income: Decimal
    expenses: Decimal
    count: int
    # Cash position from every entry up to `end`, whatever the period.
    balance: Decimal
    by_category: dict[str, Decimal] = field(default_factory=dict)

    @property
    def profit(self) -> Decimal:
        return self.income - self.expenses


def _rolled_up(session: Session) -> bool:
    """PostgreSQL keeps the daily totals (a trigger, migration 0015); SQLite reads the entries."""
    return session.get_bind().dialect.name == "postgresql"


def _days_of(actor: Member) -> tuple[ColumnElement[bool], ...]:
    return (col(DailyTotal.business_id) == actor.business_id,)


def _live(actor: Member) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return (col(Transaction.business_id) == actor.business_id, col(Transaction.deleted_at).is_(None))


def summarise(
    session: Session,
    *,
    actor: Member,
    start: date,
    end: date,
    category: str | None = None,
    counterparty: str | None = None,
) -> Summary:
    """Any member, viewers included, may read their own business's figures."""
    filters: list[ColumnElement[bool]] = [
        *_live(actor),
        col(Transaction.occurred_on) >= start,
        col(Transaction.occurred_on) <= end,
    ]
    if category:
        filters.append(col(Transaction.category) == category)
    if counterparty:
        filters.append(func.lower(Transaction.counterparty) == counterparty.lower())
    rows: Sequence[tuple[str, str, int | None, int | None]]
    if _rolled_up(session) and not counterparty:
        days = [*_days_of(actor), col(DailyTotal.day) >= start, col(DailyTotal.day) <= end]
        if category:
            days.append(col(DailyTotal.category) == category)
        rows = session.exec(
            select(DailyTotal.kind, DailyTotal.category, func.sum(DailyTotal.cents), func.sum(DailyTotal.entries))
            .where(*days)
            .group_by(DailyTotal.kind, DailyTotal.category)
        ).all()
    else:
        rows = session.exec(
            select(Transaction.kind, Transaction.category, func.sum(Transaction.amount_cents), func.count())
            .where(*filters)
            .group_by(Transaction.kind, Transaction.category)
        ).all()
    income = expenses = 0
    count = 0
    by_category: dict[str, Decimal] = {}
    for kind, cat, sum_cents, n in rows:
        cents = int(sum_cents or 0)
        if not n:
            continue  # a day's entries all undone: the roll-up keeps a row of nothing
        if kind == Kind.transfer or cat in NOT_EARNED:
            continue  # moving own money, a loan or the opening balance: neither income nor expense
        count += int(n)
        if kind == Kind.income:
            income += cents
        else:
            expenses += cents
        by_category[cat] = by_category.get(cat, ZERO) + from_cents(cents)
    return Summary(
        start=start,
        end=end,
        income=from_cents(income),
        expenses=from_cents(expenses),
        count=count,
        balance=balance(session, actor=actor, as_of=end),
        by_category=dict(sorted(by_category.items(), key=lambda kv: kv[1], reverse=True)),
    )


def balance(session: Session, *, actor: Member, as_of: date) -> Decimal:
    if _rolled_up(session):
        rows = session.exec(
            select(DailyTotal.kind, func.sum(DailyTotal.cents))
            .where(*_days_of(actor), col(DailyTotal.day) <= as_of)
            .group_by(DailyTotal.kind)
        ).all()
    else:
        rows = session.exec(
            select(Transaction.kind, func.sum(Transaction.amount_cents))
            .where(*_live(actor), Transaction.occurred_on <= as_of)
            .group_by(Transaction.kind)
        ).all()
    totals = {kind: int(cents or 0) for kind, cents in rows}
    return from_cents(totals.get(Kind.income, 0) - totals.get(Kind.expense, 0))


def daily_totals(session: Session, *, actor: Member, start: date, end: date) -> dict[date, tuple[Decimal, Decimal]]:
    """(money earned, money spent) per day with entries; moves between own accounts, loans taken and
    the opening balance are neither."""
    rows = session.exec(
        select(col(Transaction.occurred_on), Transaction.kind, func.sum(Transaction.amount_cents))
        .where(
            *_live(actor),
            col(Transaction.kind) != Kind.transfer.value,
            col(Transaction.category).not_in(NOT_EARNED),
            col(Transaction.occurred_on) >= start,
            col(Transaction.occurred_on) <= end,
        )
        .group_by(col(Transaction.occurred_on), Transaction.kind)
    ).all()
    totals: dict[date, tuple[Decimal, Decimal]] = {}
    for day, kind, cents in rows:
        got, spent = totals.get(day, (ZERO, ZERO))
        amount = from_cents(int(cents or 0))
        totals[day] = (got + amount, spent) if kind == Kind.income.value else (got, spent + amount)
    return totals
