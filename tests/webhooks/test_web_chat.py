"""The web chat's HTTP side, through the real FastAPI app."""

import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.records.media import store_media
from bot.voice_notes import VoiceNotes
from finance.models import Business, Transaction
from tests.c2b_bodies import unsure_payment
from voice.settings import VoiceSettings
from webhooks.app import create_app
from webhooks.settings import WebSettings


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> TestClient:
    # No Whisper model on this machine, as on a fresh server: KAVI_STT=auto falls back.
    voice = VoiceNotes(engine, VoiceSettings(kavi_whisper_model=str(tmp_path / "no-model")))
    return TestClient(create_app(engine, WebSettings(kavi_web_token=None), voice=voice))


def _send(client: TestClient, text: str, sender: str = "web-test-sender-1", **extra: object) -> dict:
    response = client.post("/web/messages", json={"sender": sender, "text": text, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_page_and_health(client: TestClient, engine: Engine) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>KAVI" in page.text and "/web/messages" in page.text
    health = client.get("/health")
    assert health.status_code == 200
    assert health.json() == {
        "status": "ok",
        "database": engine.dialect.name,
        # No Whisper model on a fresh machine: the offline recognizer listens, espeak-ng speaks.
        "speech_to_text": "sphinx",
        "text_to_speech": "espeak",
    }


def test_record_and_ask(client: TestClient) -> None:
    [reply] = _send(client, "paid rent 15k")["replies"]
    assert "Recorded expense: Ksh 15,000" in reply["text"] and reply["choices"] == ["Undo"]
    [reply] = _send(client, "how much did I spend this month?")["replies"]
    assert "Ksh 15,000" in reply["text"]


def test_retried_message_id_records_once(client: TestClient, engine: Engine) -> None:
    message_id = uuid.uuid4().hex
    first = _send(client, "paid rent 15k", message_id=message_id)
    second = _send(client, "paid rent 15k", message_id=message_id)
    assert first == second
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Transaction)).one() == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"sender": "short", "text": "hi"},
        {"sender": "web-test-sender-1", "text": "x" * 20_001},
        {"sender": "bad sender with spaces", "text": "hi"},
        {"sender": "web-test-sender-1", "text": 12},
    ],
)
def test_malformed_requests_get_a_clear_422(client: TestClient, body: dict, engine: Engine) -> None:
    response = client.post("/web/messages", json=body)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid request"
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Transaction)).one() == 0


def test_not_json_is_a_clear_error(client: TestClient) -> None:
    response = client.post("/web/messages", content=b"paid rent", headers={"Content-Type": "application/json"})
    assert response.status_code == 422


def test_token_required_when_configured(engine: Engine) -> None:
    client = TestClient(create_app(engine, WebSettings(kavi_web_token="s3cret-token")))
    body = {"sender": "web-test-sender-1", "text": "paid rent 15k"}
    assert client.post("/web/messages", json=body).status_code == 401
    assert client.post("/web/messages", json=body, headers={"X-Kavi-Token": "wrong"}).status_code == 401
    ok = client.post("/web/messages", json=body, headers={"X-Kavi-Token": "s3cret-token"})
    assert ok.status_code == 200


def test_media_links_serve_only_that_file_and_expire(client: TestClient, engine: Engine) -> None:
    from datetime import timedelta

    with Session(engine) as session:
        token = store_media(session, content_type="image/png", filename="chart.png", data=b"\x89PNG-bytes")
        expired = store_media(
            session, content_type="image/png", filename="old.png", data=b"old", ttl=timedelta(seconds=-1)
        )
        session.commit()
    response = client.get(f"/media/{token}")
    assert response.status_code == 200 and response.content == b"\x89PNG-bytes"
    assert response.headers["content-type"] == "image/png"
    assert client.get(f"/media/{expired}").status_code == 404
    assert client.get("/media/not-a-token").status_code == 404


def test_health_reports_a_dead_database() -> None:
    from finance.db import make_engine

    dead = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    client = TestClient(create_app(dead, WebSettings()))
    response = client.get("/health")
    assert response.status_code == 503 and response.json()["status"] == "unhealthy"


def test_a_payment_while_away_waits_for_the_next_message_and_its_buttons_answer(
    client: TestClient, engine: Engine
) -> None:
    """The web chat cannot push: the pipeline shows the notice before the next answer, and opens
    the question it asks then, with the id its buttons send back."""
    owner = "web-owner-payments"
    for text in ("Wanjiru Hardware", "add customer Daniel Kiprono", "invoice Daniel 4000", "invoice Daniel 6000"):
        _send(client, text, sender=owner)
    with Session(engine) as session:
        token = session.exec(select(Business.callback_token)).one()
    # This app runs on the real clock: the payment comes after the invoices.
    now = datetime.now(ZoneInfo("Africa/Nairobi")).strftime("%Y%m%d%H%M%S")
    body = unsure_payment("TK60708WEB", now)
    assert client.post(f"/payments/c2b/confirmation/{token}", json=body).status_code == 200
    notice, answer = _send(client, "paid rent 3000", sender=owner)["replies"]
    assert "Ksh 4,000 from DAN KIPRONO — for INV-0001" in notice["text"] and notice["question_id"]
    assert "Recorded expense: Ksh 3,000" in answer["text"]
    [matched] = _send(client, notice["choices"][0], sender=owner, question_id=notice["question_id"])["replies"]
    assert "INV-0001: Ksh 4,000 → paid in full" in matched["text"]
    assert _send(client, "what is my balance?", sender=owner)["replies"][0]["text"]  # nothing left waiting
