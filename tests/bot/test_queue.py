"""The message work on procrastinate (PostgreSQL): an event is deferred in the transaction that stores
it, and two `kavi worker` processes answering at once keep each person's messages in order, none
lost, none answered twice."""

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.inbox import store_inbound
from bot.queue import ANSWER_TASK, person_lock
from bot.records.models import InboundEvent
from conversations.messages import IncomingMessage
from finance.models import Business, Transaction

KAVI = str(Path(sys.executable).with_name("kavi"))
PEOPLE = ("amina", "baraka", "chebet", "dan")
SALES = 8


def _message(sender: str, n: int, body: str) -> IncomingMessage:
    return IncomingMessage(channel="web", sender=sender, text=body, external_id=f"{sender}-{n}")


def _jobs(engine: Engine) -> list[tuple[str, str | None, dict, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT task_name, lock, args, status FROM procrastinate_jobs ORDER BY id"))
        return [(r[0], r[1], r[2], r[3]) for r in rows]


def test_an_event_is_deferred_with_its_store_and_once(queue_engine: Engine) -> None:
    event_id, new = store_inbound(queue_engine, _message("amina", 1, "sold 500"), queued=True)
    again_id, again_new = store_inbound(queue_engine, _message("amina", 1, "sold 500"), queued=True)
    assert new and not again_new and again_id == event_id
    assert _jobs(queue_engine) == [(ANSWER_TASK, person_lock("web", "amina"), {"event_id": event_id}, "todo")]


def _workers(url: str, count: int) -> list[subprocess.Popen[bytes]]:
    env = {**os.environ, "KAVI_DATABASE_URL": url, "KAVI_QUEUE": "procrastinate"}
    return [
        subprocess.Popen([KAVI, "worker", "--concurrency", "2"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
        for _ in range(count)
    ]  # fmt: skip


def test_two_workers_keep_each_persons_order(queue_engine: Engine, postgres_url: str) -> None:
    scripts = {p: ["hi", f"Shop {p.title()}", *(f"sold {i * 100}" for i in range(1, SALES + 1))] for p in PEOPLE}
    for n in range(len(scripts[PEOPLE[0]])):  # interleaved, as several people write at once
        for person in PEOPLE:
            store_inbound(queue_engine, _message(person, n, scripts[person][n]), queued=True)
    workers = _workers(postgres_url, 2)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with Session(queue_engine) as session:
                left = session.exec(select(InboundEvent).where(col(InboundEvent.status) != "done")).all()
            if not left:
                break
            assert all(w.poll() is None for w in workers), [w.stderr.read() for w in workers if w.stderr]
            time.sleep(0.3)
        assert not left, f"{len(left)} events not answered"
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=20)
    with Session(queue_engine) as session:
        for person in PEOPLE:
            business = session.exec(select(Business).where(Business.name == f"Shop {person.title()}")).one()
            amounts = session.exec(
                select(Transaction.amount_cents)
                .where(Transaction.business_id == business.id)
                .order_by(col(Transaction.id))
            ).all()
            assert [a // 100 for a in amounts] == [i * 100 for i in range(1, SALES + 1)], person
    statuses = {status for *_, status in _jobs(queue_engine)}
    assert statuses == {"succeeded"}
    assert len(_jobs(queue_engine)) == len(PEOPLE) * (SALES + 2)
