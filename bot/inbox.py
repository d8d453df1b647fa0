"""Storing an inbound message before the webhook answers: after this, nothing can lose it."""

from sqlalchemy.engine import Engine

from conversations.messages import IncomingMessage
from finance.db import session_scope
from finance.services.events import claim_event


def store_inbound(engine: Engine | None, message: IncomingMessage) -> tuple[int, bool]:
    """(event id, is_new); a platform's retry of the same message id is found, not stored again."""
    assert message.external_id, "webhook messages always carry the platform's id"
    with session_scope(engine) as session:
        event, is_new = claim_event(
            session, channel=message.channel, external_id=message.external_id, payload=message.payload()
        )
        session.flush()
        return event.id or 0, is_new
