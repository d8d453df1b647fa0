"""M-Pesa STK push requests KAVI made: kept so the callback (or a later query) can settle them."""

from decimal import Decimal

from sqlmodel import Session

from finance.models import Customer, Invoice, Member, PaymentRequest, Role
from finance.money import plain, to_cents
from finance.services.access import require_role
from finance.services.activity import log_activity


def record_stk_request(
    session: Session,
    *,
    actor: Member,
    checkout_request_id: str,
    merchant_request_id: str,
    customer: Customer,
    invoice: Invoice | None,
    phone: str,
    amount: Decimal,
) -> PaymentRequest:
    require_role(actor, Role.staff)
    request = PaymentRequest(
        business_id=actor.business_id,
        checkout_request_id=checkout_request_id,
        merchant_request_id=merchant_request_id,
        invoice_id=invoice.id if invoice else None,
        customer_id=customer.id,
        phone=phone,
        amount_cents=to_cents(amount),
        requested_by=actor.person_id,
    )
    with session.begin_nested():
        session.add(request)
    log_activity(
        session,
        actor=actor,
        action="request_payment",
        entity="payment_request",
        entity_id=request.id,
        after={"checkout_request_id": checkout_request_id, "amount": plain(amount), "invoice_id": request.invoice_id},
    )
    return request
