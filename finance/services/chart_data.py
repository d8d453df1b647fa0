"""The figures each chart draws, read from the ledger (finance/charts draws them; the conversation
names them in the person's language)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from finance.models import Kind, Member, Transaction
from finance.money import ZERO, from_cents
from finance.services.budgets import BudgetStatus, statuses
from finance.services.forecast import CashForecast, cash_forecast
from finance.services.reports import balance, daily_totals

MONTHLY_FROM_DAYS = 62  # a longer period is shown month by month, a shorter one week by week


@dataclass(frozen=True)
class Daily:
    days: list[date]
    money_in: list[Decimal]
    money_out: list[Decimal]
    balance: list[Decimal]  # at the end of each day


@dataclass(frozen=True)
class Bucket:
    start: date
    end: date
    income: Decimal
    expenses: Decimal


@dataclass(frozen=True)
class ForecastSeries:
    history: Daily
    forecast: CashForecast


def daily(session: Session, *, actor: Member, start: date, end: date) -> Daily:
    totals = daily_totals(session, actor=actor, start=start, end=end)
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    running = balance(session, actor=actor, as_of=start - timedelta(days=1))
    money_in, money_out, balances = [], [], []
    for day in days:
        got, spent = totals.get(day, (ZERO, ZERO))
        running += got - spent
        money_in.append(got)
        money_out.append(spent)
        balances.append(running)
    return Daily(days, money_in, money_out, balances)


def buckets(session: Session, *, actor: Member, start: date, end: date) -> tuple[str, list[Bucket]]:
    """("monthly" | "weekly", the buckets): calendar months for long periods, Monday weeks for short."""
    totals = daily_totals(session, actor=actor, start=start, end=end)
    monthly = (end - start).days > MONTHLY_FROM_DAYS
    found: list[Bucket] = []
    cursor = start
    while cursor <= end:
        if monthly:
            nxt = (cursor.replace(day=1) + timedelta(days=32)).replace(day=1)
        else:
            nxt = cursor - timedelta(days=cursor.weekday()) + timedelta(days=7)
        last = min(nxt - timedelta(days=1), end)
        got = sum((v[0] for d, v in totals.items() if cursor <= d <= last), ZERO)
        spent = sum((v[1] for d, v in totals.items() if cursor <= d <= last), ZERO)
        found.append(Bucket(cursor, last, got, spent))
        cursor = nxt
    return ("monthly" if monthly else "weekly"), found


def expenses_by_category(session: Session, *, actor: Member, start: date, end: date) -> list[tuple[str, Decimal]]:
    rows = session.exec(
        select(Transaction.category, func.sum(Transaction.amount_cents))
        .where(*_live(actor, start, end), col(Transaction.kind) == Kind.expense.value)
        .group_by(Transaction.category)
        .order_by(func.sum(Transaction.amount_cents).desc())
    ).all()
    return [(category, from_cents(int(cents or 0))) for category, cents in rows]


def budget_lines(session: Session, *, actor: Member, today: date) -> list[BudgetStatus]:
    return statuses(session, actor=actor, today=today)


def forecast_series(
    session: Session, *, actor: Member, today: date, days: int, history_days: int = 30
) -> ForecastSeries:
    history = daily(session, actor=actor, start=today - timedelta(days=history_days - 1), end=today)
    return ForecastSeries(history, cash_forecast(session, actor=actor, today=today, days=days))


def _live(actor: Member, start: date, end: date) -> list[ColumnElement[bool]]:
    return [
        col(Transaction.business_id) == actor.business_id,
        col(Transaction.deleted_at).is_(None),
        col(Transaction.occurred_on) >= start,
        col(Transaction.occurred_on) <= end,
    ]
