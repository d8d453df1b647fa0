"""The few figures that tell how cash turns over: days sales outstanding, how long each customer
takes to pay, and this month against last month at the same point."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session

from finance.models import Member
from finance.money import ZERO, from_cents
from finance.services.invoices import balance as owed
from finance.services.invoices import issued_with_customers, last_paid_on
from finance.services.reports import summarise

DSO_DAYS = 90


@dataclass(frozen=True)
class CustomerPace:
    name: str
    days: int  # average days from invoice to full payment
    invoices: int


@dataclass(frozen=True)
class Kpis:
    dso: int | None  # None: nothing invoiced in the last 90 days
    receivable: Decimal
    paces: list[CustomerPace]
    income_change: int | None  # percent against last month by the same day; None: nothing last month
    expense_change: int | None

    @property
    def average_days_to_pay(self) -> int | None:
        total = sum(p.invoices for p in self.paces)
        return round(sum(p.days * p.invoices for p in self.paces) / total) if total else None


def kpis(session: Session, *, actor: Member, today: date) -> Kpis:
    invoices = issued_with_customers(session, actor=actor)
    receivable = sum((owed(i) for i, _ in invoices), ZERO)
    invoiced = sum((from_cents(i.total_cents) for i, _ in invoices if i.issued_on > today - timedelta(DSO_DAYS)), ZERO)
    dso = int((receivable / invoiced * DSO_DAYS).quantize(Decimal(1), rounding=ROUND_HALF_UP)) if invoiced else None
    waits: dict[str, list[int]] = {}
    for invoice, customer in invoices:
        if owed(invoice) > 0:
            continue
        paid = last_paid_on(session, invoice.id)
        if paid is not None:
            waits.setdefault(customer.name, []).append(max(0, (paid - invoice.issued_on).days))
    paces = sorted(
        (CustomerPace(name, round(sum(d) / len(d)), len(d)) for name, d in waits.items()), key=lambda p: -p.days
    )
    now = summarise(session, actor=actor, start=today.replace(day=1), end=today)
    last_start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    last_end = min(last_start + timedelta(days=today.day - 1), today.replace(day=1) - timedelta(days=1))
    before = summarise(session, actor=actor, start=last_start, end=last_end)
    return Kpis(dso, receivable, paces, _change(now.income, before.income), _change(now.expenses, before.expenses))


def _change(now: Decimal, before: Decimal) -> int | None:
    if before <= 0:
        return None
    return int(((now - before) / before * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
