"""Invoices: gap-free numbers, VAT per line, the lifecycle, credit notes instead of edits."""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, col, func, select

from finance.clock import utcnow
from finance.errors import FinanceError, InvalidAmount, NotFound
from finance.models import (
    Business,
    Customer,
    Invoice,
    InvoiceItem,
    Member,
    Payment,
    PaymentAllocation,
    Role,
    Transaction,
)
from finance.money import CENT, MAX_AMOUNT, ZERO, D, from_cents, plain, to_cents
from finance.reconciliation.signals import invoice_number_in
from finance.services.access import require_role
from finance.services.activity import log_activity
from finance.services.rates import convert
from finance.tax import tax_on

# What people ask for, and the states each one covers.
LISTS = {
    "unpaid": ("sent", "partial", "overdue", "draft"),
    "overdue": ("overdue",),
    "paid": ("paid",),
    "all": ("draft", "sent", "partial", "overdue", "paid", "cancelled"),
}
MAX_ITEMS = 50
# A paid or cancelled invoice's share link opens this many days more (or after the owner renews it).
SHARE_LINK_DAYS = 90


class InvoiceClosed(FinanceError):
    """A cancelled or fully paid invoice cannot take what was asked."""


@dataclass(frozen=True)
class LineIn:
    description: str
    quantity: Decimal
    unit_price: Decimal  # before VAT
    tax_class: str | None = None


def balance(invoice: Invoice) -> Decimal:
    return from_cents(max(invoice.total_cents - invoice.paid_cents - invoice.credited_cents, 0))


def state(invoice: Invoice, today: date) -> str:
    """draft | sent | partial | paid | overdue | cancelled. Overdue is read from the date, not stored,
    so it is never stale."""
    if invoice.cancelled_at is not None or invoice.status == "cancelled":
        return "cancelled"
    if invoice.total_cents - invoice.paid_cents - invoice.credited_cents <= 0:
        return "paid"
    if invoice.due_on < today and invoice.status != "draft":
        return "overdue"
    return invoice.status


def _next_number(session: Session, business_id: int, credit_note: bool) -> str:
    """The next number, taken under a lock on the business row: two invoices made at once get two
    numbers, and a rolled-back invoice gives its number back (no gaps)."""
    # populate_existing: read the counter as the lock found it, not as this session cached it.
    query = select(Business).where(Business.id == business_id).with_for_update()
    business = session.exec(query.execution_options(populate_existing=True)).one()
    if credit_note:
        number, business.next_credit_note_number = (
            business.next_credit_note_number,
            business.next_credit_note_number + 1,
        )
        prefix = "CN"
    else:
        number, business.next_invoice_number = business.next_invoice_number, business.next_invoice_number + 1
        prefix = "INV"
    session.add(business)
    return f"{prefix}-{number:04d}"


def _check(amount: Decimal) -> None:
    if amount <= 0:
        raise InvalidAmount(amount, "not_positive")
    if amount > MAX_AMOUNT:
        raise InvalidAmount(amount, "too_large")


def create_invoice(
    session: Session,
    *,
    actor: Member,
    customer: Customer,
    issued_on: date,
    lines: list[LineIn] | None = None,
    total: Decimal | None = None,
    due_on: date | None = None,
    notes: str | None = None,
    vat: bool = False,
    foreign: tuple[str, Decimal] | None = None,
) -> Invoice:
    """Either lines or a total (one line "Goods and services"). With `vat`, 16% is added per line.
    `foreign` (currency, rate): the prices are in that currency; the invoice is kept in the business's
    own at the rate, with what the customer is shown beside it."""
    require_role(actor, Role.staff)
    if not lines:
        if total is None:
            raise InvalidAmount(ZERO, "not_positive")
        lines = [LineIn("Goods and services", D(1), total)]
    if len(lines) > MAX_ITEMS:
        raise InvalidAmount(D(len(lines)), "too_large")
    business = session.get(Business, actor.business_id)
    assert business is not None
    items = []
    original_total = ZERO
    for line in lines:
        if line.quantity <= 0:
            raise InvalidAmount(line.quantity, "not_positive")
        tax_class = line.tax_class or ("B" if vat else None)
        unit = line.unit_price
        if foreign is not None:
            said = (line.quantity * line.unit_price).quantize(CENT)
            original_total += said + tax_on(said, tax_class)
            unit = convert(line.unit_price, foreign[1])
        _check(unit)
        net = (line.quantity * unit).quantize(CENT)
        tax = tax_on(net, tax_class)
        items.append(
            InvoiceItem(
                invoice_id=0,
                description=" ".join(line.description.split())[:200] or "Item",
                quantity=line.quantity,
                unit_price_cents=to_cents(unit),
                tax_class=tax_class,
                tax_cents=to_cents(tax),
                total_cents=to_cents(net + tax),
                original_unit_price_cents=to_cents(line.unit_price) if foreign else None,
            )
        )
    subtotal = sum(i.total_cents - i.tax_cents for i in items)
    tax_total = sum(i.tax_cents for i in items)
    _check(from_cents(subtotal + tax_total))
    invoice = Invoice(
        business_id=actor.business_id,
        number=_next_number(session, actor.business_id, credit_note=False),
        customer_id=customer.id or 0,
        status="sent",
        issued_on=issued_on,
        due_on=due_on or issued_on + timedelta(days=business.invoice_due_days),
        subtotal_cents=subtotal,
        tax_cents=tax_total,
        total_cents=subtotal + tax_total,
        notes=notes,
        share_token=secrets.token_urlsafe(18),
        created_by=actor.person_id,
        currency=foreign[0].upper() if foreign else None,
        rate=foreign[1] if foreign else None,
        original_total_cents=to_cents(original_total) if foreign else None,
    )
    session.add(invoice)
    session.flush()
    for item in items:
        item.invoice_id = invoice.id or 0
        session.add(item)
    _use_credit(session, customer, invoice)
    session.flush()
    log_activity(session, actor=actor, action="create", entity="invoice", entity_id=invoice.id, after=snapshot(invoice))
    return invoice


