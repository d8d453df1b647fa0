"""USSD step latency: how long KAVI takes to answer one Africa's Talking step, per kind of step. The
network gives a USSD session seconds per screen, so this is the number that matters.

    .venv/bin/python -m bench.ussd [--sessions 50] [--postgres]

Each session is the menu, a sale (amount, confirm, yes: recorded), then today's totals and the last
entries, through the real app and a migrated database (SQLite in a temporary folder by default; a
throwaway PostgreSQL too with --postgres, started as the tests start one). Prints the median and p95 ms per step.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.pipeline import Pipeline  # noqa: E402
from bot.settings import ChannelSettings  # noqa: E402
from conversations.core import Conversation  # noqa: E402
from conversations.messages import IncomingMessage  # noqa: E402
from finance.db import make_engine, migrate  # noqa: E402
from webhooks.app import create_app  # noqa: E402
from webhooks.settings import WebSettings  # noqa: E402

PHONE = "+254712345678"
TOKEN = "bench-token"
# (label, the text Africa's Talking posts for that step)
STEPS = [
    ("menu", ""),
    ("sale: amount", "1"),
    ("sale: confirm", "1*1.5k"),
    ("sale: recorded", "1*1.5k*1"),
    ("resent step", "1*1.5k*1"),
    ("today", "3"),
    ("last entries", "7"),
]


def _owner(engine) -> None:  # type: ignore[no-untyped-def]
    pipeline = Pipeline(Conversation(engine))
    for n, text in enumerate(("hi", "Bench Hardware", "paid rent 15k")):
        pipeline.handle(IncomingMessage(channel="sms-at", sender=PHONE, text=text, external_id=f"b{n}", phone=PHONE))


def run(url: str, sessions: int) -> dict[str, list[float]]:
    engine = make_engine(url)
    migrate(engine)
    _owner(engine)
    timings: dict[str, list[float]] = {label: [] for label, _ in STEPS}
    app = create_app(engine, WebSettings(), ChannelSettings(africastalking_callback_token=TOKEN))
    with TestClient(app) as client:
        for n in range(sessions):
            for label, text in STEPS:
                step = {"sessionId": f"ATUid_bench{n}", "serviceCode": "*384#", "phoneNumber": PHONE, "text": text}
                start = time.perf_counter()
                response = client.post(f"/africastalking/ussd?token={TOKEN}", data=step)
                timings[label].append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200 and response.text[:4] in ("CON ", "END "), response.text
    engine.dispose()
    return timings


def report(name: str, timings: dict[str, list[float]]) -> None:
    print(f"\n{name}: ms per step (median, p95)")
    for label, values in timings.items():
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(f"  {label:<16} {statistics.median(values):7.1f} {p95:7.1f}")
    every = [v for values in timings.values() for v in values]
    print(f"  {'every step':<16} {statistics.median(every):7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--postgres", action="store_true", help="also on a throwaway PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report("SQLite", run(f"sqlite:///{folder}/bench.db", args.sessions))
    if args.postgres:
        from tests.postgres import start_postgres

        server = start_postgres()
        if server is None:
            print("\nPostgreSQL: not found (initdb/pg_ctl); skipped")
            return
        try:
            report("PostgreSQL", run(server.url, args.sessions))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
