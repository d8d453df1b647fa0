"""The scheduler: APScheduler ticks each minute and runs the nudges due in every business's own time
zone (conversations/nudges/). One process leads at a time (a PostgreSQL advisory lock, held by its
connection); should two ever run, the outbox keys and the one-entry-a-day rule still send and record
each nudge once. A leader that was down catches up on what fell due in the last hours."""

import logging
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from bot.erasure import sweep as sweep_data
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
            self._connection.close()  # closing the session ends its advisory locks
            self._connection = None
        self.leading = self.engine.dialect.name != "postgresql"


class NudgeScheduler:
    def __init__(self, engine: Engine, public_url: str | None = None, daraja: Daraja | None = None) -> None:
        self.engine = engine
        self.public_url = public_url
        self.daraja = daraja  # with Daraja keys: STK pushes with no callback are queried each round
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
        try:
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
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.leader.release()
