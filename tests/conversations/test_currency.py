"""Money in other currencies, on both databases: an invoice in dollars keeps its dollars on the PDF and
is booked in shillings at the day's rate; the rate is asked once a day, or told outright ("1 USD = 129
KES"); a rate message never answers another question."""

import io
from datetime import date

from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import ExchangeRate, Invoice, InvoiceItem, Transaction
from tests.chat import ChatTester

DAY = date(2026, 11, 20)


def _invoices(engine: Engine) -> list[Invoice]:
    with Session(engine) as session:
        return list(session.exec(select(Invoice).order_by(Invoice.id)))


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_an_invoice_in_dollars_keeps_its_dollars_and_is_booked_in_shillings(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    asked = chat.say("invoice Acme Ltd $500 for consulting")
    assert "What is 1 USD in KES today?" in asked and not _invoices(engine)
    made = chat.ask("129")
    assert made.text.startswith("🧾 INV-0001 for Acme Ltd: USD 500 (Ksh 64,500 at 1 USD = Ksh 129), due "), made.text
    invoice = _invoices(engine)[0]
    assert (invoice.total_cents, invoice.currency, invoice.original_total_cents) == (6_450_000, "USD", 50_000)
    assert made.document is not None
    text = _pdf_text(made.document.data)
    assert "USD 500" in text and "Ksh 64,500" in text and "1 USD = Ksh 129" in text
    assert "Ksh 500\n" not in text and "Ksh 500 " not in text  # never the dollars as shillings
    # The day's rate is kept: a second dollar invoice is made at once, items and all.
    second = chat.say("invoice Beta Co 3 licences at $100")
    assert second.startswith("🧾 INV-0002 for Beta Co: USD 300 (Ksh 38,700 at 1 USD = Ksh 129)"), second
    with Session(engine) as session:
        items = list(session.exec(select(InvoiceItem).where(InvoiceItem.invoice_id == _invoices(engine)[1].id)))
    assert [(i.quantity, i.original_unit_price_cents, i.unit_price_cents) for i in items] == [(3, 10_000, 1_290_000)]
    listed = chat.say("my invoices")
    assert "INV-0001 · Acme Ltd · Ksh 64,500 (USD 500)" in listed, listed
    assert "Ksh 103,200 owed" in listed


def test_a_rate_said_outright_is_kept_for_the_day(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.say("1 USD = 129 KES") == "💱 Today's rate: 1 USD = Ksh 129. I'll use it for today's USD entries."
    with Session(engine) as session:
        assert [(r.currency, r.rate) for r in session.exec(select(ExchangeRate))] == [("USD", 129)]
    assert "Ksh 2,580 (USD 20)" in chat.say("sold 20 dollars of soap")
    assert chat.say("dola ni 130 leo") == "💱 Kiwango cha leo: USD 1 = Ksh 130. Nitakitumia kwa rekodi za USD za leo."
    assert "Ksh 1,300 (USD 10)" in chat.say("paid $10 for hosting")
    with Session(engine) as session:
        entries = list(session.exec(select(Transaction).order_by(Transaction.id)))
    assert [t.amount_cents for t in entries] == [258_000, 130_000]  # no rate was booked as money


def test_the_rate_question_answered_with_a_whole_rate(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert "What is 1 USD in KES today?" in chat.say("paid 40 dollars for hosting")
    assert "Ksh 5,200 (USD 40)" in chat.say("1 USD = 130 KES")  # the rate, not 1


def test_a_rate_message_does_not_answer_which_customer(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("add customer Jane Achieng")
    asked = chat.say("invoice Jane Achang 5000")
    assert asked.startswith("Is this Jane Achieng?"), asked
    told = chat.say("1 USD = 129 KES")
    assert told.startswith("💱 Today's rate: 1 USD = Ksh 129."), told
    assert not _invoices(engine)
