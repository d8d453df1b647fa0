"""Money coming in against invoices, from every source (cash said in chat, forwarded M-Pesa SMS,
C2B confirmations, STK callbacks, statement imports), through one reconciliation engine."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Session, col, select

from finance.clock import local_date
from finance.errors import DuplicateReference
from finance.models import Business, Customer, Invoice, Member, Payment, PaymentAllocation, Role
from finance.money import ZERO, D, from_cents, plain, to_cents
from finance.reconciliation.engine import SUGGEST, Book, decide
from finance.reconciliation.live import book_lock, live_book, paid_into
from finance.reconciliation.model import Decision, IncomingPayment
from finance.reconciliation.signals import is_hash, name_key
from finance.services.access import require_role
from finance.services.customers import remember_payer
from finance.services.invoices import balance, invoice_by_number, mark_paid_amount, owed_by
from finance.services.ledger import record_transaction

# Where a payment came from -> the engine's channel names (contracts/reconciliation.md).
ENGINE_CHANNELS = {"c2b": "c2b", "stk": "stk", "sms": "sms", "statement": "statement"}


@dataclass(frozen=True)
class PaymentIn:
    amount: Decimal
    received_at: datetime
    source: str  # cash | sms | c2b | stk | statement
    reference: str | None = None  # the M-Pesa code, when there is one
    payer_name: str = ""
    payer_phone: str = ""  # E.164, a Daraja SHA-256 hash, or empty
    account: str = ""  # what the payer typed as the account, or the invoice an STK push was for
    # The day it counts for in the books; by default the day `received_at` falls on in the business's zone.
    occurred_on: date | None = None


@dataclass
class Outcome:
    payment: Payment
    duplicate: bool = False
    applied: list[tuple[Invoice, Decimal]] = field(default_factory=list)
    credit: Decimal = ZERO
    suggested: list[tuple[Invoice, Decimal]] = field(default_factory=list)
    decision: Decision | None = None


def _existing(session: Session, business_id: int, reference: str | None) -> Payment | None:
    if not reference:
        return None
    return session.exec(
        select(Payment).where(Payment.business_id == business_id, Payment.reference == reference.upper())
    ).first()


def _timezone(session: Session, actor: Member) -> str:
    business = session.get(Business, actor.business_id)
    return business.timezone if business is not None else "Africa/Nairobi"


def _income_entry(session: Session, actor: Member, pin: PaymentIn, customer_name: str | None) -> int | None:
    """The payment in the books as income; a forwarded SMS may have recorded it already (same code)."""
    channel = "cash" if pin.source == "cash" else "mpesa"
    who = customer_name or pin.payer_name.title() or None
    try:
        txn = record_transaction(
            session,
            actor=actor,
            kind="income",
            amount=pin.amount,
            category="sales",
            occurred_on=pin.occurred_on or local_date(pin.received_at, _timezone(session, actor)),
            counterparty=who,
            reference=pin.reference,
            channel=channel,
            phone=pin.payer_phone if pin.payer_phone.startswith("+") else None,
            note=f"payment {pin.account}".strip()[:500] if pin.account else None,
        )
    except DuplicateReference as exc:
        return exc.existing_id or None
    return txn.id


def receive(
    session: Session,
    *,
    actor: Member,
    pin: PaymentIn,
    invoice: Invoice | None = None,
    customer: Customer | None = None,
    record_income: bool = True,
    transaction_id: int | None = None,
    source_event_id: int | None = None,
) -> Outcome:
    """Records the payment once (by its M-Pesa code) and sets it against invoices: the named
    invoice, else the named customer's oldest, else whatever the engine finds."""
    require_role(actor, Role.staff)
    found = _existing(session, actor.business_id, pin.reference)
    if found is not None:
        return Outcome(found, duplicate=True)
    if invoice is not None and customer is None:
        customer = session.get(Customer, invoice.customer_id)
    if record_income and transaction_id is None:
        transaction_id = _income_entry(session, actor, pin, customer.name if customer else None)
    payment = Payment(
        business_id=actor.business_id,
        amount_cents=to_cents(pin.amount),
        payer_name=pin.payer_name[:120] or None,
        payer_phone=pin.payer_phone[:80] or None,
        reference=pin.reference.upper() if pin.reference else None,
        source=pin.source,
        received_at=pin.received_at,
        transaction_id=transaction_id,
        created_by=actor.person_id,
        source_event_id=source_event_id,
    )
    session.add(payment)
    session.flush()
    if invoice is not None:
        return _apply(session, payment, [(invoice, pin.amount)], customer)
    if customer is not None:
        return _apply(session, payment, _oldest_first(session, actor, customer, pin.amount), customer)
    return _reconcile(session, actor, payment, pin)


def _oldest_first(
    session: Session, actor: Member, customer: Customer, amount: Decimal
) -> list[tuple[Invoice, Decimal]]:
    shares, left = [], amount
    for invoice in owed_by(session, business_id=actor.business_id, customer=customer):
        if left <= 0:
            break
        part = min(left, balance(invoice))
        shares.append((invoice, part))
        left -= part
    return shares


def _reconcile(session: Session, actor: Member, payment: Payment, pin: PaymentIn) -> Outcome:
    with book_lock(actor.business_id):
        book = live_book(session, actor.business_id)
        decision = decide(
            book,
            IncomingPayment(
                id=str(payment.id),
                received_at=pin.received_at,
                amount=pin.amount,
                payer_name=pin.payer_name,
                payer_phone=pin.payer_phone,
                reference=pin.account,
                channel=ENGINE_CHANNELS.get(pin.source, "sms"),
            ),
        )
        return _act_on(session, actor, payment, book, decision)


