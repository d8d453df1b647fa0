"""The cash forecast: the balance day by day for the coming days, from the business's own history
(finance/forecast/model.py: the weekday pattern and level of money in and out) plus the money it
knows is coming — open invoices on their due dates, weighted by how that customer pays, and the
recurring entries the owner set up, on their days — with a band,
the lowest point, the day it would go below zero, and what would fix it."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from finance.categories import NOT_EARNED
from finance.forecast.balance import cumulative_band
from finance.forecast.model import SHILLING, forecast_daily
from finance.models import Invoice, Kind, Member, Payment, PaymentAllocation, Transaction
from finance.money import ZERO, from_cents
from finance.services.invoices import balance as owed_on
from finance.services.invoices import issued_with_customers, last_paid_on, state
from finance.services.recurring import active as active_schedules
from finance.services.recurring import following
from finance.services.reports import balance

HISTORY_DAYS = 365
DEFAULT_DAYS = 30
MAX_DAYS = 365
# How likely an open invoice is paid in the horizon when its customer has no record yet.
_NO_RECORD_WEIGHT = Decimal("0.7")
# An overdue invoice is not expected the very next day: a week after today, or its customer's usual delay.
_OVERDUE_GRACE = 7


@dataclass(frozen=True)
class DayPoint:
    day: date
    mean: Decimal
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class Expected:
    """Money the business knows about: an open invoice expected on a day, weighted by its customer."""

    day: date
    amount: Decimal  # what is owed
    weight: Decimal  # the share of it counted in the forecast
    label: str  # the invoice number
    customer: str
    days_late: int  # 0 when not yet due


@dataclass(frozen=True)
class Scheduled:
    """A recurring entry's next occurrence in the horizon: money in (positive) or out (negative)."""

    day: date
    amount: Decimal
    label: str  # the counterparty, or the category


@dataclass(frozen=True)
class CashForecast:
    today: date
    opening: Decimal
    path: list[DayPoint]
    history_days: int
    method: str
    expected: list[Expected] = field(default_factory=list)
    spend_per_day: Decimal = ZERO  # the forecast's average money out a day
    scheduled: list[Scheduled] = field(default_factory=list)

    @property
    def lowest(self) -> DayPoint:
        return min(self.path, key=lambda p: (p.mean, p.day))

    @property
    def closing(self) -> DayPoint:
        return self.path[-1]

    def first_below(self, threshold: Decimal = ZERO) -> DayPoint | None:
        return next((p for p in self.path if p.mean < threshold), None)

    def fixes(self, limit: int = 2) -> list[Expected]:
        """The invoices whose collection would help most: the biggest overdue first, then due soonest."""
        late = sorted((e for e in self.expected if e.days_late > 0), key=lambda e: -e.amount)
        due = sorted((e for e in self.expected if e.days_late == 0), key=lambda e: (e.day, -e.amount))
        return (late + due)[:limit]


def cash_forecast(session: Session, *, actor: Member, today: date, days: int = DEFAULT_DAYS) -> CashForecast:
    """Any member may read it; it changes nothing."""
    days = max(1, min(days, MAX_DAYS))
    first, income, expenses = _history(session, actor, today)
    money_in = forecast_daily(income, first, days)
    money_out = forecast_daily(expenses, first, days)
    opening = balance(session, actor=actor, as_of=today)
    expected = _expected(session, actor, today, days)
    scheduled = _scheduled(session, actor, today, days)
    known: dict[date, Decimal] = defaultdict(lambda: ZERO)
    for item in expected:
        known[item.day] += (item.amount * item.weight).quantize(SHILLING, rounding=ROUND_HALF_UP)
    for occurrence in scheduled:
        known[occurrence.day] += occurrence.amount  # set by the owner: counted in full, on its day
    path: list[DayPoint] = []
    extra = ZERO
    for offset, (mean, low, high) in enumerate(cumulative_band(money_in, money_out, opening)):
        day = today + timedelta(days=offset + 1)
        extra += known.get(day, ZERO)
        path.append(DayPoint(day, mean + extra, low + extra, high + extra))
    methods = {money_in.method, money_out.method}
    spend = (sum(money_out.mean, ZERO) / days).quantize(SHILLING, rounding=ROUND_HALF_UP)
    method = " / ".join(sorted(methods))
    return CashForecast(today, opening, path, len(income), method, expected, spend, scheduled)


