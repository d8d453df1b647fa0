"""The credit score in a conversation: every factor with its weight and figure, tips for the weakest,
loan readiness from the forecast; English and Swahili, on both databases."""

import io
from datetime import date, timedelta
from decimal import Decimal

from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import Member
from finance.services.ledger import record_transaction
from tests.chat import ChatTester

DAY = date(2026, 11, 20)


def _months_of_trade(engine: Engine, days: int, sales: int, spending: int) -> None:
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        for back in range(days, 0, -1):
            day = DAY - timedelta(days=back)
            record_transaction(
                session, actor=member, kind="income", amount=Decimal(sales), category="sales", occurred_on=day
            )
            record_transaction(
                session, actor=member, kind="expense", amount=Decimal(spending), category="stock", occurred_on=day
            )
            if day.day == 1:
                record_transaction(
                    session, actor=member, kind="expense", amount=Decimal(8000), category="rent", occurred_on=day
                )
        session.commit()


def _points(reply: str) -> dict[str, tuple[int, int]]:
    found = {}
    for line in reply.splitlines():
        if line.startswith("• ") and "/" in line and " — " in line:
            label, rest = line[2:].split(": ", 1)
            points, weight = rest.split(" — ")[0].split("/")
            found[label] = (int(points), int(weight))
    return found


def test_a_steady_profitable_shop_scores_well_and_every_factor_is_shown(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _months_of_trade(engine, days=300, sales=6000, spending=3000)
    reply = chat.say("what is my credit score")
    header = reply.splitlines()[0]
    assert header.startswith("📊 Credit score: ") and header.endswith(("(good)", "(strong)"))
    points = _points(reply)
    assert set(points) == {
        "Months of records",
        "Steady income",
        "Income trend",
        "Spending against income",
        "Customers paying on time",
        "Bills paid regularly",
        "Cash buffer",
    }
    assert sum(w for _, w in points.values()) == 100
    assert sum(p for p, _ in points.values()) == int(header.split(": ")[1].split("/")[0])
    assert points["Steady income"] == (20, 20)  # the same every day
    assert points["Spending against income"][0] >= 15  # about half of income
    assert "• Months of records: " in reply and "9 month(s)" in reply
    assert "Customers paying on time: 8/15 — not enough records yet" in reply  # no invoices: neutral, and said
    assert reply.endswith("This score is a guide for you: it decides nothing and is shared with no one.")


def test_a_loss_making_new_shop_is_told_what_to_do(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _months_of_trade(engine, days=40, sales=2000, spending=2600)
    reply = chat.say("my credit score")
    assert "(building)" in reply.splitlines()[0] or "(fair)" in reply.splitlines()[0]
    assert "Spending against income: 0/20 — 140% of income spent" in reply
    assert "To improve:" in reply and "Keep spending under 60% of income" in reply


def test_loan_readiness_from_the_forecast(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _months_of_trade(engine, days=300, sales=6000, spending=3000)
    ready = chat.say("am I ready for a loan of 100k?")
    assert ready.startswith("🏦 A loan of Ksh 100,000: you look ready.")
    assert "about Ksh 9,833 a month over 12 months (assuming 18% a year)" in ready
    chat.push("am I ready for a loan of 100k?")
    with_pdf = chat.pop_reply()
    assert with_pdf.document is not None and with_pdf.document.filename == "loan-readiness-2026-11-20.pdf"
    pages = PdfReader(io.BytesIO(with_pdf.document.data)).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    assert "Loan readiness, 20 Nov 2026" in text and "Ksh 100,000" in text and "Ksh 9,833" in text
    assert "Credit score: " in text and "Months of records: 9" in text and "Readiness" in text
    too_big = chat.say("am I ready for a loan of 2 million?")
    assert too_big.startswith("🏦 A loan of Ksh 2,000,000: not ready yet.")
    sw = chat.say("niko tayari kwa mkopo wa laki mbili?")
    assert sw.startswith("🏦 Mkopo wa Ksh 200,000: unaonekana uko tayari.")
    assert "Alama ya mkopo:" in sw and sw.endswith("haishirikiwi na mtu yeyote.")
