"""Runs stored inbound events after the webhook has answered.

One sender's messages are handled in the order they arrived, different senders in
parallel (bounded). Every event is in the database before it gets here, so a crash
loses nothing: `recover()` picks up what was left unfinished, at start and periodically.
Each reply is claimed before it is sent, so a retry never sends one twice.
"""

import asyncio
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from typing import Any, TypeVar

from bot.channel import Channel
from bot.pipeline import Pipeline
from bot.records import events as ev
from bot.voice_notes import VoiceNotes
from conversations.core import Conversation
from conversations.messages import IncomingMessage, Reply
from conversations.texts import t
from finance.db import session_scope

log = logging.getLogger(__name__)

T = TypeVar("T")

MAX_ATTEMPTS = 3
GAVE_UP = -1  # the delivery position of the "something went wrong" notice
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
        self.pipeline = Pipeline(conversation, channels, voice)
        self.channels = channels
        self._slots = asyncio.Semaphore(concurrency)
        # Its own threads: slow answers must never queue in front of a webhook's quick store-and-ack.
        self._pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="kavi-dispatch")
        self._tails: dict[tuple[str, str], asyncio.Task[None]] = {}
        self._in_flight: set[int] = set()
        self._sweeper: asyncio.Task[None] | None = None

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.pipeline.engine

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
        task.add_done_callback(functools.partial(self._forget, key))

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
        started = await self._in_pool(self._start_attempt, event_id)
        if started is None:
            return  # done or failed already: a replay sends nothing
        attempt, status = started
        if attempt > MAX_ATTEMPTS:
            # The earlier tries died with their process (nothing to catch): stop trying.
            await self._give_up(event_id, message, "gave up after repeated crashes")
            return
        try:
            await self._answer(event_id, message, answered=status == ev.ANSWERED)
        except Exception as exc:
            if attempt < MAX_ATTEMPTS:
                raise
            log.exception("event %s failed %d times; giving up", event_id, attempt)
            await self._give_up(event_id, message, f"gave up after {attempt} attempts: {exc!r}")

    async def _answer(self, event_id: int, message: IncomingMessage, answered: bool) -> None:
        channel = self.channels.get(message.channel)
        # An answered event replays its stored replies: no need to download or hear it again. The
        # recognizer has its own threads and queue, outside the slots that text messages need.
        if not answered:
            message = await self.pipeline.hear(message)
        # The slot bounds database and CPU work only; waiting on the network (and on Telegram's
        # per-chat pacing) happens outside it, so one slow chat never holds up the others.
        async with self._slots:
            replies = await self._in_pool(self.pipeline.handle, message, True)
        replies = await self.pipeline.speak(replies)
        if channel is not None:
            for position, reply in enumerate(replies):
                # Acknowledge a button press with the first reply only.
                once = message if position == 0 else replace(message, ack_id=None)
                await self._deliver_once(channel, event_id, position, once, reply)
        await self._in_pool(self._mark, event_id, ev.DONE, None)

    async def _deliver_once(
        self, channel: Channel, event_id: int, position: int, message: IncomingMessage, reply: Reply
    ) -> None:
        """Claim (committed), send, mark sent. A crash between claim and mark loses that one reply
        rather than sending it twice; a send the platform refuses is released and retried."""
        if not await self._in_pool(self._claim, event_id, position):
            return
        try:
            await channel.deliver(message, [reply])
        except Exception:
            await self._in_pool(self._release, event_id, position)
            raise
        await self._in_pool(self._delivered, event_id, position)

    async def _give_up(self, event_id: int, message: IncomingMessage, error: str) -> None:
        before = await self._in_pool(self._mark, event_id, ev.FAILED, error)
        channel = self.channels.get(message.channel)
        # Only if nothing was recorded: the apology says so, and invites sending it again.
        if channel is not None and before != ev.ANSWERED:
            await self._deliver_once(channel, event_id, GAVE_UP, message, Reply(t("failed", "en")))

    async def _in_pool(self, func: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, func, *args)

    def _start_attempt(self, event_id: int) -> tuple[int, str] | None:
        with session_scope(self.engine) as session:
            return ev.start_attempt(session, event_id=event_id)

    def _mark(self, event_id: int, status: str, error: str | None) -> str | None:
        with session_scope(self.engine) as session:
            return ev.mark_event(session, event_id=event_id, status=status, error=error)

    def _claim(self, event_id: int, position: int) -> bool:
        with session_scope(self.engine) as session:
            return ev.claim_delivery(session, event_id=event_id, position=position)

    def _delivered(self, event_id: int, position: int) -> None:
        with session_scope(self.engine) as session:
            ev.mark_delivered(session, event_id=event_id, position=position)

    def _release(self, event_id: int, position: int) -> None:
        with session_scope(self.engine) as session:
            ev.release_delivery(session, event_id=event_id, position=position)

    async def recover(self, older_than: timedelta | None = None) -> int:
        """Re-queue chat messages stored but not finished (a crash, a restart, a failed delivery)."""
        pending = await self._in_pool(self._unfinished, older_than)
        for event_id, payload in pending:
            await self.submit_stored(event_id, payload)
        return len(pending)

    async def submit_stored(self, event_id: int, payload: dict[str, Any]) -> bool:
        """Queue a stored event. One that cannot be read as a message is marked failed, never raised:
        it would stop every event stored after it."""
        try:
            message = IncomingMessage.from_payload(payload)
        except Exception as exc:
            log.exception("event %s is not a message; marking it failed", event_id)
            await self._in_pool(self._mark, event_id, ev.FAILED, f"not a message: {exc!r}")
            return False
        self.submit(event_id, message)
        return True

    async def process_stored(self, event_id: int, payload: dict[str, Any]) -> None:
        """Answers one stored event now, for a queue job: raises when it failed and should be tried
        again (the job's retry), returns once it is done or given up on."""
        try:
            message = IncomingMessage.from_payload(payload)
        except Exception as exc:
            log.exception("event %s is not a message; marking it failed", event_id)
            await self._in_pool(self._mark, event_id, ev.FAILED, f"not a message: {exc!r}")
            return
        self._in_flight.add(event_id)
        try:
            await self._process(event_id, message)
        finally:
            self._in_flight.discard(event_id)

    def _unfinished(self, older_than: timedelta | None) -> list[tuple[int, dict[str, Any]]]:
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
