"""Reports in the chat, opened and checked against the ledger: the statement PDF's text, the CSV's rows
and the XLSX's cells; both databases."""

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from conversations.messages import Reply
from tests.chat import ChatTester

DAY = date(2026, 11, 20)


def _books(chat: ChatTester) -> None:
    chat.say("paid rent 15000 on 2 November")
    chat.say("sold 4,500 to Otieno on 10 November")
    chat.say("paid fuel 1,250.50 on 12 November")
    chat.say("sold 3000 yesterday")
    chat.say("sold 800 on 3 October")  # outside the period


def _document(reply: Reply, content_type: str) -> bytes:
    assert reply.document is not None, reply.text
    assert reply.document.content_type == content_type
    return reply.document.data


def test_csv_and_xlsx_hold_exactly_the_ledger(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _books(chat)
    reply = chat.ask("export this month as csv")
    assert reply.text == "📄 4 entries this month (1 Nov – 20 Nov), as CSV."
    rows = list(csv.DictReader(io.StringIO(_document(reply, "text/csv").decode("utf-8-sig"))))
    assert [(r["date"], r["kind"], r["category"], r["amount"]) for r in rows] == [
        ("2026-11-02", "expense", "rent", "15000.00"),
        ("2026-11-10", "income", "sales", "4500.00"),
        ("2026-11-12", "expense", "transport", "1250.50"),
        ("2026-11-19", "income", "sales", "3000.00"),
    ]
    assert rows[1]["counterparty"] == "Otieno"
    sheet_reply = chat.ask("send me this month's report in excel xlsx")
    book = load_workbook(io.BytesIO(_document(sheet_reply, CONTENT_XLSX)))
    sheet = book.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("date", "kind", "category", "amount")
    assert [(r[1], Decimal(str(r[3]))) for r in values[1:]] == [
        ("expense", Decimal("15000")),
        ("income", Decimal("4500")),
        ("expense", Decimal("1250.5")),
        ("income", Decimal("3000")),
    ]


CONTENT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_statement_pdf_says_the_figures(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _books(chat)
    chat.say("transport budget 5000")
    chat.say("add customer Jane Achieng")
    chat.say("invoice Jane 2000")
    reply = chat.ask("send me a report for this month as pdf")
    assert reply.text.startswith("📄 Your statement this month (1 Nov – 20 Nov): 4 entries")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(_document(reply, "application/pdf"))).pages)
    assert "Wanjiku Hardware" in text and "Statement 01 Nov 2026 - 20 Nov 2026" in text
    assert "Income" in text and "Ksh 7,500" in text
    assert "Expenses" in text and "Ksh 16,250.50" in text
    assert "Loss" in text and "Ksh 8,750.50" in text
    assert "rent" in text and "Otieno" in text
    assert "INV-0001 Jane Achieng" in text
    assert "transport (monthly)" in text and "Ksh 1,250.50 of Ksh 5,000 (25%)" in text


def test_swahili_and_an_empty_period(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.ask("export last month csv").text == (
        "Nothing recorded last month (1 Oct – 31 Oct), so there is nothing to export."
    )
    _books(chat)
    assert chat.ask("send me last month's report as csv").text.startswith("📄 1 entries last month (1 Oct – 31 Oct)")
    reply = chat.ask("nitumie ripoti ya mwezi uliopita csv")
    assert reply.text == "📄 Rekodi 1 mwezi uliopita (1 Okt – 31 Okt), kama CSV."


def test_the_cash_story_in_words_and_in_the_statement(engine: Engine) -> None:
    chat = ChatTester(engine, today=date(2026, 10, 1))
    chat.onboard()
    chat.say("add customer Jane Achieng")
    chat.say("add customer Otieno Kamau")
    chat.say("invoice Jane 5000")
    chat.say("invoice Otieno 3000")
    chat.today = date(2026, 10, 5)
    chat.say("sold 10000")
    chat.say("Otieno paid 3000")  # four days after the invoice
    chat.today = date(2026, 10, 13)
    chat.say("Jane paid 5000")  # twelve days after
    chat.say("invoice Jane 6000")
    chat.today = date(2026, 11, 5)
    chat.say("sold 2000")
    reply = chat.ask("send me this month's report as pdf")
    lines = reply.text.splitlines()
    assert lines[1] == (
        "💡 Customers take 8 days on average to pay (slowest: Jane Achieng, 12 days); "
        "Ksh 6,000 is still owed (39 days of sales)."
    )
    # 1-5 Nov against 1-5 Oct: 2,000 against 10,000 + 3,000 from Otieno.
    assert lines[2] == "📈 Income is down 85% on last month by this day."
    text = PdfReader(io.BytesIO(_document(reply, "application/pdf"))).pages[0].extract_text()
    assert "Days sales outstanding (90 days)" in text and "39 days" in text
    assert "Jane Achieng pays in" in text and "12 days (1 invoices)" in text
