"""Getting paid, in conversation: customers, invoices as PDFs, payments, reminders, questions."""

import asyncio
import io
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.outbox_sender import OutboxSender
from bot.records.models import Outbox
from bot.twilio_adapter import TwilioChannel
from finance.models import Customer, Invoice, Payment, SupplierEvent, Transaction
from tests.chat import ChatTester
from tests.conftest import SHARED, TODAY
from tests.servers import serving
from tests.standins.twilio import TwilioStandIn
from tests.webhooks.test_twilio import _settings

SMS = (SHARED / "fixtures" / "mpesa_sms").glob("*")


def _invoices(engine: Engine) -> list[Invoice]:
    with Session(engine) as session:
        return list(session.exec(select(Invoice).order_by(Invoice.id)))


def test_invoice_from_chat_comes_as_a_pdf(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.push("invoice Otieno 3 bags of cement at 750 each")
    reply = chat.pop_reply()
    assert "INV-0001 for Otieno: Ksh 2,250, due Sun 29 Nov" in reply.text
    assert reply.document is not None and reply.document.filename == "INV-0001.pdf"
    text = PdfReader(io.BytesIO(reply.document.data)).pages[0].extract_text()
    assert "Wanjiku Hardware" in text and "bags of cement" in text and "Ksh 2,250" in text
    with Session(engine) as session:
        assert session.exec(select(Customer.name)).all() == ["Otieno"]  # made on the fly
    assert "INV-0002 for Otieno: Ksh 1,200 (incl. VAT Ksh 165.52)" in chat.say("invoice Otieno 1034.48 plus vat")
    assert [i.number for i in _invoices(engine)] == ["INV-0001", "INV-0002"]
    assert _invoices(engine)[1].tax_cents == 16552


def test_near_duplicate_customer_is_asked_about(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    assert "Added customer Jane Achieng, +254798123456" in chat.say("add customer Jane Achieng 0798123456")
    chat.push("invoice Jane Achang 2000")
    question = chat.pop_reply()
    assert question.text == "Is this Jane Achieng, +254798123456?"
    assert question.choices == ["Yes, same person", "No, a new customer"]
    assert "INV-0001 for Jane Achieng" in chat.say("Yes, same person")
    chat.push("invoice Jane Achang 500")
    chat.pop()
    assert "INV-0002 for Jane Achang" in chat.say("No, a new customer")
    with Session(engine) as session:
        assert sorted(session.exec(select(Customer.name)).all()) == ["Jane Achang", "Jane Achieng"]


def test_payments_partial_full_and_credit(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("add customer Jane Achieng 0798123456")
    chat.say("invoice Jane 5000")
    reply = chat.say("Jane paid 2000")
    assert "Ksh 2,000 from Jane Achieng recorded" in reply and "INV-0001: Ksh 2,000 → Ksh 3,000 still owed" in reply
    assert "part paid" in chat.say("unpaid invoices")
    reply = chat.say("Jane paid 3500 for INV-0001")
    assert "paid in full" in reply and "Ksh 500 kept as credit" in reply
    assert "No unpaid invoices" in chat.say("unpaid invoices")
    card = chat.say("how much does Jane owe?")
    assert "Owes: Ksh 0" in card and "credit Ksh 500" in card
    with Session(engine) as session:
        assert sum(t.amount_cents for t in session.exec(select(Transaction))) == 550000  # both recorded as income


def test_forwarded_mpesa_sms_is_matched_to_the_invoice(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("add customer John Otieno 0712345678")
    chat.say("invoice John 1500")
    sms = (
        "QKJ4ABC123 Confirmed. You have received Ksh1,500.00 from JOHN OTIENO 0712345678 on 22/11/26 at 10:15 AM "
        "New M-PESA balance is Ksh12,000.00."
    )
    reply = chat.say(sms)
    assert "Recorded income: Ksh 1,500" in reply and "INV-0001: Ksh 1,500 → paid in full" in reply
    assert "Already recorded" in chat.say(sms)
    with Session(engine) as session:
        assert len(session.exec(select(Payment)).all()) == 1


def test_overdue_invoices_and_credit_notes(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("invoice Mama Njeri 4000")
    chat.today += timedelta(days=10)
    listed = chat.say("overdue invoices")
    assert "INV-0001 · Mama Njeri · Ksh 4,000 · ⚠️ overdue 3 day(s)" in listed
    chat.push("credit note INV-0001 1000")
    reply = chat.pop_reply()
    assert "CN-0001 credits Ksh 1,000 against INV-0001" in reply.text and reply.document is not None
    assert "Ksh 3,000" in chat.say("unpaid invoices")
    chat.push("cancel INV-0001")
    assert "now: cancelled" in chat.pop()
    assert "No unpaid invoices" in chat.say("unpaid invoices")


def test_supplier_reliability_from_chat(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    assert "Added supplier Bidco Kenya, +254722000111" in chat.say("add supplier Bidco Kenya 0722000111")
    chat.say("paid Bidco Kenya 12000 for stock")
    chat.say("Bidco delivered on time")
    chat.say("Bidco delivered on time")
    reply = chat.say("Bidco delivered late")
    assert "Reliability 67/100 (2 on time, 1 late, 0 dispute(s)); spent with them: Ksh 12,000" in reply
    with Session(engine) as session:
        assert len(session.exec(select(SupplierEvent)).all()) == 3


@pytest.fixture
def twilio() -> Iterator[tuple[TwilioStandIn, str]]:
    standin = TwilioStandIn("AC" + "0" * 32, "token")
    with serving(standin.app) as url:
        yield standin, url


def test_reminder_goes_out_once_a_day_by_whatsapp(engine: Engine, twilio: tuple) -> None:
    standin, url = twilio
    chat = ChatTester(engine, TODAY, can_push_to_phone=True)
    chat.onboard()
    chat.say("add customer Jane Achieng 0798123456")
    chat.say("invoice Jane 5000")
    reply = chat.say("remind Jane")
    assert "Reminder on its way to Jane Achieng (+254798123456) for INV-0001: Ksh 5,000" in reply
    assert "already reminded today" in chat.say("remind Jane about INV-0001")
    settings = _settings(url).model_copy(update={"twilio_account_sid": "AC" + "0" * 32, "twilio_auth_token": "token"})
    sender = OutboxSender(engine, {"whatsapp": TwilioChannel("whatsapp", settings, engine)})
    assert asyncio.run(sender.send_pending()) == 1
    assert asyncio.run(sender.send_pending()) == 0  # sent once
    [sent] = standin.messages
    assert sent["To"] == "whatsapp:+254798123456"
    # Jane never wrote to KAVI: outside the 24-hour window only the approved template may go.
    assert sent["ContentSid"].startswith("HX") and "INV-0001 for Ksh 5,000" in sent["ContentVariables"]
    chat.today += timedelta(days=1)
    assert "Reminder on its way" in chat.say("remind Jane")
    with Session(engine) as session:
        assert len(session.exec(select(Outbox).where(Outbox.kind == "reminder")).all()) == 2


def test_business_settings_show_on_invoices(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    assert "M-PESA Paybill 522533 (account: the invoice number)" in chat.say("my paybill is 522533")
    assert "KRA PIN P051234567X" in chat.say("our KRA PIN is P051234567X")
    assert "Due 14 days after the invoice date" in chat.say("invoices due in 14 days")
    chat.push("invoice Otieno 1000")
    reply = chat.pop_reply()
    assert "due Sun 6 Dec" in reply.text
    assert reply.document is not None
    text = PdfReader(io.BytesIO(reply.document.data)).pages[0].extract_text()
    assert "M-PESA Paybill: 522533" in text and "KRA PIN: P051234567X" in text
    # Nothing can reach Otieno from here: the reminder comes ready to forward, and nothing is marked sent.
    forward = chat.say("remind Otieno")
    assert "nothing was sent" in forward and "INV-0001 for Ksh 1,000" in forward and "wa.me" not in forward
    chat.say("Otieno's number is 0712345678")
    assert "Pay by M-PESA Paybill 522533, account INV-0001." in chat.say("remind Otieno")
