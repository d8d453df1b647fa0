"""The engine's view of one business's books: its open (and lately paid) invoices and what the
owner taught about payers. Kept per process between payments: a short signature query (counts and
sums of invoices, payers taught and customers, and the day) says whether anything changed since it
was built, so a C2B callback reads a few aggregates instead of rebuilding the book; a payment this
process applies updates the kept book in place."""

import threading
from datetime import timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import ColumnElement, Integer, Select, Table, bindparam, true
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, func, select

from finance.clock import utcnow
from finance.models import Business, Customer, Invoice, PayerAlias
from finance.money import from_cents, to_cents
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


_ROW_WEIGHT, _VALUE_WEIGHT = 9973, 1000003
_PAID, _PAID_WHERE = 4, 7  # where the invoices' paid sums stand in a signature (after the day)


def _weighed(ident: ColumnElement[int], value: ColumnElement[int]) -> ColumnElement[int]:
    """A value weighed by its row: a sum of these changes when a value moves between rows, which a
    plain sum does not see. Kept small, so a sum of millions stays within SQLite's 64 bits."""
    return (ident % _ROW_WEIGHT) * (value % _VALUE_WEIGHT)


def _signature_statement() -> Select[Any]:
    """One query, built once: what a payment reads of the business's books, summed. Any invoice made,
    paid, credited, cancelled or moved to another customer, any customer added or renamed and any
    payer taught, by any process, changes it."""
    business = bindparam("business_id", type_=Integer)
    invoice, customer, taught = (table(model) for model in (Invoice, Customer, PayerAlias))
    invoices = sa_select(
        func.count().label("n"),
        func.max(invoice.c.id).label("last"),
        func.sum(invoice.c.total_cents).label("total"),
        func.sum(invoice.c.paid_cents).label("paid"),
        func.sum(invoice.c.credited_cents).label("credited"),
        func.count(invoice.c.cancelled_at).label("cancelled"),
        func.sum(_weighed(invoice.c.id, invoice.c.paid_cents)).label("paid_where"),
        func.sum(_weighed(invoice.c.id, invoice.c.customer_id)).label("whose"),
    ).where(invoice.c.business_id == business)
    customers = sa_select(
        func.count().label("n"),
        func.max(customer.c.id).label("last"),
        func.sum(_weighed(customer.c.id, func.length(customer.c.name))).label("names"),
        func.sum(_weighed(customer.c.id, func.coalesce(func.length(customer.c.phone), -1))).label("phones"),
    ).where(customer.c.business_id == business)
    payers = sa_select(
        func.count().label("n"),
        func.max(taught.c.id).label("last"),
        func.sum(_weighed(taught.c.id, taught.c.customer_id)).label("whose"),
    ).where(taught.c.business_id == business)
    # The business's own row too: a business made again under a reused id (a restored or wiped
    # database) never finds another's book.
    made = sa_select(table(Business).c.created_at).where(table(Business).c.id == business).scalar_subquery()
    a, b, c = invoices.subquery(), customers.subquery(), payers.subquery()
    return sa_select(a, b, c, made).select_from(a.join(b, true()).join(c, true()))


def table(model: type[SQLModel]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


_SIGNATURE = _signature_statement()


def _signature(session: Session, business_id: int) -> tuple[object, ...]:
    """A few aggregates over the business's rows (indexed by business), in one round trip."""
    row = session.execute(_SIGNATURE, {"business_id": business_id}).one()
    return (utcnow().date(), *row)


def live_book(session: Session, business_id: int) -> Book:
    """The kept book when nothing changed since it was built, else a fresh one (kept in its place)."""
    signature = _signature(session, business_id)
    kept = _KEPT.get(business_id)
    if kept is not None and kept[0] == signature:
        return kept[1]
    book = _build(session, business_id)
    _KEPT[business_id] = (signature, book)
    return book


def paid_into(business_id: int, book: Book, applied: list[tuple[Invoice, Decimal]]) -> None:
    """A payment applied to the database (`applied`: each invoice, its paid_cents already moved on, and
    the share) is applied to the kept book too, and the kept signature moved on by the same shares:
    reckoned, not read again, so a change another process committed meanwhile is not taken as ours
    (the next look sees the difference and builds afresh). If the transaction rolls back, the
    signature no longer matches either."""
    for invoice, share in applied:
        if invoice.number in book.invoices:
            book.pay(invoice.number, share)
    kept = _KEPT.get(business_id)
    if kept is None or kept[1] is not book:
        return
    signature = list(kept[0])
    for invoice, share in applied:
        cents, ident = to_cents(share), invoice.id or 0
        signature[_PAID] = _plus(signature[_PAID], cents)
        moved = _weigh(ident, invoice.paid_cents) - _weigh(ident, invoice.paid_cents - cents)
        signature[_PAID_WHERE] = _plus(signature[_PAID_WHERE], moved)
    _KEPT[business_id] = (tuple(signature), book)


def _plus(total: object, cents: int) -> object:
    """A sum from the database (an int, PostgreSQL's numeric for a bigint sum) plus some cents."""
    return (total or 0) + cents  # type: ignore[operator]


def _weigh(ident: int, value: int) -> int:
    return (ident % _ROW_WEIGHT) * (value % _VALUE_WEIGHT)  # as `_weighed` in SQL (both non-negative)


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
