"""`kavi worker`: answers stored inbound events in a process of its own.

Webhooks then only store and acknowledge, so a burst of slow answers never slows the
acknowledgements. The worker polls for events in `received` state (an indexed query a
few times a second) and hands them to the same Dispatcher `kavi serve` uses in-process.
"""

import asyncio
import contextlib
import logging

from sqlalchemy.engine import Engine

from bot.channels import build_channels
from bot.dispatcher import Dispatcher
from bot.outbox_sender import OutboxSender
from bot.records.events import RECEIVED, unfinished_events
from bot.scheduler import NudgeScheduler, daraja_client
from bot.settings import ChannelSettings
from bot.voice_notes import VoiceNotes
from conversations.core import Conversation
from finance.db import session_scope

log = logging.getLogger(__name__)


def received_events(engine: Engine | None, skip: set[int], limit: int = 200) -> list[tuple[int, dict]]:
    with session_scope(engine) as session:
        pending = unfinished_events(session, statuses=(RECEIVED,), limit=limit)
    return [(event_id, payload) for event_id, payload in pending if event_id not in skip]


async def run_worker(
    engine: Engine,
    settings: ChannelSettings,
    poll_every: float = 0.1,
    stop: asyncio.Event | None = None,
    concurrency: int = 2,
) -> None:
    channels = build_channels(settings, engine)
    await channels.start()
    dispatcher = Dispatcher(
        Conversation(engine, can_push_to_phone=settings.can_push_to_phone),
        channels.by_name,
        concurrency=concurrency,
        voice=VoiceNotes(engine),
    )
    await dispatcher.recover()
    dispatcher.start_sweeping()
    outbox = OutboxSender(engine, channels.by_name)
    outbox.start()
    nudging = NudgeScheduler(engine, settings.kavi_public_url, daraja_client(), queued=False)  # the local path
    nudging.start()
    stop = stop or asyncio.Event()
    log.info("KAVI worker answering %s", ", ".join(channels.by_name) or "no channels")
    try:
        while not stop.is_set():
            for event_id, payload in await asyncio.to_thread(received_events, engine, dispatcher.in_flight):
                await dispatcher.submit_stored(event_id, payload)  # an unreadable one is marked failed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll_every)
    finally:
        nudging.stop()
        await outbox.stop()
        await dispatcher.stop()
        await channels.stop()