def _act_on(session: Session, actor: Member, payment: Payment, book: Book, decision: Decision) -> Outcome:
    payment.match_confidence = D(decision.confidence) / 100
    payment.match_reason = decision.reason[:300]
    targets = [
        (invoice, a.amount)
        for a in decision.allocations
        if a.invoice_number
        and (invoice := invoice_by_number(session, business_id=actor.business_id, number=a.invoice_number))
    ]
    if decision.decision == "auto" and targets:
        outcome = _apply(session, payment, targets, None)
        outcome.decision = decision
        paid_into(actor.business_id, book, outcome.applied)
        return outcome
    if decision.confidence >= SUGGEST and targets:
        payment.status = "suggested"
        payment.suggestion = [{"invoice": i.number, "amount": plain(a)} for i, a in targets]
        session.add(payment)
        return Outcome(payment, suggested=targets, decision=decision)
    session.add(payment)
    return Outcome(payment, decision=decision)


def _apply(
    session: Session, payment: Payment, targets: list[tuple[Invoice, Decimal]], customer: Customer | None
) -> Outcome:
    """Allocates up to each invoice's balance; what is left over is credit on the customer's account."""
    outcome = Outcome(payment)
    left = from_cents(payment.amount_cents)
    for invoice, wanted in targets:
        part = min(wanted, balance(invoice), left)
        if part <= 0:
            continue
        session.add(
            PaymentAllocation(payment_id=payment.id or 0, invoice_id=invoice.id or 0, amount_cents=to_cents(part))
        )
        mark_paid_amount(session, invoice, to_cents(part))
        outcome.applied.append((invoice, part))
        left -= part
    if customer is None and targets:
        customer = session.get(Customer, targets[0][0].customer_id)
    if customer is not None and left > 0:
        customer.credit_cents += to_cents(left)
        session.add(customer)
        outcome.credit = left
    payment.status = "matched" if outcome.applied else "credit" if outcome.credit else "unmatched"
    payment.invoice_id = outcome.applied[0][0].id if outcome.applied else None
    payment.customer_id = customer.id if customer else None
    payment.suggestion = None
    session.add(payment)
    session.flush()
    return outcome


def confirm(session: Session, *, actor: Member, payment: Payment, invoice: Invoice | None) -> Outcome:
    """The owner's answer to a suggestion: this invoice (the suggested one or another), or none.
    A yes teaches the engine this payer, so the next payment from them is matched without asking."""
    require_role(actor, Role.staff)
    if payment.status not in ("suggested", "unmatched"):
        return Outcome(payment, duplicate=True)
    if invoice is None:
        payment.status = "ignored"
        payment.suggestion = None
        session.add(payment)
        return Outcome(payment)
    suggested = {s["invoice"]: D(s["amount"]) for s in payment.suggestion or []}
    if invoice.number in suggested:
        targets = [
            (i, suggested[i.number])
            for n in suggested
            if (i := invoice_by_number(session, business_id=actor.business_id, number=n))
        ]
    else:
        targets = [(invoice, from_cents(payment.amount_cents))]
    customer = session.get(Customer, invoice.customer_id)
    if customer is not None:
        if payment.payer_name:
            remember_payer(session, actor=actor, key=name_key(payment.payer_name), customer=customer)
        if payment.payer_phone:
            phone = payment.payer_phone
            remember_payer(session, actor=actor, key=phone.lower() if is_hash(phone) else phone, customer=customer)
    return _apply(session, payment, targets, customer)


def pending_suggestions(session: Session, *, actor: Member) -> list[Payment]:
    return list(
        session.exec(
            select(Payment)
            .where(Payment.business_id == actor.business_id, Payment.status == "suggested")
            .order_by(col(Payment.received_at))
        )
    )


def payments_for(session: Session, invoice: Invoice) -> list[tuple[Payment, Decimal]]:
    rows = session.exec(
        select(Payment, PaymentAllocation.amount_cents)
        .join(PaymentAllocation, col(PaymentAllocation.payment_id) == col(Payment.id))
        .where(PaymentAllocation.invoice_id == invoice.id)
        .order_by(col(Payment.received_at))
    ).all()
    return [(payment, from_cents(cents)) for payment, cents in rows]


def unapply(session: Session, *, actor: Member, transaction_id: int) -> list[str]:
    """Undoing the income entry of a payment takes the payment off its invoices too (and any credit
    it left); returns the invoice numbers it came off."""
    require_role(actor, Role.staff)
    payment = session.exec(
        select(Payment).where(Payment.business_id == actor.business_id, Payment.transaction_id == transaction_id)
    ).first()
    if payment is None or payment.status == "reversed":
        return []
    numbers = []
    applied = 0
    for allocation in session.exec(select(PaymentAllocation).where(PaymentAllocation.payment_id == payment.id)).all():
        invoice = session.get(Invoice, allocation.invoice_id)
        if invoice is not None:
            invoice.paid_cents -= allocation.amount_cents
            if invoice.status in ("partial", "paid"):
                invoice.status = "partial" if invoice.paid_cents > 0 else "sent"
            session.add(invoice)
            numbers.append(invoice.number)
        applied += allocation.amount_cents
        session.delete(allocation)
    credit = payment.amount_cents - applied
    if payment.customer_id and credit > 0:
        customer = session.get(Customer, payment.customer_id)
        if customer is not None:
            customer.credit_cents = max(customer.credit_cents - credit, 0)
            session.add(customer)
    payment.status = "reversed"
    payment.invoice_id = None
    session.add(payment)
    return numbers
