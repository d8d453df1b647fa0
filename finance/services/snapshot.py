"""A business at a glance: the figures an assistant may quote, all from the books."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from finance.models import Budget, Invoice, Member, Transaction
from finance.money import ZERO, from_cents
from finance.services.ledger import recent_transactions
from finance.services.reports import Summary, summarise


@dataclass(frozen=True)
class Snapshot:
    today: date
    last_30_days: Summary
    this_month: Summary
    recent: list[Transaction]
    budgets: list[tuple[str, str, Decimal]] = field(default_factory=list)  # category, period, amount
    unpaid_invoices: int = 0
    unpaid_total: Decimal = ZERO


def snapshot(session: Session, *, actor: Member, today: date) -> Snapshot:
    unpaid = session.exec(
        select(func.count(), func.coalesce(func.sum(Invoice.total_cents - Invoice.paid_cents), 0)).where(
            Invoice.business_id == actor.business_id,
            col(Invoice.status).in_(("sent", "partially_paid", "overdue")),
        )
    ).one()
    budgets = session.exec(select(Budget).where(Budget.business_id == actor.business_id)).all()
    return Snapshot(
        today=today,
        last_30_days=summarise(session, actor=actor, start=today - timedelta(days=29), end=today),
        this_month=summarise(session, actor=actor, start=today.replace(day=1), end=today),
        recent=recent_transactions(session, actor=actor, limit=10),
        budgets=[(b.category, b.period, from_cents(b.amount_cents)) for b in budgets],
        unpaid_invoices=int(unpaid[0] or 0),
        unpaid_total=from_cents(int(unpaid[1] or 0)),
    )
