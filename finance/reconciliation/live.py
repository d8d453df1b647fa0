"""The engine's view of one business's books: its open (and lately paid) invoices and what the
owner taught about payers. Kept per process between payments: a short signature query (counts and
sums of invoices, payers taught and customers, and the day) says whether anything changed since it
was built, so a C2B callback reads a few aggregates instead of rebuilding the book; a payment this
process applies updates the kept book in place."""

import threading
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from finance.clock import utcnow
from finance.models import Business, Customer, Invoice, PayerAlias
from finance.money import from_cents
from finance.reconciliation.engine import Book
from finance.reconciliation.model import OpenInvoice
from finance.reconciliation.signals import name_key

RECENTLY_PAID = timedelta(days=90)  # a second payment of a paid invoice is read as credit on account


_KEPT: dict[int, tuple[tuple[object, ...], Book]] = {}
_LOCKS: dict[int, threading.Lock] = {}
_GUARD = threading.Lock()


def book_lock(business_id: int) -> threading.Lock:
    """Held while a payment is decided on and applied: one kept book, one reader or writer at a time."""
    with _GUARD:
        return _LOCKS.setdefault(business_id, threading.Lock())


def _signature(session: Session, business_id: int) -> tuple[object, ...]:
    # SQLAlchemy's own select: SQLModel's typed one takes at most four columns.
    invoices = session.execute(
        sa_select(
            func.count(),
            func.max(Invoice.id),
            func.sum(Invoice.total_cents),
            func.sum(Invoice.paid_cents),
            func.sum(Invoice.credited_cents),
            func.count(col(Invoice.cancelled_at)),
        ).where(col(Invoice.business_id) == business_id)
    ).one()
    customers = session.exec(
        select(
            func.count(), func.max(Customer.id), func.sum(func.length(Customer.name)), func.count(col(Customer.phone))
        ).where(Customer.business_id == business_id)
    ).one()
    taught = session.exec(
        select(func.count(), func.max(PayerAlias.id)).where(PayerAlias.business_id == business_id)
    ).one()
    # The business's own row too: a business made again under a reused id (a restored or wiped
    # database) never finds another's book.
    made = session.exec(select(Business.created_at).where(Business.id == business_id)).first()
    return (utcnow().date(), made, *invoices, *customers, *taught)


def live_book(session: Session, business_id: int) -> Book:
    """The kept book when nothing changed since it was built, else a fresh one (kept in its place)."""
    signature = _signature(session, business_id)
    kept = _KEPT.get(business_id)
    if kept is not None and kept[0] == signature:
        return kept[1]
    book = _build(session, business_id)
    _KEPT[business_id] = (signature, book)
    return book


def paid_into(session: Session, business_id: int, book: Book, allocations: list[tuple[str, Decimal]]) -> None:
    """A payment applied to the database is applied to the kept book too, which then stands for the
    books as they are now (if the transaction rolls back, the signature no longer matches)."""
    for number, amount in allocations:
        if number in book.invoices:
            book.pay(number, amount)
    session.flush()
    _KEPT[business_id] = (_signature(session, business_id), book)


def _build(session: Session, business_id: int) -> Book:
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