def _use_credit(session: Session, customer: Customer, invoice: Invoice) -> None:
    """Money the customer overpaid before goes to their new invoice first."""
    used = min(customer.credit_cents, invoice.total_cents)
    if used > 0:
        customer.credit_cents -= used
        invoice.paid_cents += used
        invoice.notes = ((invoice.notes or "") + f" Credit on account applied: {plain(from_cents(used))}.").strip()
        session.add(customer)
        session.add(invoice)


def snapshot(invoice: Invoice) -> dict[str, str | None]:
    return {
        "number": invoice.number,
        "customer_id": str(invoice.customer_id),
        "total": plain(from_cents(invoice.total_cents)),
        "paid": plain(from_cents(invoice.paid_cents)),
        "credited": plain(from_cents(invoice.credited_cents)),
        "status": invoice.status,
        "due_on": invoice.due_on.isoformat(),
    }


def items_of(session: Session, invoice: Invoice) -> list[InvoiceItem]:
    return list(
        session.exec(select(InvoiceItem).where(InvoiceItem.invoice_id == invoice.id).order_by(col(InvoiceItem.id)))
    )


def find_invoice(session: Session, *, actor: Member, number: str) -> Invoice:
    """ "INV-0012", "inv 12", "12" -> that invoice of this business."""
    value = invoice_number_in(number)
    if value is None:
        raise NotFound(number)
    prefix = "CN" if number.strip().upper().startswith("CN") else "INV"
    invoice = invoice_by_number(session, business_id=actor.business_id, number=f"{prefix}-{value:04d}")
    if invoice is None:
        raise NotFound(number)
    return invoice


def invoice_by_number(session: Session, *, business_id: int, number: str) -> Invoice | None:
    """The invoice with exactly this stored number ("INV-0012")."""
    return session.exec(select(Invoice).where(Invoice.business_id == business_id, Invoice.number == number)).first()


def by_share_token(session: Session, token: str) -> Invoice | None:
    if not token or len(token) > 64:
        return None
    return session.exec(select(Invoice).where(Invoice.share_token == token)).first()


def _closed_on(session: Session, invoice: Invoice) -> date | None:
    """The day an invoice was settled (its last payment or credit) or cancelled; None while it is open."""
    if invoice.credit_note_for_id is not None:  # a credit note is shown for as long as its invoice is
        parent = session.get(Invoice, invoice.credit_note_for_id)
        return _closed_on(session, parent) if parent is not None else invoice.issued_on
    now = state(invoice, date.min)  # date.min: overdue does not matter here, only paid or cancelled
    if now == "cancelled":
        return (invoice.cancelled_at or invoice.created_at).date()
    if now != "paid":
        return None
    credited = session.exec(
        select(func.max(col(Invoice.issued_on))).where(col(Invoice.credit_note_for_id) == invoice.id)
    ).one()
    days = [day for day in (last_paid_on(session, invoice.id), credited) if day is not None]
    return max(days) if days else invoice.issued_on


def share_link_expires_on(session: Session, invoice: Invoice) -> date | None:
    """The last day the customer's link opens; None while the invoice is open (it works until then)."""
    closed = _closed_on(session, invoice)
    if closed is None:
        return None
    renewed = invoice.share_issued_at.date() if invoice.share_issued_at else closed
    return max(closed, renewed) + timedelta(days=SHARE_LINK_DAYS)


def renew_share_link(session: Session, *, actor: Member, invoice: Invoice) -> str:
    """A new link for the customer (the old one stops working), open for SHARE_LINK_DAYS from now."""
    require_role(actor, Role.staff)
    if invoice.business_id != actor.business_id:
        raise NotFound(f"invoice {invoice.id}")
    invoice.share_token = secrets.token_urlsafe(18)
    invoice.share_issued_at = utcnow()
    session.add(invoice)
    session.flush()
    # The token itself stays out of the log: it is the customer's key to the invoice.
    log_activity(
        session,
        actor=actor,
        action="renew_link",
        entity="invoice",
        entity_id=invoice.id,
        after={"number": invoice.number},
    )
    return invoice.share_token


