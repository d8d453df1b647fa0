"""Report generation for a busy business: 10,000 entries over a year, exported as the statement PDF,
CSV and XLSX.

    .venv/bin/python -m bench.reports [--entries 10000]

Prints seconds and size per format (SQLite in a temporary folder).
"""

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session

from finance.db import make_engine, migrate
from finance.documents.exports import FORMATS, export
from finance.models import Business, Person, Transaction
from finance.money import to_cents
from finance.services.members import start_business

END = date(2026, 11, 30)
EXPENSES = ("stock", "rent", "transport", "utilities", "salaries", "airtime")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        migrate(engine)
        with Session(engine) as session:
            person = Person(name="Bench")
            session.add(person)
            session.flush()
            member = start_business(session, founder=person, name="Bench Hardware")
            # Rows added directly: the bench measures exporting, not recording.
            for i in range(args.entries):
                income = rng.random() < 0.55
                session.add(
                    Transaction(
                        business_id=member.business_id,
                        kind="income" if income else "expense",
                        amount_cents=to_cents(Decimal(rng.randint(50, 20_000))),
                        category="sales" if income else rng.choice(EXPENSES),
                        counterparty=f"Customer {rng.randint(1, 300)}" if income else None,
                        occurred_on=END - timedelta(days=rng.randint(0, 364)),
                        created_by=person.id or 0,
                        note=f"entry {i}",
                    )
                )
            session.commit()
            business = session.get(Business, member.business_id)
            assert business is not None
            print(f"{args.entries} entries over a year")
            print(f"{'format':8} {'seconds':>8} {'KB':>8}")
            for fmt in FORMATS:
                began = time.perf_counter()
                made = export(
                    session, actor=member, business=business, fmt=fmt, start=END - timedelta(days=364), end=END
                )
                seconds = time.perf_counter() - began
                print(f"{fmt:8} {seconds:8.2f} {len(made.data) / 1024:8.0f}")


if __name__ == "__main__":
    main()
