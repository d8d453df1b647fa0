"""M-Pesa end to end: an invoice made in chat, an STK push through our Daraja client to a stand-in,
the fixture callbacks posted (each three times), C2B confirmations reconciled, the owner told."""

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.pipeline import Pipeline
from bot.settings import ChannelSettings
from bot.stk_sweep import sweep_stk
from conversations.core import Conversation
from conversations.messages import IncomingMessage
from finance.clock import utcnow
from finance.models import Business, Invoice, Payment, PaymentRequest, Transaction
from finance.reconciliation.live import live_book
from tests.c2b_bodies import unsure_payment
from tests.conftest import SHARED, TODAY
from tests.finance.test_daraja_client import SANDBOX, settings_for
from tests.servers import serving
from tests.standins.daraja import DarajaStandIn
from webhooks.app import create_app
from webhooks.settings import WebSettings

DARAJA = SHARED / "fixtures" / "mpesa_daraja"
SUCCESS = json.loads((DARAJA / "stk_callback_success.json").read_text())
FAILURES = json.loads((DARAJA / "stk_callback_failures.json").read_text())
C2B = json.loads((DARAJA / "c2b_validation_confirmation.json").read_text())
WORDS = {
    1: "not enough money",
    1032: "they cancelled it",
    1037: "did not answer in time",
    2001: "wrong PIN",
}


@dataclass
class Shop:
    standin: DarajaStandIn
    client: TestClient
    conversation: Conversation
    engine: Engine
    counter: int = 0

    def say(self, text: str) -> str:
        self.counter += 1
        message = IncomingMessage(channel="web", sender="owner", text=text, external_id=f"m{self.counter}")
        return "\n".join(r.text for r in Pipeline(self.conversation).handle(message, raise_errors=True))

    def token(self) -> str:
        with Session(self.engine) as session:
            return session.exec(select(Business.callback_token)).one() or ""

    def count(self, model: Any) -> int:
        with Session(self.engine) as session:
            return session.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def shop(engine: Engine) -> Iterator[Shop]:
    standin = DarajaStandIn("ck", "cs", SANDBOX["BusinessShortCode"], SANDBOX["LipaNaMpesaOnline_Passkey"])
    with serving(standin.app) as url:
        conversation = Conversation(engine, today=lambda: TODAY, daraja_settings=settings_for(url))
        app = create_app(engine, WebSettings(), ChannelSettings(), conversation)
        with TestClient(app) as client:
            shop = Shop(standin, client, conversation, engine)
            shop.say("Wanjiru Hardware")
            shop.say("add customer Jane Achieng 0798123456")
            yield shop


def _stk_body(template: dict[str, Any], checkout: str, amount: int | None = None) -> dict[str, Any]:
    body = copy.deepcopy(template)
    body["Body"]["stkCallback"]["CheckoutRequestID"] = checkout
    for item in body["Body"]["stkCallback"].get("CallbackMetadata", {}).get("Item", []):
        if item["Name"] == "Amount" and amount is not None:
            item["Value"] = amount
    return body


def test_stk_push_paid_records_once_and_tells_the_owner(shop: Shop) -> None:
    assert "INV-0001" in shop.say("invoice Jane 2 bags of cement at 2500")
    reply = shop.say("request payment from Jane")
    assert "Sent an M-Pesa request of Ksh 5,000 to Jane Achieng" in reply
    [push] = shop.standin.pushes
    assert push["Amount"] == "5000" and push["AccountReference"] == "INV-0001"
    assert push["CallBackURL"] == f"https://kavi.example/payments/stk/callback/{shop.token()}"
    body = _stk_body(SUCCESS["docs_2017"], push["CheckoutRequestID"], amount=5000)
    for path in ("/payments/stk/callback/", "/mpesa/stk/callback/", "/payments/stk/callback/"):
        answer = shop.client.post(path + shop.token(), json=body)
        assert answer.status_code == 200 and answer.json() == {"ResultCode": 0, "ResultDesc": "Accepted"}
    assert shop.count(Payment) == 1
    with Session(shop.engine) as session:
        invoice = session.exec(select(Invoice)).one()
        assert invoice.status == "paid" and invoice.paid_cents == 500000
        txn = session.exec(select(Transaction)).one()
        assert txn.reference == "LGR7OWQX0R" and txn.kind == "income" and txn.amount_cents == 500000
        assert session.exec(select(PaymentRequest.status)).one() == "paid"
    # The web chat cannot be pushed to: the notice comes with the owner's next message, once.
    reply = shop.say("balance")
    assert "Jane Achieng paid Ksh 5,000 by M-Pesa (LGR7OWQX0R) for INV-0001. Paid in full" in reply
    assert "LGR7OWQX0R" not in shop.say("balance")


