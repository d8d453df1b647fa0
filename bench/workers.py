"""The message work on procrastinate: messages answered per second with 1, 2 and 4 `kavi worker`
processes against one PostgreSQL (each person's order checked on every answer), and a run where one
worker is killed (SIGKILL) mid-load: nothing lost, nothing answered twice.

    .venv/bin/python -m bench.workers [--people 20] [--messages 10]

Starts its own PostgreSQL (as the tests do) unless KAVI_TEST_POSTGRES_URL names one."""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from bot.inbox import store_inbound
from bot.records.models import InboundEvent
from conversations.messages import IncomingMessage
from finance.db import make_engine, migrate
from finance.models import Business, Transaction
from tests.conftest import wipe
from tests.postgres import start_postgres

KAVI = str(Path(sys.executable).with_name("kavi"))


def _reset(engine: Engine) -> None:
    wipe(engine)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE procrastinate_jobs, procrastinate_workers RESTART IDENTITY CASCADE"))


def _load(engine: Engine, people: int, sales: int, run: str) -> int:
    total = 0
    for n in range(sales + 2):
        for p in range(people):
            body = "hi" if n == 0 else f"Shop {run}{p}" if n == 1 else f"sold {(n - 1) * 100}"
            store_inbound(
                engine,
                IncomingMessage(channel="web", sender=f"{run}{p}", text=body, external_id=f"{run}{p}-{n}"),
                queued=True,
            )
            total += 1
    return total


def _left(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(InboundEvent).where(InboundEvent.status != "done")).one()


def _check(engine: Engine, people: int, sales: int, run: str) -> tuple[bool, int]:
    """(every person's sales recorded once and in order, entries in all)."""
    right, entries = True, 0
    with Session(engine) as session:
        for p in range(people):
            business = session.exec(select(Business).where(Business.name == f"Shop {run}{p}")).first()
            amounts = (
                session.exec(
                    select(Transaction.amount_cents)
                    .where(Transaction.business_id == business.id)
                    .order_by(col(Transaction.id))
                ).all()
                if business
                else []
            )
            entries += len(amounts)
            right &= [a // 100 for a in amounts] == [i * 100 for i in range(1, sales + 1)]
    return right, entries


def _start(engine: Engine, url: str, count: int) -> list[subprocess.Popen[bytes]]:
    # Throughput, not the flood limit: one person sends far more than a human would in a minute.
    env = {**os.environ, "KAVI_DATABASE_URL": url, "KAVI_QUEUE": "procrastinate", "KAVI_RATE_PER_SENDER": "100000"}
    procs = [
        subprocess.Popen([KAVI, "worker", "--concurrency", "2"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]  # fmt: skip
    # Imports and connections are not counted as work: wait until each worker has registered.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(text("SELECT count(*) FROM procrastinate_workers")).scalar_one() >= count:
                break
        time.sleep(0.2)
    return procs


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        proc.wait(timeout=30)


def _wait(engine: Engine, timeout: float) -> float:
    started = time.perf_counter()
    while _left(engine) and time.perf_counter() - started < timeout:
        time.sleep(0.1)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--messages", type=int, default=10, help="sales per person (plus hello and the name)")
    args = parser.parse_args()
    server = None
    url = os.environ.get("KAVI_TEST_POSTGRES_URL")
    if not url:
        server = start_postgres()
        if server is None:
            sys.exit("PostgreSQL binaries not found (run `bash tests/system_deps.sh`)")
        url = server.url
    engine = make_engine(url)
    migrate(engine)
    try:
        print(f"{args.people} people x {args.messages + 2} messages each, one PostgreSQL")
        for count in (1, 2, 4):
            _reset(engine)
            procs = _start(engine, url, count)
            started = time.perf_counter()
            total = _load(engine, args.people, args.messages, f"w{count}_")
            _wait(engine, 300)  # timed from the first message stored to the last answered
            seconds = time.perf_counter() - started
            _stop(procs)
            right, entries = _check(engine, args.people, args.messages, f"w{count}_")
            print(f"{count} worker(s): {total / seconds:6.1f} messages/s ({total} in {seconds:.1f} s); "
                  f"order kept for every person: {right}; entries {entries}/{args.people * args.messages}")  # fmt: skip
        _reset(engine)
        procs = _start(engine, url, 2)
        total = _load(engine, args.people, args.messages, "k_")
        while _left(engine) > total * 0.6:
            time.sleep(0.05)
        procs[0].send_signal(signal.SIGKILL)
        killed_at = total - _left(engine)
        seconds = _wait(engine, 300)
        _stop(procs)
        right, entries = _check(engine, args.people, args.messages, "k_")
        wanted = args.people * args.messages
        print(f"kill test: one of 2 workers SIGKILLed after {killed_at}/{total} answered; all answered "
              f"{_left(engine) == 0} in {seconds:.1f} s more; order kept {right}; entries "
              f"{entries}/{wanted} (none twice: {entries == wanted})")  # fmt: skip
    finally:
        engine.dispose()
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
