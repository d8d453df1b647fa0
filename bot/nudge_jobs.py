"""Scheduled nudges as queue jobs: the leading scheduler defers one job per business and kind due,
in one transaction, and whichever worker takes a job composes and queues that business's nudges of
that kind. The outbox keys keep each nudge to once, however often a job runs."""

import asyncio
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from procrastinate import App
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.queue import NUDGE_QUEUE, NUDGE_TASK, RETRY, defer_nudge
from bot.records.outbox import SessionOutbox
from conversations.nudges.runner import due_kinds, run_kind
from finance.db import session_scope
from finance.models import Business

log = logging.getLogger(__name__)


def _zone(business: Business) -> ZoneInfo:
    return ZoneInfo(business.timezone or "Africa/Nairobi")


def due_nudges(session: Session, at: datetime, since: datetime | None = None) -> list[tuple[int, str]]:
    """(business id, kind) for each kind due at `at`, or in (since, at], in each business's own time."""
    due: list[tuple[int, str]] = []
    for business in session.exec(select(Business).order_by(col(Business.id))).all():
        zone = _zone(business)
        window = since.astimezone(zone) if since is not None else None
        due.extend((business.id or 0, kind) for kind in due_kinds(at.astimezone(zone), window))
    return due


def defer_due_nudges(engine: Engine, at: datetime, since: datetime | None = None) -> int:
    """Defers the jobs for what is due; returns how many."""
    with session_scope(engine) as session:
        due = due_nudges(session, at, since)
        connection = session.connection()
        for business_id, kind in due:
            defer_nudge(connection, business_id=business_id, kind=kind, at=at)
    return len(due)


def run_nudge_job(engine: Engine, business_id: int, kind: str, at: datetime, public_url: str | None = None) -> int:
    """One job's work: the business's nudges of this kind at `at`; returns how many were new."""
    with session_scope(engine) as session:
        business = session.get(Business, business_id)
        if business is None:
            return 0  # erased since the job was deferred
        found = run_kind(session, SessionOutbox(session), business, kind, at.astimezone(_zone(business)), public_url)
        return sum(q.new for q in found)


def register_nudge_task(app: App, engine: Engine, public_url: str | None = None) -> None:
    @app.task(name=NUDGE_TASK, queue=NUDGE_QUEUE, retry=RETRY)
    async def run_nudge(business_id: int, kind: str, at: str) -> None:
        new = await asyncio.to_thread(run_nudge_job, engine, business_id, kind, datetime.fromisoformat(at), public_url)
        if new:
            log.info("business %s: %d %s nudges queued", business_id, new, kind)
