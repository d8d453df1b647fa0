"""`kavi worker` on the procrastinate queue: any number of these, on any number of machines, answer
the stored events and run the scheduler's nudge jobs; procrastinate's per-person lock keeps each
person's messages in order (a per-business one, each business's nudges), and jobs whose worker died
(no heartbeat) are handed to the living."""

import asyncio
import contextlib
import logging

from procrastinate import App, JobContext
from sqlalchemy.engine import Engine

from bot.channels import build_channels
from bot.dispatcher import Dispatcher
from bot.nudge_jobs import register_nudge_task
from bot.outbox_sender import OutboxSender
from bot.queue import ANSWER_TASK, NUDGE_QUEUE, QUEUE, RETRY, queue_app
from bot.records.events import stored_payload
from bot.scheduler import NudgeScheduler, daraja_client
from bot.settings import ChannelSettings
from bot.voice_notes import VoiceNotes
from conversations.core import Conversation
from finance.db import session_scope

log = logging.getLogger(__name__)
STALLED_EVERY = 3.0  # seconds between looks for jobs whose worker stopped beating
HEARTBEAT = 2.0  # seconds between a worker's heartbeats
STALLED_AFTER = 10.0  # a worker silent this long is dead: its jobs go to the others


def _payload(engine: Engine, event_id: int) -> dict | None:
    with session_scope(engine) as session:
        return stored_payload(session, event_id)


def register(app: App, engine: Engine, dispatcher: Dispatcher, public_url: str | None = None) -> None:
    @app.task(name=ANSWER_TASK, queue=QUEUE, retry=RETRY, pass_context=True)
    async def answer_event(context: JobContext, event_id: int) -> None:
        payload = await asyncio.to_thread(_payload, engine, event_id)
        if payload is None:
            return  # gone, or not a chat message: nothing to answer
        await dispatcher.process_stored(event_id, payload)

    register_nudge_task(app, engine, public_url)


async def _retry_stalled(app: App, stop: asyncio.Event) -> None:
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=STALLED_EVERY)
        try:
            for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER):
                log.warning("job %s stalled with its worker; retrying", job.id)
                await app.job_manager.retry_job(job)
        except Exception:
            log.exception("looking for stalled jobs failed")


async def run_queue_worker(
    engine: Engine, settings: ChannelSettings, concurrency: int = 1, stop: asyncio.Event | None = None
) -> None:
    channels = build_channels(settings, engine)
    await channels.start()
    dispatcher = Dispatcher(
        Conversation(engine, can_push_to_phone=settings.can_push_to_phone),
        channels.by_name,
        concurrency=concurrency,
        voice=VoiceNotes(engine),
    )
    app = queue_app(engine)
    register(app, engine, dispatcher, settings.kavi_public_url)
    outbox = OutboxSender(engine, channels.by_name)
    outbox.start()
    nudging = NudgeScheduler(engine, settings.kavi_public_url, daraja_client(), runs_jobs=False)  # this worker does
    nudging.start()
    stop = stop or asyncio.Event()
    log.info("KAVI queue worker (concurrency %d) answering %s", concurrency, ", ".join(channels.by_name) or "nothing")
    try:
        async with app.open_async():
            worker = asyncio.create_task(
                app.run_worker_async(
                    queues=[QUEUE, NUDGE_QUEUE],
                    concurrency=concurrency,
                    install_signal_handlers=False,
                    update_heartbeat_interval=HEARTBEAT,
                    stalled_worker_timeout=STALLED_AFTER,
                )
            )
            stalled = asyncio.create_task(_retry_stalled(app, stop))
            await stop.wait()
            worker.cancel()
            stalled.cancel()
            for task in (worker, stalled):
                with contextlib.suppress(asyncio.CancelledError):
                    await task
    finally:
        nudging.stop()
        await outbox.stop()
        await dispatcher.stop()
        await channels.stop()
