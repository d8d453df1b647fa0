"""Summaries as the books grow: "how much did I spend this month" and "what's my balance" for one
business with 1,000,000 entries over three years on PostgreSQL, read from the daily totals a trigger
keeps (migration 0015), against the same figures read from the entries themselves.

    .venv/bin/python -m bench.summaries [--entries 1000000]

Starts its own PostgreSQL (as the tests do) unless KAVI_TEST_POSTGRES_URL names one; prints the
medians and the EXPLAIN ANALYZE of both queries."""

import argparse
import os
import statistics
import sys
import time
from datetime import date

from sqlalchemy import text
from sqlmodel import Session, col, func, select

from finance.db import make_engine, migrate
from finance.models import Business, Member, Person, Transaction
from finance.services.reports import balance, summarise
from tests.conftest import wipe
from tests.postgres import start_postgres

TODAY = date(2026, 11, 30)
DAYS = 3 * 365


def _build(engine, entries: int) -> Member:  # type: ignore[no-untyped-def]
    wipe(engine)
    with Session(engine) as session:
        person = Person(name="Bench")
        session.add(person)
        session.flush()
        business = Business(name="Bench Hardware", created_by=person.id)
        session.add(business)
        session.flush()
        member = Member(business_id=business.id or 0, person_id=person.id or 0, role="admin")
        session.add(member)
        session.commit()
        session.refresh(member)
    started = time.perf_counter()
    with engine.begin() as conn:
        # Built in one statement with the trigger off, then summed in one pass (as migration 0015 does).
        conn.execute(text('ALTER TABLE "transaction" DISABLE TRIGGER transaction_daily_totals'))
        conn.execute(
            text(
                """
                INSERT INTO "transaction" (business_id, kind, amount_cents, category, occurred_on, channel,
                                           fee_cents, created_by, created_at)
                SELECT :b, CASE WHEN g % 3 = 0 THEN 'income' ELSE 'expense' END, 10000 + (g::bigint * 7919) % 500000,
                       CASE WHEN g % 3 = 0 THEN 'sales'
                            ELSE (ARRAY['stock', 'rent', 'transport', 'utilities', 'meals'])[1 + g % 5] END,
                       CAST(:today AS date) - (g % :days), 'cash', 0, :p, now()
                FROM generate_series(1, :n) AS g
                """
            ),
            {"b": member.business_id, "p": member.person_id, "n": entries, "today": TODAY, "days": DAYS},
        )
        conn.execute(text('ALTER TABLE "transaction" ENABLE TRIGGER transaction_daily_totals'))
        conn.execute(text("DELETE FROM dailytotal"))
        conn.execute(
            text(
                "INSERT INTO dailytotal (business_id, day, kind, category, cents, entries) "
                "SELECT business_id, occurred_on, kind, category, sum(amount_cents), count(*) "
                'FROM "transaction" WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4'
            )
        )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text('VACUUM ANALYZE "transaction"'))
        conn.execute(text("VACUUM ANALYZE dailytotal"))
    print(f"built {entries:,} entries over {DAYS} days in {time.perf_counter() - started:.1f} s")
    return member


def _median_ms(run, times: int = 30) -> float:  # type: ignore[no-untyped-def]
    run()
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
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
        member = _build(engine, args.entries)
        month = TODAY.replace(day=1)
        with Session(engine) as session:
            count = session.exec(select(func.count()).select_from(Transaction)).one()
            spent = _median_ms(lambda: summarise(session, actor=member, start=month, end=TODAY))
            bal = _median_ms(lambda: balance(session, actor=member, as_of=TODAY))

            def from_entries() -> None:
                session.exec(
                    select(Transaction.kind, func.sum(Transaction.amount_cents))
                    .where(Transaction.business_id == member.business_id, col(Transaction.deleted_at).is_(None))
                    .group_by(Transaction.kind)
                ).all()

            raw = _median_ms(from_entries, times=5)
            print(f"{count:,} entries: this month's summary {spent:.1f} ms, the balance {bal:.1f} ms "
                  f"(the balance summed from the entries themselves: {raw:.0f} ms)")  # fmt: skip
            for name, sql in (
                ("month", "SELECT kind, category, sum(cents), sum(entries) FROM dailytotal WHERE business_id = :b "
                          "AND day >= :s AND day <= :e GROUP BY kind, category"),
                ("balance", "SELECT kind, sum(cents) FROM dailytotal WHERE business_id = :b AND day <= :e "
                            "GROUP BY kind"),
            ):  # fmt: skip
                plan = session.connection().execute(
                    text("EXPLAIN (ANALYZE, COSTS OFF) " + sql), {"b": member.business_id, "s": month, "e": TODAY}
                )
                print(f"EXPLAIN {name}:\n  " + "\n  ".join(row[0] for row in plan))
    finally:
        engine.dispose()
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
