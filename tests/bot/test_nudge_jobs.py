"""Scheduled nudges on the procrastinate queue (PostgreSQL's default): the leading scheduler's tick
defers one job per business and nudge kind due and does none of the work; `kavi worker` processes run
the jobs; with every job deferred twice and two workers taking them, each nudge is queued once."""

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot import queue
from bot.nudge_jobs import defer_due_nudges
from bot.queue import NUDGE_QUEUE, NUDGE_TASK, business_lock, queue_enabled
from bot.records.models import Outbox
from bot.scheduler import NudgeScheduler
from finance.db import make_engine
from finance.models import Business
from tests.chat import ChatTester

KAVI = str(Path(sys.executable).with_name("kavi"))
NAIROBI = ZoneInfo("Africa/Nairobi")
MONDAY = date(2026, 11, 23)
WEDNESDAY_9 = datetime(2026, 11, 25, 9, 0, tzinfo=NAIROBI)  # a tick covering the digest (7:30) and overdue (9:00)
OWNERS = ("amina", "baraka")
WORKER = ("worker", "--concurrency", "2")


@pytest.fixture
def procrastinate_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """KAVI_QUEUE unset, as a fresh deployment has it (read once per process, so read again here)."""
    monkeypatch.delenv("KAVI_QUEUE", raising=False)
    queue._mode.cache_clear()
    yield
    queue._mode.cache_clear()


def _books(engine: Engine) -> dict[str, int]:
    """Two businesses, each with an invoice that falls overdue on Wednesday."""
    ids = {}
    for owner in OWNERS:
        chat = ChatTester(engine, today=MONDAY, sender=owner, name=owner.title())
        chat.onboard(f"Shop {owner.title()}")
        chat.say("sold 5000")
        chat.say("invoice Otieno 3 bags of cement at 750 due tomorrow")
    with Session(engine) as session:
        for business in session.exec(select(Business).order_by(col(Business.id))):
            ids[business.name] = business.id or 0
    assert len(ids) == len(OWNERS), ids
    return ids


def _jobs(engine: Engine) -> list[tuple[str, str, str | None, dict, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT queue_name, task_name, lock, args, status FROM procrastinate_jobs ORDER BY id")
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def _nudges(engine: Engine, day: date) -> list[tuple[int, str, str]]:
    """The outbox's nudges of that day (workers' own schedulers may add some for the real today)."""
    with Session(engine) as session:
        rows = session.exec(
            select(Outbox).where(col(Outbox.kind).startswith("nudge_"), Outbox.period == day.isoformat())
        ).all()
        return [(row.business_id, row.kind, row.subject) for row in rows]


def test_the_default_queue_is_procrastinate_on_postgresql_only(
    procrastinate_default: None, queue_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite = make_engine(f"sqlite:///{tmp_path}/kavi.db")
    assert queue_enabled(queue_engine) and not queue_enabled(sqlite)
    monkeypatch.setenv("KAVI_QUEUE", "local")  # still choosable
    queue._mode.cache_clear()
    assert not queue_enabled(queue_engine)


def test_a_tick_defers_one_job_per_business_and_kind_and_does_no_work(
    procrastinate_default: None, queue_engine: Engine
) -> None:
    ids = _books(queue_engine)
    scheduler = NudgeScheduler(queue_engine)
    try:
        assert scheduler.tick(WEDNESDAY_9) == []  # nothing composed here: the workers do it
    finally:
        scheduler.stop()
    expected = [
        (NUDGE_QUEUE, NUDGE_TASK, business_lock(bid), {"business_id": bid, "kind": kind, "at": WEDNESDAY_9.isoformat()})
        for bid in ids.values()
        for kind in ("digest", "overdue")
    ]
    assert [job[:4] for job in _jobs(queue_engine)] == expected
    assert {job[4] for job in _jobs(queue_engine)} == {"todo"}
    assert _nudges(queue_engine, WEDNESDAY_9.date()) == []


def _run_workers(url: str, count: int, engine: Engine, jobs: int, command: tuple[str, ...] = WORKER) -> None:
    """`count` processes of `command` until `jobs` nudge jobs are done (or a minute and a half)."""
    env = {**os.environ, "KAVI_DATABASE_URL": url}
    workers = [
        subprocess.Popen([KAVI, *command], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(count)
    ]
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            done = [job for job in _jobs(engine) if job[1] == NUDGE_TASK and job[4] in ("succeeded", "failed")]
            if len(done) >= jobs:
                break
            assert all(w.poll() is None for w in workers), [w.stderr.read() for w in workers if w.stderr]
            time.sleep(0.3)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=20)


def test_two_workers_run_the_jobs_deferred_twice_and_queue_each_nudge_once(
    procrastinate_default: None, queue_engine: Engine, postgres_url: str
) -> None:
    ids = _books(queue_engine)
    # Two schedulers' worth (a leader that changed and caught up): every job deferred twice.
    assert defer_due_nudges(queue_engine, WEDNESDAY_9) == len(OWNERS)  # 9:00 only: overdue
    assert defer_due_nudges(queue_engine, WEDNESDAY_9, since=WEDNESDAY_9.replace(hour=6)) == 2 * len(OWNERS)
    assert defer_due_nudges(queue_engine, WEDNESDAY_9, since=WEDNESDAY_9.replace(hour=6)) == 2 * len(OWNERS)
    jobs = len(_jobs(queue_engine))
    _run_workers(postgres_url, 2, queue_engine, jobs)
    statuses = Counter(job[4] for job in _jobs(queue_engine) if job[1] == NUDGE_TASK)
    assert statuses == {"succeeded": jobs}, statuses
    sent = _nudges(queue_engine, WEDNESDAY_9.date())
    assert len(sent) == len(set(sent))  # each nudge once, whatever ran twice
    kinds = Counter((business_id, kind) for business_id, kind, _ in sent)
    assert kinds == {(bid, kind): 1 for bid in ids.values() for kind in ("nudge_digest", "nudge_overdue")}


def test_kavi_scheduler_alone_runs_the_nudge_jobs(
    procrastinate_default: None, queue_engine: Engine, postgres_url: str
) -> None:
    """Beside a `kavi serve` that answers its own messages there is no worker: the jobs the scheduler
    defers are run by the scheduler's process."""
    ids = _books(queue_engine)
    jobs = defer_due_nudges(queue_engine, WEDNESDAY_9, since=WEDNESDAY_9.replace(hour=6))
    _run_workers(postgres_url, 1, queue_engine, jobs, command=("scheduler",))
    assert Counter(job[4] for job in _jobs(queue_engine) if job[1] == NUDGE_TASK) == {"succeeded": jobs}
    kinds = Counter((business_id, kind) for business_id, kind, _ in _nudges(queue_engine, WEDNESDAY_9.date()))
    assert kinds == {(bid, kind): 1 for bid in ids.values() for kind in ("nudge_digest", "nudge_overdue")}


def test_a_leader_that_stops_lets_another_process_lead(queue_engine: Engine, postgres_url: str) -> None:
    """Stopping unlocks: the pooled connection it led on lives on, and its session would keep the lock."""
    other = make_engine(postgres_url)  # another pool, as another process has
    first, second = NudgeScheduler(queue_engine), NudgeScheduler(other)
    try:
        assert first.leader.try_lead() and not second.leader.try_lead()
        first.stop()
        assert second.leader.try_lead()
    finally:
        first.stop()
        second.stop()
        other.dispose()
