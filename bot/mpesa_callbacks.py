"""M-Pesa callbacks as inbound events: stored once by CheckoutRequestID / TransID under the business
they belong to, acted on in the same transaction, and finished at once (nothing to deliver back)."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.records.events import DONE, FINISHED, claim_event, finish_event, lock_event
from bot.records.models import InboundEvent
from bot.records.outbox import SessionOutbox
from conversations.mpesa_events import confirm_c2b, settle_stk
from finance.db import session_scope
from finance.models import Business
from finance.mpesa.callbacks import C2BPayment, StkResult
from finance.services.members import business_by_callback_token


@dataclass(frozen=True)
class Handled:
    found: bool  # False: no business has this callback token
    duplicate: bool = False


def _claim(session: Session, token: str, channel: str, key: str, body: Any) -> tuple[Business | None, Any]:
    """(the business, the event to act on); the event is None when this callback was handled before."""
    business = business_by_callback_token(session, token)
    if business is None:
        return None, None
    event, is_new = claim_event(session, channel=channel, external_id=f"{business.id}:{key}", payload=body)
    if not is_new:
        event = lock_event(session, event_id=event.id or 0)
        if event.status in FINISHED:
            return business, None
    return business, event


def _finish(session: Session, event: InboundEvent, what: str) -> None:
    finish_event(session, event=event, reply=[{"text": what}], status=DONE)


def on_stk_callback(engine: Engine | None, token: str, result: StkResult, body: Any) -> Handled:
    with session_scope(engine) as session:
        business, event = _claim(session, token, "mpesa_stk", result.checkout_request_id, body)
        if business is None:
            return Handled(found=False)
        if event is None:
            return Handled(found=True, duplicate=True)
        _finish(session, event, settle_stk(session, SessionOutbox(session), business, result))
    return Handled(found=True)


def on_c2b_confirmation(engine: Engine | None, token: str, payment: C2BPayment, body: Any) -> Handled:
    with session_scope(engine) as session:
        business, event = _claim(session, token, "mpesa_c2b", payment.trans_id, body)
        if business is None:
            return Handled(found=False)
        if event is None:
            return Handled(found=True, duplicate=True)
        outcome = confirm_c2b(session, SessionOutbox(session), business, payment, event.id)
        _finish(session, event, f"c2b {outcome.payment.status}")
    return Handled(found=True, duplicate=outcome.duplicate)
