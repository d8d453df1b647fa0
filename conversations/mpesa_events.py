"""What KAVI does when M-Pesa calls back: an STK push answered, a C2B payment confirmed.

The bot layer stores each callback once (by CheckoutRequestID / TransID) and calls these inside
that transaction: the payment is recorded and reconciled, and the owner is told in words
(failures by ResultCode, never by its text)."""

import logging

from sqlmodel import Session, select

from conversations.display import money
from conversations.matching import CHOICES, QUESTION, question_values
from conversations.notices import NoticeBox, acting_admin, notify_admins
from finance.clock import utcnow
from finance.models import Business, Customer, Invoice, PaymentRequest
from finance.money import from_cents
from finance.mpesa.callbacks import C2BPayment, StkResult
from finance.services.invoices import balance
from finance.services.payments import Outcome, PaymentIn, receive

log = logging.getLogger(__name__)
KNOWN_STK_CODES = {1, 1001, 1019, 1032, 1037, 2001}


def settle_stk(session: Session, outbox: NoticeBox, business: Business, result: StkResult) -> str:
    """The answer to an STK push KAVI sent: what it did, in a few words for the event's record."""
    request = session.exec(
        select(PaymentRequest).where(
            PaymentRequest.checkout_request_id == result.checkout_request_id,
            PaymentRequest.business_id == business.id,
        )
    ).first()
    if request is None:
        log.warning("STK callback for unknown CheckoutRequestID %s", result.checkout_request_id)
        return "unknown request"
    if request.status != "pending":
        return f"already {request.status}"
    _settle(session, outbox, business, request, result)
    return f"stk {result.result_code}"


def _settle(
    session: Session, outbox: NoticeBox, business: Business, request: PaymentRequest, result: StkResult
) -> None:
    customer = session.get(Customer, request.customer_id) if request.customer_id else None
    invoice = session.get(Invoice, request.invoice_id) if request.invoice_id else None
    request.result_code = result.result_code
    request.completed_at = utcnow()
    who = customer.name if customer else request.phone
    subject = f"stk:{request.checkout_request_id}"
    if not result.ok:
        request.status = "failed"
        session.add(request)
        code = result.result_code
        notify_admins(
            session,
            outbox,
            business,
            kind="stk_failed",
            subject=subject,
            key="stk_failed",
            values={"amount": money(from_cents(request.amount_cents), "en"), "customer": who, "code": code},
            worded={"why": f"stk_{code}" if code in KNOWN_STK_CODES else "stk_other"},
        )
        return
    request.status = "paid"
    session.add(request)
    amount = result.amount or from_cents(request.amount_cents)
    pin = PaymentIn(
        amount,
        result.paid_at or utcnow(),
        "stk",
        reference=result.receipt,
        payer_name=customer.name if customer else "",
        payer_phone=result.phone or request.phone,
        account=invoice.number if invoice else "",
    )
    actor = acting_admin(session, business)
    outcome = receive(session, actor=actor, pin=pin, invoice=invoice, customer=None if invoice else customer)
    if outcome.duplicate:
        return
    left = balance(invoice) if invoice else None
    state = "" if left is None else (f"{money(left, 'en')} still owed." if left > 0 else "Paid in full 🎉")
    notify_admins(
        session,
        outbox,
        business,
        kind="payment",
        subject=subject,
        key="stk_paid",
        values={
            "customer": who,
            "amount": money(amount, "en"),
            "code": result.receipt,
            "number": invoice.number if invoice else "-",
            "state": state,
        },
    )


def confirm_c2b(
    session: Session, outbox: NoticeBox, business: Business, payment: C2BPayment, event_id: int | None
) -> Outcome:
    """A payment to the business's till or paybill: recorded, matched to invoices, told to the owner."""
    pin = PaymentIn(
        payment.amount,
        payment.paid_at,
        "c2b",
        reference=payment.trans_id,
        payer_name=payment.payer_name,
        payer_phone=payment.msisdn,  # maybe a hash: the engine compares it as one
        account=payment.bill_ref or payment.invoice_number,
    )
    outcome = receive(session, actor=acting_admin(session, business), pin=pin, source_event_id=event_id)
    if not outcome.duplicate:
        tell_owner(session, outbox, business, outcome)
    return outcome


def tell_owner(session: Session, outbox: NoticeBox, business: Business, outcome: Outcome) -> None:
    """Matched: say so. Unsure: ask, with buttons. Nothing: say it was kept as income."""
    payment = outcome.payment
    subject = f"payment:{payment.id}"
    payer = payment.payer_name or "a customer"
    values = {
        "amount": money(from_cents(payment.amount_cents), "en"),
        "payer": payer,
        "code": f" ({payment.reference})",
    }
    if outcome.applied:
        numbers = ", ".join(i.number for i, _ in outcome.applied)
        reason = outcome.decision.reason if outcome.decision else ""
        notify_admins(
            session,
            outbox,
            business,
            kind="payment",
            subject=subject,
            key="paid_auto",
            values={**values, "numbers": numbers, "reason": reason},
        )
    elif outcome.suggested:
        question = question_values(session, payment, "en")
        if question is not None:
            notify_admins(
                session,
                outbox,
                business,
                kind="payment",
                subject=subject,
                key="match_question",
                values=question,
                choices=CHOICES,
                question=(QUESTION, {"payment_id": payment.id}),
            )
    else:
        notify_admins(session, outbox, business, kind="payment", subject=subject, key="paid_unmatched", values=values)
