"""Storing an inbound message before the webhook answers: after this, nothing can lose it."""

import asyncio
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

from bot.queue import defer_event, queue_enabled
from bot.records.events import RECEIVED
from bot.records.models import InboundEvent
from conversations.messages import IncomingMessage
from finance.clock import utcnow
from finance.db import default_engine, writer_lock

# SQLModel builds the SQLAlchemy Table at class creation but does not declare __table__ in its types.
_TABLE = InboundEvent.__table__  # type: ignore[attr-defined]


def store_inbound(engine: Engine | None, message: IncomingMessage, queued: bool | None = None) -> tuple[int, bool]:
    """(event id, is_new); a platform's retry of the same message id is found, not stored again.

    One INSERT ... ON CONFLICT DO NOTHING RETURNING: the acknowledgement path is a single
    round trip, whatever the retry storm. On the procrastinate queue (`queued`, by default from the
    settings) the answer's job is deferred in the same transaction: stored and queued, or neither.
    """
    assert message.external_id, "webhook messages always carry the platform's id"
    engine = engine or default_engine()
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(_TABLE)
        .values(
            channel=message.channel,
            external_id=message.external_id,
            status=RECEIVED,
            payload=message.payload(),
            attempts=0,
            received_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=["channel", "external_id"])
        .returning(_TABLE.c.id)
    )
    if queued is None:
        queued = queue_enabled(engine)
    with writer_lock(engine), engine.begin() as connection:
        new_id = connection.execute(statement).scalar()
        if new_id is not None:
            if queued:
                defer_event(connection, event_id=int(new_id), channel=message.channel, sender=message.sender)
            return int(new_id), True
        existing = connection.execute(
            select(_TABLE.c.id).where(_TABLE.c.channel == message.channel, _TABLE.c.external_id == message.external_id)
        ).scalar_one()
        return int(existing), False


async def accept(state: Any, message: IncomingMessage) -> None:
    """What every webhook does with a message: store it, then hand it to this process's dispatcher if
    it answers its own messages, else leave it to the workers (deferred as a job on the queue)."""
    answers_here = state.dispatcher is not None
    # A process that answers in-process defers no job: a worker answering it too would answer twice.
    queued = False if answers_here else None
    event_id, is_new = await asyncio.to_thread(store_inbound, state.conversation.engine, message, queued)
    if is_new and answers_here:
        state.dispatcher.submit(event_id, message)