def list_invoices(
    session: Session, *, actor: Member, which: str, today: date, customer: Customer | None = None
) -> list[Invoice]:
    wanted = LISTS.get(which, LISTS["unpaid"])
    query = select(Invoice).where(Invoice.business_id == actor.business_id, col(Invoice.credit_note_for_id).is_(None))
    if customer is not None:
        query = query.where(Invoice.customer_id == customer.id)
    invoices = session.exec(query.order_by(col(Invoice.due_on), col(Invoice.id))).all()
    return [i for i in invoices if state(i, today) in wanted]


def open_invoices(session: Session, *, business_id: int) -> list[Invoice]:
    return list(
        session.exec(
            select(Invoice).where(
                Invoice.business_id == business_id,
                col(Invoice.credit_note_for_id).is_(None),
                col(Invoice.cancelled_at).is_(None),
                col(Invoice.total_cents) > col(Invoice.paid_cents) + col(Invoice.credited_cents),
            )
        )
    )


def owed_by(session: Session, *, business_id: int, customer: Customer) -> list[Invoice]:
    """A customer's open invoices, the one due first first."""
    return sorted(
        (i for i in open_invoices(session, business_id=business_id) if i.customer_id == customer.id),
        key=lambda i: (i.due_on, i.id or 0),
    )


def credit_note(
    session: Session, *, actor: Member, invoice: Invoice, amount: Decimal | None = None, reason: str | None = None
) -> Invoice:
    """A credit note for part or all of what is still owed. Credited in full, the invoice is cancelled."""
    require_role(actor, Role.admin)
    if state(invoice, date.max) in ("cancelled", "paid") or invoice.credit_note_for_id is not None:
        raise InvoiceClosed(invoice.number)
    owed = balance(invoice)
    amount = owed if amount is None else amount
    _check(amount)
    if amount > owed:
        raise InvalidAmount(amount, "too_large")
    before = snapshot(invoice)
    note = Invoice(
        business_id=actor.business_id,
        number=_next_number(session, actor.business_id, credit_note=True),
        customer_id=invoice.customer_id,
        status="sent",
        issued_on=utcnow().date(),
        due_on=utcnow().date(),
        subtotal_cents=to_cents(amount),
        total_cents=to_cents(amount),
        notes=(reason or f"Credit against {invoice.number}")[:1000],
        share_token=secrets.token_urlsafe(18),
        credit_note_for_id=invoice.id,
        created_by=actor.person_id,
    )
    session.add(note)
    invoice.credited_cents += to_cents(amount)
    if invoice.paid_cents == 0 and invoice.credited_cents >= invoice.total_cents:
        invoice.status = "cancelled"
        invoice.cancelled_at = utcnow()
    session.add(invoice)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="credit",
        entity="invoice",
        entity_id=invoice.id,
        before=before,
        after=snapshot(invoice),
    )
    return note


def mark_paid_amount(session: Session, invoice: Invoice, cents: int) -> None:
    """Adds a payment's share to the invoice and moves its state on."""
    invoice.paid_cents += cents
    if invoice.status in ("draft", "sent") and invoice.paid_cents < invoice.total_cents - invoice.credited_cents:
        invoice.status = "partial"
    elif invoice.paid_cents + invoice.credited_cents >= invoice.total_cents:
        invoice.status = "paid"
    session.add(invoice)


def mark_sent(session: Session, *, actor: Member, invoice: Invoice) -> None:
    """The invoice was handed to the owner to send (its PDF and link): dated once, in the activity log."""
    require_role(actor, Role.staff)
    if invoice.business_id != actor.business_id:
        raise NotFound(f"invoice {invoice.id}")
    if invoice.sent_at is not None:
        return
    invoice.sent_at = utcnow()
    session.add(invoice)
    log_activity(
        session, actor=actor, action="send", entity="invoice", entity_id=invoice.id, after={"number": invoice.number}
    )


def last_paid_on(session: Session, invoice_id: int | None) -> date | None:
    """The day the invoice's last payment was booked (the entry's date), else when it arrived."""
    rows = session.exec(
        select(col(Payment.received_at), col(Transaction.occurred_on))
        .join(PaymentAllocation, col(PaymentAllocation.payment_id) == col(Payment.id))
        .outerjoin(Transaction, col(Transaction.id) == col(Payment.transaction_id))
        .where(col(PaymentAllocation.invoice_id) == invoice_id)
    ).all()
    days = [booked or received.date() for received, booked in rows]
    return max(days) if days else None


def issued_with_customers(session: Session, *, actor: Member) -> list[tuple[Invoice, Customer]]:
    """Every invoice sent and not cancelled (credit notes aside), with its customer: what the forecast,
    the KPIs and the reports read what is owed from."""
    return list(
        session.exec(
            select(Invoice, Customer)
            .join(Customer, col(Customer.id) == col(Invoice.customer_id))
            .where(
                col(Invoice.business_id) == actor.business_id,
                col(Invoice.cancelled_at).is_(None),
                col(Invoice.credit_note_for_id).is_(None),
                col(Invoice.status) != "draft",
            )
        ).all()
    )
