"""STK pushes whose callback never came: Daraja does not send a callback twice, so a few minutes on
KAVI asks (the STK query) and settles the request as its callback would have; one still being
processed is asked again next round, one a day old is left to the owner."""

import logging
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from bot.records.outbox import SessionOutbox
from conversations.mpesa_events import settle_stk
from finance.clock import utcnow
from finance.db import session_scope
from finance.models import Business, PaymentRequest
from finance.mpesa.callbacks import StkResult
from finance.mpesa.daraja import Daraja, DarajaError

log = logging.getLogger(__name__)
QUERY_AFTER = timedelta(minutes=3)
GIVE_UP_AFTER = timedelta(hours=24)


def sweep_stk(engine: Engine | None, daraja: Daraja, now: datetime | None = None) -> int:
    """Queries each quiet pending request once and settles those Daraja has an answer for."""
    now = now or utcnow()
    with session_scope(engine) as session:
        waiting = session.exec(
            select(PaymentRequest.business_id, PaymentRequest.checkout_request_id, PaymentRequest.merchant_request_id)
            .where(
                PaymentRequest.status == "pending",
                col(PaymentRequest.created_at) <= now - QUERY_AFTER,
                col(PaymentRequest.created_at) >= now - GIVE_UP_AFTER,
            )
            .order_by(col(PaymentRequest.id))
        ).all()
    settled = 0
    for business_id, checkout, merchant in waiting:
        try:
            status = daraja.stk_query(checkout)  # the network call, outside any transaction
        except DarajaError:
            log.warning("STK query for %s failed; asked again next round", checkout)
            continue
        if status.result_code is None:
            continue  # still being processed
        with session_scope(engine) as session:
            business = session.get(Business, business_id)
            if business is None:
                continue
            result = StkResult(merchant or "", checkout, status.result_code, status.description)
            said = settle_stk(session, SessionOutbox(session), business, result)
        settled += said.startswith("stk ")
    return settled
