"""Idempotency: each inbound event is stored once under its platform id."""

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from finance.clock import utcnow
from finance.models import InboundEvent


def claim_event(
    session: Session, *, channel: str, external_id: str, payload: dict[str, Any] | None = None
) -> tuple[InboundEvent, bool]:
    """Stores the event, or finds it if a retry got here first. Returns (event, is_new)."""
    existing = find_event(session, channel=channel, external_id=external_id)
    if existing is not None:
        return existing, False
    event = InboundEvent(channel=channel, external_id=external_id, payload=payload)
    try:
        with session.begin_nested():
            session.add(event)
    except IntegrityError:
        # Two deliveries raced; the other one stored it.
        existing = find_event(session, channel=channel, external_id=external_id)
        if existing is None:  # pragma: no cover - the constraint says it exists
            raise
        return existing, False
    return event, True


def find_event(session: Session, *, channel: str, external_id: str) -> InboundEvent | None:
    return session.exec(
        select(InboundEvent).where(InboundEvent.channel == channel, InboundEvent.external_id == external_id)
    ).first()


def finish_event(session: Session, *, event: InboundEvent, reply: list[dict[str, Any]]) -> None:
    event.status = "done"
    event.reply = reply
    event.processed_at = utcnow()
    event.attempts += 1
    session.add(event)
    session.flush()
