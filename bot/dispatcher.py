"""Runs stored inbound events after the webhook has answered.

One sender's messages are handled in the order they arrived, different senders in
parallel (bounded). Every event is in the database before it gets here, so a crash
loses nothing: `recover()` picks up what was left unfinished, at start and periodically.
"""

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any, TypeVar

from bot.channel import Channel
from bot.voice_notes import VoiceNotes
from conversations.core import Conversation
from conversations.messages import IncomingMessage, Reply
from conversations.texts import t
from finance.db import session_scope
from finance.services import events as ev

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_ATTEMPTS = 3
SWEEP_EVERY = 60.0
STALE_AFTER = timedelta(minutes=2)


class Dispatcher:
    def __init__(
        self,
        conversation: Conversation,
        channels: dict[str, Channel],
        concurrency: int = 2,
        voice: VoiceNotes | None = None,
    ) -> None:
        self.conversation = conversation
        self.channels = channels
        self.voice = voice
        self._slots = asyncio.Semaphore(concurrency)
        # Its own threads: slow answers must never queue in front of a webhook's quick store-and-ack.
        self._pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="kavi-dispatch")
        self._tails: dict[tuple[str, str], asyncio.Task[None]] = {}
        self._in_flight: set[int] = set()
        self._sweeper: asyncio.Task[None] | None = None

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.conversation.engine

    @property
    def in_flight(self) -> set[int]:
        return set(self._in_flight)

    def submit(self, event_id: int, message: IncomingMessage) -> None:
        """Queue an event; returns at once. Call from the event loop."""
        if event_id in self._in_flight:
            return
        self._in_flight.add(event_id)
        key = (message.channel, message.sender)
        previous = self._tails.get(key)
        task = asyncio.get_running_loop().create_task(self._run(previous, event_id, message))
        self._tails[key] = task
        task.add_done_callback(lambda done, key=key: self._forget(key, done))

    def _forget(self, key: tuple[str, str], done: asyncio.Task[None]) -> None:
        if self._tails.get(key) is done:
            del self._tails[key]

    async def _run(self, previous: asyncio.Task[None] | None, event_id: int, message: IncomingMessage) -> None:
        try:
            if previous is not None:
                await asyncio.wait([previous])  # this sender's earlier message first
            await self._process(event_id, message)
        except Exception:
            log.exception("event %s failed; it stays stored and will be retried", event_id)
        finally:
            self._in_flight.discard(event_id)

    async def _process(self, event_id: int, message: IncomingMessage) -> None:
        attempts = await self._in_pool(self._count_attempt, event_id)
        channel = self.channels.get(message.channel)
        if attempts > MAX_ATTEMPTS:
            # Something in this message crashes us every time: stop trying, tell the person.
            await self._in_pool(self._mark, event_id, ev.FAILED, "gave up after repeated failures")
            if channel is not None:
                await channel.deliver(message, [Reply(t("failed", "en"))])
            return
        if channel is not None:
            message = await channel.fetch(message)
        if self.voice is not None:
            # On the recognizer's own threads and queue, outside the slots that text messages need.
            message = await self.voice.hear(message)
        # The slot bounds database and CPU work only; waiting on the network (and on Telegram's
        # per-chat pacing) happens outside it, so one slow chat never holds up the others.
        async with self._slots:
            replies = await self._in_pool(self.conversation.handle, message, True)
        if self.voice is not None:
            replies = await self.voice.speak(replies)
        if channel is not None and replies:
            await channel.deliver(message, replies)
        await self._in_pool(self._mark, event_id, ev.DONE, None)

    async def _in_pool(self, func: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, func, *args)

    def _count_attempt(self, event_id: int) -> int:
        with session_scope(self.engine) as session:
            return ev.count_attempt(session, event_id=event_id)

    def _mark(self, event_id: int, status: str, error: str | None) -> None:
        with session_scope(self.engine) as session:
            ev.mark_event(session, event_id=event_id, status=status, error=error)

    async def recover(self, older_than: timedelta | None = None) -> int:
        """Re-queue events stored but not finished (a crash, a restart, a failed delivery)."""
        pending = await self._in_pool(self._unfinished, older_than)
        for event_id, payload in pending:
            if payload:
                self.submit(event_id, IncomingMessage.from_payload(payload))
        return len(pending)

    def _unfinished(self, older_than: timedelta | None) -> list[tuple[int, dict]]:
        with session_scope(self.engine) as session:
            pending = ev.unfinished_events(session, older_than=older_than)
        return [(event_id, payload) for event_id, payload in pending if event_id not in self._in_flight]

    def start_sweeping(self) -> None:
        async def sweep() -> None:
            while True:
                await asyncio.sleep(SWEEP_EVERY)
                try:
                    await self.recover(older_than=STALE_AFTER)
                except Exception:
                    log.exception("sweep for unfinished events failed")

        self._sweeper = asyncio.get_running_loop().create_task(sweep())

    async def drain(self, timeout: float = 30.0) -> None:
        """Wait for what is queued (tests, graceful shutdown)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._tails and asyncio.get_running_loop().time() < deadline:
            await asyncio.wait(
                list(self._tails.values()), timeout=max(0.0, deadline - asyncio.get_running_loop().time())
            )

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        await self.drain()
        self._pool.shutdown(wait=False)
