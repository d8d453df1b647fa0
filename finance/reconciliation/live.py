"""The engine's view of one business's books: its open (and lately paid) invoices and what the
owner taught about payers."""

from datetime import timedelta

from sqlmodel import Session, col, select

from finance.clock import utcnow
from finance.models import Customer, Invoice, PayerAlias
from finance.money import from_cents
from finance.reconciliation.engine import Book
from finance.reconciliation.model import OpenInvoice
from finance.reconciliation.signals import name_key

RECENTLY_PAID = timedelta(days=90)  # a second payment of a paid invoice is read as credit on account


def live_book(session: Session, business_id: int) -> Book:
    since = (utcnow() - RECENTLY_PAID).date()
    rows = session.exec(
        select(Invoice, Customer)
        .join(Customer, col(Customer.id) == col(Invoice.customer_id))
        .where(
            Invoice.business_id == business_id,
            col(Invoice.credit_note_for_id).is_(None),
            col(Invoice.cancelled_at).is_(None),
            (col(Invoice.total_cents) > col(Invoice.paid_cents) + col(Invoice.credited_cents))
            | (col(Invoice.issued_on) >= since),
        )
    ).all()
    invoices = [
        OpenInvoice(
            number=invoice.number,
            customer_name=customer.name,
            customer_phone=customer.phone,
            issued_on=invoice.issued_on,
            due_on=invoice.due_on,
            total=from_cents(invoice.total_cents - invoice.credited_cents),
            paid=from_cents(invoice.paid_cents),
        )
        for invoice, customer in rows
    ]
    taught = session.exec(
        select(PayerAlias.key, Customer.name)
        .join(Customer, col(Customer.id) == col(PayerAlias.customer_id))
        .where(PayerAlias.business_id == business_id)
    ).all()
    return Book(invoices, {key: name_key(name) for key, name in taught})
