"""Budgets: a spending limit per expense category and period, how spending stands against it, the
80 % and 100 % alerts (each once per period), and what drove the spending."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from finance.categories import categories_for
from finance.errors import InvalidCategory, NotFound
from finance.models import Budget, BudgetAlert, Kind, Member, Role, Transaction
from finance.money import ZERO, from_cents, plain, to_cents
from finance.services.access import require_role
from finance.services.activity import log_activity
from finance.services.ledger import check_amount

PERIODS = ("monthly", "weekly")
THRESHOLDS = (80, 100)


@dataclass(frozen=True)
class BudgetStatus:
    budget_id: int
    category: str
    period: str
    limit: Decimal
    spent: Decimal
    start: date
    end: date
    today: date

    @property
    def percent(self) -> int:
        # Rounded down, so "100 %" is never said while a shilling is left.
        return int(self.spent * 100 / self.limit) if self.limit > 0 else 0

    @property
    def left(self) -> Decimal:
        return self.limit - self.spent

    @property
    def days_left(self) -> int:
        """Days still to come in the period, today included."""
        return max(0, (self.end - self.today).days + 1)


@dataclass(frozen=True)
class SetResult:
    budget: Budget
    previous: Decimal | None  # the limit it replaced, None when new


@dataclass(frozen=True)
class Driver:
    """Who or what took the most of a budget this period."""

    name: str
    amount: Decimal
    count: int


@dataclass(frozen=True)
class Variance:
    """This period against the previous one at the same point."""

    current: Decimal
    previous: Decimal
    drivers: list[Driver]


def period_of(period: str, day: date) -> tuple[date, date]:
    """The calendar month, or the Monday-to-Sunday week, that holds `day`."""
    if period == "weekly":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def _previous_period(period: str, start: date) -> tuple[date, date]:
    return period_of(period, start - timedelta(days=1))


def set_budget(session: Session, *, actor: Member, category: str, amount: Decimal, period: str) -> SetResult:
    """Sets or changes the limit for a category and period (admins only)."""
    require_role(actor, Role.admin)
    check_amount(amount)
    if category not in categories_for(Kind.expense):
        raise InvalidCategory(f"{category!r} is not an expense category")
    if period not in PERIODS:
        raise InvalidCategory(f"{period!r} is not a budget period")
    budget = _find(session, actor, category, period)
    previous = from_cents(budget.amount_cents) if budget else None
    if budget is None:
        budget = Budget(
            business_id=actor.business_id,
            category=category,
            period=period,
            amount_cents=to_cents(amount),
            created_by=actor.person_id,
        )
    else:
        budget.amount_cents = to_cents(amount)
    session.add(budget)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="set_budget",
        entity="budget",
        entity_id=budget.id,
        before={"amount": plain(previous)} if previous is not None else None,
        after={"category": category, "period": period, "amount": plain(amount)},
    )
    return SetResult(budget, previous)


def remove_budget(session: Session, *, actor: Member, category: str, period: str | None = None) -> list[Budget]:
    """Removes the category's budgets (one period, or all of them); raises NotFound when there is none."""
    require_role(actor, Role.admin)
    found = [b for b in _budgets(session, actor) if b.category == category and period in (None, b.period)]
    if not found:
        raise NotFound(f"no budget for {category}")
    for budget in found:
        for alert in session.exec(select(BudgetAlert).where(BudgetAlert.budget_id == budget.id)).all():
            session.delete(alert)
        session.flush()  # the alerts go first: they point at the budget
        log_activity(
            session,
            actor=actor,
            action="remove_budget",
            entity="budget",
            entity_id=budget.id,
            before={
                "category": budget.category,
                "period": budget.period,
                "amount": plain(from_cents(budget.amount_cents)),
            },
        )
        session.delete(budget)
    session.flush()
    return found


def statuses(session: Session, *, actor: Member, today: date, category: str | None = None) -> list[BudgetStatus]:
    """Every budget (or the category's) as it stands in the period that holds `today`, fullest first."""
    found = [status(session, actor, b, today) for b in _budgets(session, actor) if category in (None, b.category)]
    return sorted(found, key=lambda s: (-s.percent, s.category))


