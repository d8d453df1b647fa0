"""C2B confirmations through the real route: each one stored, recorded as income, reconciled
against the business's open invoices and told to the owner, in one request.

    .venv/bin/python -m bench.mpesa_callbacks [--invoices 500] [--payments 300] [--database URL]

Prints the latency of the confirmation route (median, p95, p99) and how the payments matched.
"""

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from bot.pipeline import Pipeline
from bot.settings import ChannelSettings
from conversations.core import Conversation
from conversations.messages import IncomingMessage
from finance.db import make_engine, migrate
from finance.models import Business, Member, Payment
from finance.services.customers import add_customer
from finance.services.invoices import create_invoice
from webhooks.app import create_app
from webhooks.settings import WebSettings

FIRST = ["JOHN", "MARY", "PETER", "GRACE", "JAMES", "FAITH", "DAVID", "MERCY", "JOSEPH", "ANN"]
LAST = ["OTIENO", "WANJIKU", "KAMAU", "ACHIENG", "MWANGI", "NJERI", "KIPRONO", "WAFULA", "ODHIAMBO", "CHEBET"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invoices", type=int, default=500)
    parser.add_argument("--payments", type=int, default=300)
    parser.add_argument("--database", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    url = args.database or f"sqlite:///{tempfile.mkdtemp(prefix='kavi-bench-')}/kavi.db"
    engine = make_engine(url)
    migrate(engine)
    today = date(2026, 11, 22)
    conversation = Conversation(engine, today=lambda: today)
    Pipeline(conversation).handle(
        IncomingMessage(channel="web", sender="owner", text="Bench Hardware", external_id="b0")
    )
    with Session(engine) as session:
        owner = session.exec(select(Member)).one()
        token = session.exec(select(Business.callback_token)).one()
        for n in range(args.invoices):
            name = f"{FIRST[n % 10]} {LAST[(n // 10) % 10]} {n // 100 or ''}".strip()
            customer = add_customer(session, actor=owner, name=name.title(), phone=f"07{n:08d}")
            create_invoice(
                session,
                actor=owner,
                customer=customer,
                issued_on=today - timedelta(days=n % 30),
                total=Decimal(500 + 50 * (n % 97)),
            )
        session.commit()
    client = TestClient(create_app(engine, WebSettings(), ChannelSettings(), conversation))
    timings = []
    for n in range(args.payments):
        i = (n * 7) % args.invoices
        name = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}"
        body = {
            "TransactionType": "Pay Bill",
            "TransID": f"TKB{n:07d}",
            "TransTime": "20261122101500",
            "TransAmount": f"{500 + 50 * (i % 97)}.00",
            "BusinessShortCode": "600995",
            "BillRefNumber": f"inv {i + 1}" if n % 3 == 0 else "goods",
            "InvoiceNumber": "",
            "OrgAccountBalance": "0.00",
            "ThirdPartyTransID": "",
            "MSISDN": "94c392c311d522da950619227b3361752a42042db7e1e699b26e628305c68a88",
            "FirstName": name.split()[0],
            "MiddleName": "",
            "LastName": name.split()[1],
        }
        start = time.perf_counter()
        answer = client.post(f"/payments/c2b/confirmation/{token}", json=body)
        timings.append(time.perf_counter() - start)
        assert answer.status_code == 200, answer.text
    with Session(engine) as session:
        statuses = dict(session.exec(select(Payment.status, func.count()).group_by(Payment.status)).all())
    ms = sorted(t * 1000 for t in timings)
    print(f"{engine.dialect.name}: {args.invoices} open invoices, {args.payments} C2B confirmations")
    print(
        f"confirmation route: median {statistics.median(ms):.1f} ms, p95 {ms[int(len(ms) * 0.95) - 1]:.1f} ms, "
        f"p99 {ms[int(len(ms) * 0.99) - 1]:.1f} ms"
    )
    print("payments:", ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))


if __name__ == "__main__":
    main()
