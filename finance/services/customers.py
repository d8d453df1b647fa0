"""Customers: found by name or phone (typos forgiven), created on purpose, summarised per person."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, col, func, select

from finance.errors import NotFound
from finance.models import Customer, Invoice, Member, PayerAlias, Payment, PaymentAllocation, Role
from finance.money import from_cents
from finance.name_match import SAME_NAME, rank_by_name
from finance.phones import e164
from finance.services.access import require_role
from finance.services.activity import log_activity


@dataclass(frozen=True)
class CustomerMatch:
    customer: Customer
    score: float  # rapidfuzz similarity, 0-100
    by_phone: bool = False

    @property
    def sure(self) -> bool:
        return self.by_phone or self.score >= SAME_NAME


def _customers(session: Session, business_id: int) -> list[Customer]:
    query = select(Customer).where(Customer.business_id == business_id, col(Customer.deleted_at).is_(None))
    return list(session.exec(query.order_by(col(Customer.id))))


def find_customers(
    session: Session, *, actor: Member, name: str | None = None, phone: str | None = None, limit: int = 3
) -> list[CustomerMatch]:
    """Best matches first: the same phone, then names in either word order or with a typo.
    A single given name ("Jane") matches the customers whose names start with it."""
    customers = _customers(session, actor.business_id)
    found: list[CustomerMatch] = []
    number = e164(phone) if phone else None
    if number:
        found += [CustomerMatch(c, 100.0, by_phone=True) for c in customers if c.phone == number]
    if name and name.strip():
        seen = {m.customer.id for m in found}
        ranked = rank_by_name(name, customers, [c.name for c in customers])
        found += [CustomerMatch(c, score) for c, score in ranked if c.id not in seen]
    return found[:limit]


def add_customer(
    session: Session, *, actor: Member, name: str, phone: str | None = None, email: str | None = None
) -> Customer:
    require_role(actor, Role.staff)
    customer = Customer(
        business_id=actor.business_id,
        name=" ".join(name.split())[:120],
        phone=e164(phone) if phone else None,
        email=email,
        created_by=actor.person_id,
    )
    session.add(customer)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="create",
        entity="customer",
        entity_id=customer.id,
        after={"name": customer.name, "phone": customer.phone},
    )
    return customer


def update_phone(session: Session, *, actor: Member, customer: Customer, phone: str) -> Customer:
    require_role(actor, Role.staff)
    before = {"phone": customer.phone}
    customer.phone = e164(phone) or customer.phone
    session.add(customer)
    log_activity(
        session,
        actor=actor,
        action="edit",
        entity="customer",
        entity_id=customer.id,
        before=before,
        after={"phone": customer.phone},
    )
    return customer


def get_customer(session: Session, *, actor: Member, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.business_id != actor.business_id or customer.deleted_at is not None:
        raise NotFound(f"customer {customer_id}")
    return customer


def remember_payer(session: Session, *, actor: Member, key: str, customer: Customer) -> None:
    """The owner said this payer is this customer: next time the match is automatic."""
    key = key.strip()[:120]
    if not key:
        return
    existing = session.exec(
        select(PayerAlias).where(PayerAlias.business_id == actor.business_id, PayerAlias.key == key)
    ).first()
    if existing is None:
        session.add(PayerAlias(business_id=actor.business_id, key=key, customer_id=customer.id or 0))
    else:
        existing.customer_id = customer.id or 0
        session.add(existing)


@dataclass(frozen=True)
class CustomerSummary:
    customer: Customer
    invoices: int
    open_invoices: int
    invoiced: Decimal
    paid: Decimal
    owed: Decimal
    credit: Decimal
    average_days_to_pay: int | None
    last_payment: date | None


def summarise_customer(session: Session, *, actor: Member, customer: Customer) -> CustomerSummary:
    invoices = list(
        session.exec(
            select(Invoice).where(
                Invoice.business_id == actor.business_id,
                Invoice.customer_id == customer.id,
                col(Invoice.credit_note_for_id).is_(None),
                col(Invoice.cancelled_at).is_(None),
            )
        )
    )
    owed = sum((i.total_cents - i.paid_cents - i.credited_cents for i in invoices), 0)
    # Days from issue to the payment that settled each paid invoice.
    days: list[int] = []
    last_paid: date | None = None
    for invoice in invoices:
        rows = session.exec(
            select(Payment.received_at)
            .join(PaymentAllocation, col(PaymentAllocation.payment_id) == col(Payment.id))
            .where(PaymentAllocation.invoice_id == invoice.id)
            .order_by(col(Payment.received_at).desc())
        ).all()
        if rows:
            latest = rows[0].date()
            last_paid = max(last_paid, latest) if last_paid else latest
            if invoice.paid_cents + invoice.credited_cents >= invoice.total_cents:
                days.append(max((latest - invoice.issued_on).days, 0))
    return CustomerSummary(
        customer=customer,
        invoices=len(invoices),
        open_invoices=sum(1 for i in invoices if i.total_cents - i.paid_cents - i.credited_cents > 0),
        invoiced=from_cents(sum(i.total_cents for i in invoices)),
        paid=from_cents(sum(i.paid_cents for i in invoices)),
        owed=from_cents(max(owed, 0)),
        credit=from_cents(customer.credit_cents),
        average_days_to_pay=round(sum(days) / len(days)) if days else None,
        last_payment=last_paid,
    )


def customers_with_balances(
    session: Session, *, actor: Member, owing_only: bool = False
) -> list[tuple[Customer, Decimal]]:
    """Each customer with what they owe on open invoices, most owed first (then by name)."""
    owed_cents = dict(
        session.exec(
            select(Invoice.customer_id, func.sum(Invoice.total_cents - Invoice.paid_cents - Invoice.credited_cents))
            .where(
                Invoice.business_id == actor.business_id,
                col(Invoice.credit_note_for_id).is_(None),
                col(Invoice.cancelled_at).is_(None),
            )
            .group_by(col(Invoice.customer_id))
        ).all()
    )
    rows = [
        (c, from_cents(max(int(owed_cents.get(c.id or 0, 0) or 0), 0))) for c in _customers(session, actor.business_id)
    ]
    if owing_only:
        rows = [(c, owed) for c, owed in rows if owed > 0]
    return sorted(rows, key=lambda row: (-row[1], row[0].name.lower()))
