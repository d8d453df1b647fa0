"""Running a Dispatcher from a plain test: store messages as a webhook would, then let it work."""

import asyncio
import itertools
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.dispatcher import Dispatcher
from bot.inbox import store_inbound
from bot.records.models import InboundEvent
from conversations.core import Conversation
from conversations.messages import IncomingMessage
from finance.models import Business
from tests.bot.recording import RecordingChannel
from tests.conftest import TODAY

T = TypeVar("T")
_ids = itertools.count(1)


def dispatcher(engine: Engine, *channels: RecordingChannel) -> Dispatcher:
    return Dispatcher(Conversation(engine, today=lambda: TODAY), {c.name: c for c in channels}, concurrency=4)


def message(text: str, sender: str = "owner", channel: str = "telegram") -> IncomingMessage:
    return IncomingMessage(channel=channel, sender=sender, text=text, display_name=sender, external_id=f"x{next(_ids)}")


def stored(engine: Engine, text: str, sender: str = "owner", channel: str = "telegram") -> tuple[int, IncomingMessage]:
    """A message as a webhook leaves it: stored, acknowledged, not yet answered."""
    incoming = message(text, sender, channel)
    event_id, _ = store_inbound(engine, incoming)
    return event_id, incoming


def business_token(engine: Engine) -> str:
    with Session(engine) as session:
        return session.exec(select(Business.callback_token)).one() or ""


def event(engine: Engine, event_id: int) -> InboundEvent:
    with Session(engine) as session:
        found = session.get(InboundEvent, event_id)
        assert found is not None
        return found


def run(work: Callable[[], Coroutine[Any, Any, T]]) -> T:
    return asyncio.run(work())


async def until(check: Callable[[], object], timeout: float = 15.0, what: str = "condition") -> None:
    """Wait inside the event loop (the dispatcher's tasks run meanwhile)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def onboard(engine: Engine, channel: RecordingChannel, sender: str = "owner") -> None:
    """First contact and the business's name, answered through a dispatcher like any message."""
    first = dispatcher(engine, channel)
    for text in ("hi", "Wanjiku Hardware"):
        first.submit(*stored(engine, text, sender, channel.name))
    await first.stop()
    assert any("Wanjiku Hardware" in text for text in channel.texts(sender)), channel.delivered
    channel.delivered.clear()
    channel.deliveries = 0