def status(session: Session, actor: Member, budget: Budget, today: date) -> BudgetStatus:
    start, end = period_of(budget.period, today)
    return BudgetStatus(
        budget_id=budget.id or 0,
        category=budget.category,
        period=budget.period,
        limit=from_cents(budget.amount_cents),
        spent=_spent(session, actor, budget.category, start, end),
        start=start,
        end=end,
        today=today,
    )


def crossings(
    session: Session, *, actor: Member, category: str, day: date, today: date
) -> list[tuple[BudgetStatus, int]]:
    """The thresholds an expense on `day` pushed its category's budgets past in the current period,
    each told once a period: the highest newly crossed per budget (jumping past both claims both)."""
    told: list[tuple[BudgetStatus, int]] = []
    for budget in _budgets(session, actor):
        if budget.category != category:
            continue
        current = status(session, actor, budget, today)
        if not current.start <= day <= current.end:
            continue  # an entry for an earlier period changes no alert worth giving now
        told.extend(_newly_crossed(session, budget, current))
    return told


def claim_crossings(session: Session, *, actor: Member, today: date) -> list[tuple[BudgetStatus, int]]:
    """Every budget's threshold crossed this period and not told yet (the scheduled nudge's share:
    crossings no chat reply announced), claimed as told."""
    told: list[tuple[BudgetStatus, int]] = []
    for budget in _budgets(session, actor):
        told.extend(_newly_crossed(session, budget, status(session, actor, budget, today)))
    return told


def _newly_crossed(session: Session, budget: Budget, current: BudgetStatus) -> list[tuple[BudgetStatus, int]]:
    newly = [th for th in THRESHOLDS if current.percent >= th and _claim(session, budget, current.start, th)]
    return [(current, max(newly))] if newly else []


def variance(session: Session, *, actor: Member, current: BudgetStatus, top: int = 3) -> Variance:
    """Spending so far against the previous period's at the same point, and who took the most."""
    start, end = _previous_period(current.period, current.start)
    elapsed = (min(current.today, current.end) - current.start).days
    previous = _spent(session, actor, current.category, start, min(end, start + timedelta(days=elapsed)))
    rows = session.exec(
        select(
            func.coalesce(Transaction.counterparty, Transaction.note),
            func.sum(Transaction.amount_cents),
            func.count(),
        )
        .where(*_expenses(actor, current.category, current.start, current.end))
        .group_by(func.coalesce(Transaction.counterparty, Transaction.note))
        .order_by(func.sum(Transaction.amount_cents).desc())
        .limit(top)
    ).all()
    drivers = [Driver(str(name or "")[:40], from_cents(int(cents or 0)), int(n)) for name, cents, n in rows]
    return Variance(current.spent, previous, drivers)


def _claim(session: Session, budget: Budget, period_start: date, threshold: int) -> bool:
    """True when this alert had not been given: the unique key decides, also between processes."""
    exists = session.exec(
        select(BudgetAlert).where(
            BudgetAlert.budget_id == budget.id,
            BudgetAlert.period_start == period_start,
            BudgetAlert.threshold == threshold,
        )
    ).first()
    if exists is not None:
        return False
    try:
        with session.begin_nested():
            session.add(BudgetAlert(budget_id=budget.id or 0, period_start=period_start, threshold=threshold))
    except IntegrityError:
        return False
    return True


def _expenses(actor: Member, category: str, start: date, end: date) -> list[ColumnElement[bool]]:
    return [
        col(Transaction.business_id) == actor.business_id,
        col(Transaction.deleted_at).is_(None),
        col(Transaction.kind) == Kind.expense.value,
        col(Transaction.category) == category,
        col(Transaction.occurred_on) >= start,
        col(Transaction.occurred_on) <= end,
    ]


def _spent(session: Session, actor: Member, category: str, start: date, end: date) -> Decimal:
    cents = session.exec(
        select(func.sum(Transaction.amount_cents)).where(*_expenses(actor, category, start, end))
    ).one()
    return from_cents(int(cents)) if cents else ZERO


def _budgets(session: Session, actor: Member) -> list[Budget]:
    return list(
        session.exec(select(Budget).where(Budget.business_id == actor.business_id).order_by(col(Budget.id))).all()
    )


def _find(session: Session, actor: Member, category: str, period: str) -> Budget | None:
    return session.exec(
        select(Budget).where(
            Budget.business_id == actor.business_id, Budget.category == category, Budget.period == period
        )
    ).first()
