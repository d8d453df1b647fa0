"""Idempotency: each inbound event is stored once under its platform id, and answered once.

Life of a message: `received` (stored, acknowledged) -> `answered` (processed, replies
kept) -> `done` (replies delivered) or `failed` (gave up after repeated crashes). A callback
(M-Pesa) is `done` as soon as it is acted on: recovery only ever finds messages.
Each reply is delivered under a claim of its own (ReplyDelivery): `sending`, then `sent`.
"""

from collections.abc import Collection
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.records.models import InboundEvent, ReplyDelivery
from finance.clock import utcnow

RECEIVED, ANSWERED, DONE, FAILED = "received", "answered", "done", "failed"
FINISHED = (ANSWERED, DONE, FAILED)
SENDING, SENT = "sending", "sent"


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


def lock_event(session: Session, *, event_id: int) -> InboundEvent:
    """Row lock (PostgreSQL) so two workers never process one event; SQLite already serialises writers."""
    return session.exec(select(InboundEvent).where(InboundEvent.id == event_id).with_for_update()).one()


def finish_event(session: Session, *, event: InboundEvent, reply: list[dict[str, Any]], status: str = ANSWERED) -> None:
    """`answered`: replies kept, to be delivered; `done` for a callback, which has none to deliver."""
    event.status = status
    event.reply = reply
    event.processed_at = utcnow()
    session.add(event)
    session.flush()


def mark_event(
    session: Session, *, event_id: int, status: str, error: str | None = None, reply: list[dict[str, Any]] | None = None
) -> str | None:
    """Sets the event's status; returns the one it had (None: no such event)."""
    event = session.get(InboundEvent, event_id)
    if event is None:
        return None
    before = event.status
    event.status = status
    if error is not None:
        event.error = error[:500]
    if reply is not None:
        event.reply = reply
    session.add(event)
    return before


def start_attempt(session: Session, *, event_id: int) -> tuple[int, str] | None:
    """Counts one more try at an event: (attempts so far, status before it). None when there is
    nothing left to do (done, failed or gone): a replay must send nothing."""
    event = session.get(InboundEvent, event_id)
    if event is None or event.status in (DONE, FAILED):
        return None
    event.attempts += 1
    session.add(event)
    return event.attempts, event.status


def claim_delivery(session: Session, *, event_id: int, position: int) -> bool:
    """Claims one reply before it is sent; False if claimed before (sent already, or in flight when
    a process died: then it is not sent again). Commit before sending, or the claim protects nothing."""
    try:
        with session.begin_nested():
            session.add(ReplyDelivery(event_id=event_id, position=position, status=SENDING))
    except IntegrityError:
        return False  # the unique (event_id, position) key: someone claimed it first
    return True


def mark_delivered(session: Session, *, event_id: int, position: int) -> None:
    session.execute(
        update(ReplyDelivery)
        .where(col(ReplyDelivery.event_id) == event_id, col(ReplyDelivery.position) == position)
        .values(status=SENT, sent_at=utcnow())
    )


def release_delivery(session: Session, *, event_id: int, position: int) -> None:
    """The platform refused the reply: free its claim so the next try sends it."""
    session.execute(
        delete(ReplyDelivery).where(
            col(ReplyDelivery.event_id) == event_id,
            col(ReplyDelivery.position) == position,
            col(ReplyDelivery.status) == SENDING,
        )
    )


def unfinished_events(
    session: Session,
    *,
    statuses: tuple[str, ...] = (RECEIVED, ANSWERED),
    channels: Collection[str] | None = None,
    older_than: timedelta | None = None,
    limit: int = 500,
) -> list[tuple[int, dict[str, Any]]]:
    """(id, stored payload) of events stored but not yet answered or delivered, oldest first:
    what a restart, the sweep and `kavi worker` pick up. Only messages are ever left so: callbacks
    are `done` in the transaction that stores them. `channels` keeps to those channels' events."""
    query = select(InboundEvent.id, InboundEvent.payload).where(col(InboundEvent.status).in_(statuses))
    if channels is not None:
        query = query.where(col(InboundEvent.channel).in_(list(channels)))
    if older_than is not None:
        query = query.where(InboundEvent.received_at < utcnow() - older_than)
    rows = session.exec(query.order_by(col(InboundEvent.id)).limit(limit)).all()
    return [(event_id or 0, dict(payload)) for event_id, payload in rows if payload]


def stored_payload(session: Session, event_id: int) -> dict[str, Any] | None:
    """The payload of an event still to answer or deliver; None once it is done, failed or gone."""
    event = session.get(InboundEvent, event_id)
    if event is None or event.status not in (RECEIVED, ANSWERED) or not event.payload:
        return None
    return dict(event.payload)
