"""The outbox with two senders at once (serve and worker, or two servers): every notice exactly once."""

import asyncio

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.outbox_sender import OutboxSender
from bot.records.models import Outbox
from bot.records.outbox import queue
from finance.db import make_engine, session_scope
from finance.models import Business
from tests.bot.helpers import run
from tests.bot.recording import RecordingChannel
from tests.chat import ChatTester
from tests.conftest import TODAY

ROUNDS, PER_ROUND = 5, 20


def _queue(engine: Engine, first: int) -> list[str]:
    texts = [f"notice {i}" for i in range(first, first + PER_ROUND)]
    with session_scope(engine) as session:
        business = session.exec(select(Business)).one()
        for text in texts:
            payload = {"channel": "telegram", "to": "owner", "text": text, "choices": []}
            queue(session, business_id=business.id or 0, kind="test", subject=text, period="-", payload=payload)
    return texts


def test_two_senders_send_each_notice_once(engine: Engine) -> None:
    ChatTester(engine, today=TODAY, channel="telegram").onboard()
    # A second engine: its own connections, as a second process would have.
    other = make_engine(engine.url.render_as_string(hide_password=False))
    channels = RecordingChannel(), RecordingChannel()
    senders = OutboxSender(engine, {"telegram": channels[0]}), OutboxSender(other, {"telegram": channels[1]})
    queued: list[str] = []
    sent = 0

    async def both_at_once() -> int:
        counts = await asyncio.gather(*(sender.send_pending() for sender in senders))
        return sum(counts)

    try:
        for round_ in range(ROUNDS):
            queued += _queue(engine, round_ * PER_ROUND)
            sent += run(both_at_once)
        sent += run(both_at_once)  # nothing left for either
    finally:
        other.dispose()
    delivered = channels[0].texts("owner") + channels[1].texts("owner")
    assert sorted(delivered) == sorted(queued) and sent == len(queued)
    with Session(engine) as session:
        assert set(session.exec(select(Outbox.status)).all()) == {"sent"}
