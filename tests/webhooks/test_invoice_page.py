"""The share link a customer opens: a small page with what is due and how to pay, and the PDF."""

import io
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.settings import ChannelSettings
from conversations.core import Conversation
from finance.clock import today_in, utcnow
from finance.db import session_scope
from finance.errors import FinanceError
from finance.models import ActivityLog, Business, Invoice, Member, Role
from finance.mpesa.settings import DarajaSettings
from finance.services.invoices import renew_share_link
from tests.chat import ChatTester
from tests.conftest import TODAY
from webhooks.app import create_app
from webhooks.settings import WebSettings


def test_share_page_and_pdf(chat: ChatTester, engine: Engine) -> None:
    chat.conversation = Conversation(
        engine, today=lambda: TODAY, daraja_settings=DarajaSettings(kavi_public_url="https://kavi.example")
    )
    chat.onboard("Wanjiru <Hardware>")
    with Session(engine) as session:
        business = session.exec(select(Business)).one()
        business.mpesa_paybill = "522533"
        session.add(business)
        session.commit()
    reply = chat.say("invoice Jane 2 crates of soda at 1200")
    with Session(engine) as session:
        token = session.exec(select(Invoice.share_token)).one()
    assert f"https://kavi.example/i/{token}" in reply
    client = TestClient(create_app(engine, WebSettings(), ChannelSettings(), chat.conversation))
    page = client.get(f"/i/{token}")
    assert page.status_code == 200 and "noindex" in page.headers["x-robots-tag"]
    html = page.text
    assert "Wanjiru &lt;Hardware&gt;" in html and "<Hardware>" not in html  # escaped
    assert "Ksh 2,400" in html and "M-PESA Paybill: 522533" in html and "Account number: INV-0001" in html
    pdf = client.get(f"/i/{token}.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert "INV-0001" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert client.get("/i/not-a-real-token").status_code == 404
    assert client.get("/i/" + "x" * 200 + ".pdf").status_code == 404


def _invoice_made(engine: Engine, days_ago: int) -> tuple[ChatTester, str]:
    """An invoice made in chat `days_ago` days before today (the page's own, real clock)."""
    chat = ChatTester(engine, today=today_in("Africa/Nairobi") - timedelta(days=days_ago))
    chat.onboard("Wanjiru Hardware")
    chat.say("add customer Jane Achieng 0798123456")
    chat.say("invoice Jane 2 crates of soda at 1200")
    with Session(engine) as session:
        return chat, session.exec(select(Invoice.share_token)).one() or ""


def _client(engine: Engine, chat: ChatTester) -> TestClient:
    return TestClient(create_app(engine, WebSettings(), ChannelSettings(), chat.conversation))


def test_an_open_invoices_link_keeps_working(engine: Engine) -> None:
    chat, token = _invoice_made(engine, days_ago=400)  # long overdue, and still owed
    client = _client(engine, chat)
    assert client.get(f"/i/{token}").status_code == 200 and client.get(f"/i/{token}.pdf").status_code == 200


@pytest.mark.parametrize(("days_ago", "works"), [(30, True), (89, True), (91, False), (200, False)])
def test_a_paid_invoices_link_expires_90_days_after_it_was_paid(engine: Engine, days_ago: int, works: bool) -> None:
    chat, token = _invoice_made(engine, days_ago)
    assert "paid in full" in chat.say("Jane paid 2400")
    client = _client(engine, chat)
    page, pdf = client.get(f"/i/{token}"), client.get(f"/i/{token}.pdf")
    if works:
        assert page.status_code == 200 and "Paid — thank you!" in page.text and pdf.status_code == 200
        return
    assert page.status_code == 410 and pdf.status_code == 410
    assert "This link has expired" in page.text and "Wanjiru Hardware" in page.text
    assert page.headers["content-type"].startswith("text/html") and "Traceback" not in page.text
    assert "INV-0001" not in page.text and "2,400" not in page.text  # nothing of the invoice itself


def test_a_cancelled_invoices_link_expires_90_days_after_and_the_owner_can_renew_it(engine: Engine) -> None:
    chat, token = _invoice_made(engine, days_ago=5)
    with Session(engine) as session:
        invoice = session.exec(select(Invoice)).one()
        invoice.status, invoice.cancelled_at = "cancelled", utcnow() - timedelta(days=91)
        session.add(invoice)
        session.commit()
    client = _client(engine, chat)
    assert client.get(f"/i/{token}").status_code == 410
    with session_scope(engine) as session:
        invoice = session.exec(select(Invoice)).one()
        owner = session.exec(select(Member)).one()
        renewed = renew_share_link(session, actor=owner, invoice=invoice)
    assert renewed != token
    page = client.get(f"/i/{renewed}")
    assert page.status_code == 200 and "Cancelled" in page.text
    assert client.get(f"/i/{token}").status_code == 404  # the old link is gone for good
    with Session(engine) as session:
        assert session.exec(select(ActivityLog).where(ActivityLog.action == "renew_link")).one()


def test_a_viewer_cannot_renew_a_link(engine: Engine) -> None:
    _, token = _invoice_made(engine, days_ago=5)
    with session_scope(engine) as session:
        invoice = session.exec(select(Invoice)).one()
        viewer = session.exec(select(Member)).one().model_copy(update={"role": Role.viewer})
        with pytest.raises(FinanceError):
            renew_share_link(session, actor=viewer, invoice=invoice)
    with Session(engine) as session:
        assert session.exec(select(Invoice.share_token)).one() == token


def test_every_html_page_carries_the_security_headers(engine: Engine) -> None:
    chat, token = _invoice_made(engine, days_ago=200)
    chat.say("invoice Jane 500")
    with session_scope(engine) as session:  # a second invoice, cancelled long ago
        second = session.exec(select(Invoice).order_by(col(Invoice.id).desc())).first()
        assert second is not None
        second.status, second.cancelled_at = "cancelled", utcnow() - timedelta(days=365)
        expired = second.share_token
    client = _client(engine, chat)
    pages = {"/": 200, f"/i/{token}": 200, f"/i/{expired}": 410, "/i/no-such-invoice": 404, "/privacy": 200}
    for path, status in pages.items():
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html"), path
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy, path
        assert "'unsafe-inline'" not in policy and "base-uri 'none'" in policy, path
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["referrer-policy"] == "no-referrer", path  # a share link's token never leaks
        assert "<script>" not in response.text and "<style>" not in response.text, path  # all under the policy
    for sheet in ("/static/invoice.css", "/static/chat.css", "/static/chat.js"):
        served = client.get(sheet)
        assert served.status_code == 200 and served.headers["x-content-type-options"] == "nosniff"
    # Other answers are never sniffed into something else either.
    assert client.get(f"/i/{token}.pdf").headers["x-content-type-options"] == "nosniff"