def _scheduled(session: Session, actor: Member, today: date, days: int) -> list[Scheduled]:
    """The recurring entries' occurrences up to the horizon; one due today or before and not yet
    recorded (the scheduler records it in the morning) is counted tomorrow."""
    end = today + timedelta(days=days)
    found: list[Scheduled] = []
    for schedule in active_schedules(session, actor=actor):
        if schedule.kind == Kind.transfer.value:
            continue
        sign = 1 if schedule.kind == Kind.income.value else -1
        amount = sign * from_cents(schedule.amount_cents)
        label = schedule.counterparty or schedule.category
        occurs = schedule.next_on
        while occurs <= end:
            found.append(Scheduled(max(occurs, today + timedelta(days=1)), amount, label))
            occurs = following(schedule.every, schedule.anchor, occurs)
    return sorted(found, key=lambda s: (s.day, s.label))


def _history(session: Session, actor: Member, today: date) -> tuple[date, list[Decimal], list[Decimal]]:
    """Daily money in and out up to today, from the first entry (at most a year back). Invoice payments
    are left out of money in: the invoices still open are counted on their own, by due date."""
    start = today - timedelta(days=HISTORY_DAYS - 1)
    invoice_paid = select(Payment.transaction_id).where(
        col(Payment.business_id) == actor.business_id,
        col(Payment.transaction_id).is_not(None),
        col(Payment.id).in_(select(PaymentAllocation.payment_id)),
    )
    rows = session.exec(
        select(col(Transaction.occurred_on), Transaction.kind, func.sum(Transaction.amount_cents))
        .where(
            col(Transaction.business_id) == actor.business_id,
            col(Transaction.deleted_at).is_(None),
            col(Transaction.kind) != Kind.transfer.value,
            col(Transaction.category).not_in(NOT_EARNED),  # a loan taken is no pattern to expect again
            col(Transaction.occurred_on) >= start,
            col(Transaction.occurred_on) <= today,
            col(Transaction.id).not_in(invoice_paid),
            # Recurring entries are counted from their schedules, on their days, not as a daily level.
            col(Transaction.recurring_id).is_(None),
        )
        .group_by(col(Transaction.occurred_on), Transaction.kind)
    ).all()
    if not rows:
        return today, [], []
    first = min(day for day, _, _ in rows)
    size = (today - first).days + 1
    income, expenses = [ZERO] * size, [ZERO] * size
    for day, kind, cents in rows:
        series = income if kind == Kind.income.value else expenses
        series[(day - first).days] += from_cents(int(cents or 0))
    return first, income, expenses


def _expected(session: Session, actor: Member, today: date, days: int) -> list[Expected]:
    horizon_end = today + timedelta(days=days)
    found: list[Expected] = []
    records: dict[int, tuple[Decimal, int]] = {}
    invoices = issued_with_customers(session, actor=actor)
    for invoice, customer in invoices:
        owed = owed_on(invoice)
        if owed <= 0 or state(invoice, today) in ("paid", "cancelled"):
            continue
        if customer.id not in records:
            records[customer.id or 0] = _payment_record(session, actor, customer.id or 0, today)
        weight, delay = records[customer.id or 0]
        days_late = max(0, (today - invoice.due_on).days)
        expected_on = invoice.due_on + timedelta(days=delay)
        if expected_on <= today:
            expected_on = today + timedelta(days=max(_OVERDUE_GRACE, delay))
        if days_late > 60:
            weight = weight / 2  # two months late: perhaps, not probably
        if expected_on > horizon_end:
            continue
        found.append(Expected(expected_on, owed, weight, invoice.number, customer.name, days_late))
    return sorted(found, key=lambda e: e.day)


def _payment_record(session: Session, actor: Member, customer_id: int, today: date) -> tuple[Decimal, int]:
    """(share of past invoices paid in full, typical days after the due date they were paid)."""
    past = session.exec(
        select(Invoice).where(
            col(Invoice.business_id) == actor.business_id,
            col(Invoice.customer_id) == customer_id,
            col(Invoice.cancelled_at).is_(None),
            col(Invoice.credit_note_for_id).is_(None),
            col(Invoice.due_on) < today,
        )
    ).all()
    if not past:
        return _NO_RECORD_WEIGHT, 0
    paid = [i for i in past if owed_on(i) <= 0]
    delays: list[int] = []
    for invoice in paid:
        paid_on = last_paid_on(session, invoice.id)
        if paid_on is not None:
            delays.append(max(0, (paid_on - invoice.due_on).days))
    share = (Decimal(len(paid)) / Decimal(len(past))).quantize(Decimal("0.01"))
    delays.sort()
    return max(share, Decimal("0.1")), delays[len(delays) // 2] if delays else 0
