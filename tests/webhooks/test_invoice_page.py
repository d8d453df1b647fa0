"""The share link a customer opens: a small page with what is due and how to pay, and the PDF."""

import io

from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.settings import ChannelSettings
from conversations.core import Conversation
from finance.models import Business, Invoice
from finance.mpesa.settings import DarajaSettings
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
