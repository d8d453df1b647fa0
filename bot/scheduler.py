"""The scheduler: APScheduler ticks each minute and sees to the nudges due in every business's own
time zone (conversations/nudges/). On the procrastinate queue (PostgreSQL's default) it defers one job
per business and kind, and the workers do the work; in-process (SQLite, `KAVI_QUEUE=local`) it runs
them itself. One process leads at a time (a PostgreSQL advisory lock, held by its connection); should
two ever run, the outbox keys and the one-entry-a-day rule still send and record each nudge once. A
leader that was down catches up on what fell due in the last hours."""

import asyncio
import logging
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from bot.erasure import sweep as sweep_data
from bot.nudge_jobs import defer_due_nudges, register_nudge_task
from bot.queue import NUDGE_QUEUE, queue_app, queue_enabled
from bot.records.outbox import SessionOutbox
from bot.stk_sweep import sweep_stk
from conversations.nudges.runner import Queued, run_at
from finance.clock import utcnow
from finance.db import session_scope
from finance.mpesa.daraja import Daraja
from finance.mpesa.settings import DarajaSettings

log = logging.getLogger(__name__)
LEADER_LOCK = 15_2026  # the advisory lock's key: any number no other part of KAVI uses
CATCH_UP = timedelta(hours=3)
SWEEP_EVERY = timedelta(hours=1)


def run_nudges(
    engine: Engine,
    at: datetime,
    *,
    since: datetime | None = None,
    kinds: list[str] | None = None,
    dry_run: bool = False,
    public_url: str | None = None,
) -> list[Queued]:
    """Queues the nudges due at `at` (or in (since, at]); a dry run composes the same and keeps none of
    it (nothing queued, no recurring entry recorded, no budget alert claimed)."""
    with session_scope(engine) as session:
        found = run_at(session, SessionOutbox(session), at, since=since, kinds=kinds, public_url=public_url)
        if dry_run:
            session.rollback()
    return found


def daraja_client() -> Daraja | None:
    """The Daraja client when its keys are set (the STK sweep needs it), else None."""
    settings = DarajaSettings()
    return Daraja(settings) if settings.enabled else None


class Leader:
    """Leadership by PostgreSQL advisory lock; SQLite is one machine, whose one process leads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None
        self.leading = engine.dialect.name != "postgresql"

    def try_lead(self) -> bool:
        if self.leading:
            return True
        if self._connection is None:
            self._connection = self.engine.connect()
        self.leading = bool(
            self._connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LEADER_LOCK}).scalar()
        )
        self._connection.commit()
        return self.leading

    def release(self) -> None:
        if self._connection is not None:
            try:
                if self.leading:
                    # Unlocked by name: closing only hands the connection back to the pool, where its
                    # session (and a session-level advisory lock) lives on.
                    self._connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LEADER_LOCK})
                    self._connection.commit()
            except Exception:
                self._connection.invalidate()  # a broken connection: closed for real, and its lock with it
            finally:
                self._connection.close()
                self._connection = None
        self.leading = self.engine.dialect.name != "postgresql"


class NudgeScheduler:
    def __init__(
        self,
        engine: Engine,
        public_url: str | None = None,
        daraja: Daraja | None = None,
        *,
        queued: bool | None = None,
        runs_jobs: bool = True,
    ) -> None:
        self.engine = engine
        self.public_url = public_url
        self.daraja = daraja  # with Daraja keys: STK pushes with no callback are queried each round
        # Nudges as queue jobs (by default where the queue is on); False: run here (the polling worker).
        self.queued = queue_enabled(engine) if queued is None else queued
        # On the queue, the nudge jobs it defers are run wherever a scheduler runs (`kavi scheduler`
        # beside `kavi serve` has no worker), unless its process runs a queue worker already.
        self.runs_jobs = runs_jobs
        self._jobs: asyncio.Task[None] | None = None
        self.leader = Leader(engine)
        self.last_tick: datetime | None = None
        self.last_sweep: datetime | None = None
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self.scheduler.add_job(
            self.tick, CronTrigger(second=0), id="nudges", max_instances=1, coalesce=True, misfire_grace_time=300
        )

    def tick(self, now: datetime | None = None) -> list[Queued]:
        now = now or utcnow()
        if not self.leader.try_lead():
            return []
        since = self.last_tick or now - CATCH_UP
        found: list[Queued] = []
        try:
            if self.queued:
                deferred = defer_due_nudges(self.engine, now, since)
                if deferred:
                    log.info("deferred %d nudge jobs", deferred)
            else:
                found = run_nudges(self.engine, now, since=since, public_url=self.public_url)
        except Exception:  # one failed round must not stop the next; the window is tried again
            log.exception("nudge round failed")
            return []
        self.last_tick = now
        if self.daraja is not None:
            try:
                sweep_stk(self.engine, self.daraja, now)
            except Exception:
                log.exception("STK sweep failed")
        if self.last_sweep is None or now - self.last_sweep >= SWEEP_EVERY:
            try:
                sweep_data(self.engine, now)  # deletions past their grace, expired media and message texts
                self.last_sweep = now
            except Exception:
                log.exception("data sweep failed")
        if found:
            log.info("queued %d nudges", sum(q.new for q in found))
        return found

    def start(self) -> None:
        """Starts ticking (and, on the queue, running nudge jobs); call it inside the event loop."""
        self.scheduler.start()
        if self.queued and self.runs_jobs:
            self._jobs = asyncio.get_running_loop().create_task(self._run_jobs())

    async def _run_jobs(self) -> None:
        app = queue_app(self.engine)
        register_nudge_task(app, self.engine, self.public_url)
        try:
            async with app.open_async():
                await app.run_worker_async(queues=[NUDGE_QUEUE], concurrency=1, install_signal_handlers=False)
        except Exception:  # the ticks go on: the jobs wait in the queue for a worker (or a restart)
            log.exception("the nudge jobs' worker stopped")

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self._jobs is not None:
            self._jobs.cancel()
            self._jobs = None
        self.leader.release()