def test_a_push_with_no_callback_is_queried_and_settled_once(shop: Shop) -> None:
    shop.say("invoice Jane 2 bags of cement at 2500")
    shop.say("request payment from Jane")
    [push] = shop.standin.pushes
    shop.standin.query_results[push["CheckoutRequestID"]] = "0"
    daraja = shop.conversation.payments
    assert daraja is not None
    assert sweep_stk(shop.engine, daraja) == 0  # too soon: the callback may still come
    later = utcnow() + timedelta(minutes=5)
    assert sweep_stk(shop.engine, daraja, later) == 1
    assert sweep_stk(shop.engine, daraja, later) == 0  # settled: never asked or recorded again
    with Session(shop.engine) as session:
        assert session.exec(select(PaymentRequest.status)).one() == "paid"
        assert session.exec(select(Invoice)).one().status == "paid"
    assert shop.count(Payment) == 1
    assert "Jane Achieng paid Ksh 5,000 by M-Pesa" in shop.say("balance")
    # A callback arriving after the query changes nothing.
    body = _stk_body(SUCCESS["docs_2017"], push["CheckoutRequestID"], amount=5000)
    assert shop.client.post(f"/payments/stk/callback/{shop.token()}", json=body).status_code == 200
    assert shop.count(Payment) == 1


def test_a_cancelled_push_found_by_query_is_told_as_failed(shop: Shop) -> None:
    shop.say("invoice Jane 2 bags of cement at 2500")
    shop.say("request payment from Jane")
    daraja = shop.conversation.payments
    assert daraja is not None
    assert sweep_stk(shop.engine, daraja, utcnow() + timedelta(minutes=5)) == 1  # 1032: cancelled by the user
    with Session(shop.engine) as session:
        assert session.exec(select(PaymentRequest.status)).one() == "failed"
    assert shop.count(Payment) == 0


@pytest.mark.parametrize("case", sorted(k for k in FAILURES if not k.startswith("_") and k[0].isdigit()))
def test_stk_failures_are_told_by_their_code(shop: Shop, case: str) -> None:
    shop.say("invoice Jane 1500")
    shop.say("request payment from Jane")
    [push] = shop.standin.pushes
    body = _stk_body(FAILURES[case], push["CheckoutRequestID"])
    for _ in range(3):
        assert shop.client.post(f"/payments/stk/callback/{shop.token()}", json=body).json()["ResultCode"] == 0
    code = body["Body"]["stkCallback"]["ResultCode"]
    reply = shop.say("balance")
    assert "did not go through" in reply and WORDS[code] in reply
    assert reply.count("did not go through") == 1
    assert shop.count(Payment) == 0
    with Session(shop.engine) as session:
        request = session.exec(select(PaymentRequest)).one()
        assert (request.status, request.result_code) == ("failed", code)


def test_malformed_and_unknown_callbacks(shop: Shop) -> None:
    token = shop.token()
    bad = shop.client.post(
        f"/payments/stk/callback/{token}", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert bad.status_code == 400 and bad.json()["ResultCode"] == 1
    assert shop.client.post(f"/payments/stk/callback/{token}", json={"Body": {}}).status_code == 400
    success_without_metadata = _stk_body(SUCCESS["docs_2017"], "ws_CO_x")
    del success_without_metadata["Body"]["stkCallback"]["CallbackMetadata"]
    assert shop.client.post(f"/payments/stk/callback/{token}", json=success_without_metadata).status_code == 400
    unknown = shop.client.post("/payments/stk/callback/not-a-token", json=_stk_body(SUCCESS["docs_2017"], "ws_CO_y"))
    assert unknown.status_code == 404
    c2b = shop.client.post(f"/payments/c2b/confirmation/{token}", json={"TransID": "X", "TransAmount": "abc"})
    assert c2b.status_code == 400 and c2b.json()["ResultCode"] == "C2B00016"
    assert shop.count(Payment) == 0


def test_c2b_validation_accepts_well_formed_payments(shop: Shop) -> None:
    token = shop.token()
    ok = shop.client.post(f"/payments/c2b/validation/{token}", json=C2B["validation_docs2017"])
    assert ok.json() == {"ResultCode": 0, "ResultDesc": "Accepted"}
    broken = shop.client.post(
        f"/payments/c2b/validation/{token}", json={**C2B["validation_docs2017"], "TransTime": "x"}
    )
    assert broken.json()["ResultCode"] == "C2B00016"


def test_c2b_with_an_invoice_reference_is_matched_and_recorded_once(shop: Shop) -> None:
    shop.say("invoice Jane 2500")
    body = {**C2B["confirmation_real_2025_hashed_msisdn"], "TransAmount": "2500.00", "BillRefNumber": "inv 1"}
    for _ in range(3):
        answer = shop.client.post(f"/mpesa/c2b/confirmation/{shop.token()}", json=body)
        assert answer.json() == {"ResultCode": 0, "ResultDesc": "Success"}
    assert shop.count(Payment) == 1 and shop.count(Transaction) == 1
    with Session(shop.engine) as session:
        payment = session.exec(select(Payment)).one()
        assert payment.status == "matched" and payment.payer_phone == body["MSISDN"]  # the hash, kept opaque
        assert session.exec(select(Invoice.status)).one() == "paid"
    assert "matched to INV-0001" in shop.say("balance")


def test_c2b_unsure_match_asks_the_owner_and_learns(shop: Shop) -> None:
    shop.say("add customer Daniel Kiprono")
    shop.say("invoice Daniel 4000")
    shop.say("invoice Daniel 6000")
    body = unsure_payment("TK60708AAA", "20261122101500")
    shop.client.post(f"/payments/c2b/confirmation/{shop.token()}", json=body)
    question = shop.say("balance")
    assert "Ksh 4,000 from DAN KIPRONO — for INV-0001" in question
    answer = shop.say("Yes")
    assert "INV-0001: Ksh 4,000 → paid in full" in answer and "Next time DAN KIPRONO pays" in answer
    second = {**body, "TransAmount": "6000.00", "TransID": "TK60708BBB"}
    shop.client.post(f"/payments/c2b/confirmation/{shop.token()}", json=second)
    assert "matched to INV-0002" in shop.say("balance")


def test_c2b_matching_nothing_is_kept_as_income(shop: Shop) -> None:
    body = C2B["confirmation_real_2025_hashed_msisdn"]
    shop.client.post(f"/payments/c2b/confirmation/{shop.token()}", json=body)
    assert "Ksh 1 from DANIEL JOHN KIPRONO via M-Pesa (TK60708BHZ). Recorded as income" in shop.say("balance")
    with Session(shop.engine) as session:
        assert session.exec(select(Payment.status)).one() == "unmatched"


def test_request_payment_without_daraja_keys_says_how_to_set_it_up(engine: Engine) -> None:
    conversation = Conversation(engine, today=lambda: TODAY)
    message = IncomingMessage(channel="web", sender="o", text="request 500 from Jane", external_id="1")
    [reply] = Pipeline(conversation).handle(message)
    assert "DARAJA_CONSUMER_KEY" in reply.text


_ANOTHER_PROCESS = """
import sys
from datetime import date
from bot.pipeline import Pipeline
from conversations.core import Conversation
from conversations.messages import IncomingMessage
from finance.db import make_engine
conversation = Conversation(make_engine(sys.argv[1]), today=lambda: date.fromisoformat(sys.argv[2]))
message = IncomingMessage(channel="web", sender="owner", text=sys.argv[3], external_id="elsewhere-1")
print("\\n".join(reply.text for reply in Pipeline(conversation).handle(message, raise_errors=True)))
"""


def test_an_invoice_made_by_another_process_is_matched_by_the_next_callback(shop: Shop) -> None:
    """Each process keeps the business's book between callbacks; an invoice another process made
    meanwhile (a separate Python process on the same database) is in it for the very next one."""
    shop.say("invoice Jane 2500")
    paid = {**C2B["confirmation_real_2025_hashed_msisdn"], "TransAmount": "2500.00", "BillRefNumber": "inv 1"}
    shop.client.post(f"/payments/c2b/confirmation/{shop.token()}", json={**paid, "TransID": "TKK0000001"})
    with Session(shop.engine) as session:
        business_id = session.exec(select(Business.id)).one() or 0
        kept = live_book(session, business_id)
        assert live_book(session, business_id) is kept and "INV-0002" not in kept.invoices  # kept, as it was
    url = shop.engine.url.render_as_string(hide_password=False)
    made = subprocess.run(
        [sys.executable, "-c", _ANOTHER_PROCESS, url, TODAY.isoformat(), "invoice Jane 1800"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "INV-0002" in made.stdout, made.stdout + made.stderr
    second = {**paid, "TransAmount": "1800.00", "BillRefNumber": "inv 2", "TransID": "TKK0000002"}
    shop.client.post(f"/payments/c2b/confirmation/{shop.token()}", json=second)
    with Session(shop.engine) as session:
        payment = session.exec(select(Payment).where(Payment.reference == "TKK0000002")).one()
        invoice = session.exec(select(Invoice).where(Invoice.number == "INV-0002")).one()
        assert (payment.status, payment.invoice_id, invoice.status) == ("matched", invoice.id, "paid")
