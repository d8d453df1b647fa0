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
from webhooks.web_session import COOKIE

TOKEN, SECRET = "s3cret-token", "a-long-random-session-secret-for-tests"


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> TestClient:
    # No Whisper model on this machine, as on a fresh server: KAVI_STT=auto falls back.
    voice = VoiceNotes(engine, VoiceSettings(kavi_whisper_model=str(tmp_path / "no-model")))
    return TestClient(create_app(engine, WebSettings(kavi_web_token=None), voice=voice))


def _send(client: TestClient, text: str, **extra: object) -> dict:
    """The page's request: who is typing is the session cookie the client keeps, never a field."""
    response = client.post("/web/messages", json={"text": text, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_page_and_health(client: TestClient, engine: Engine) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>KAVI" in page.text and '<script src="/static/chat.js"' in page.text
    assert "/web/messages" in client.get("/static/chat.js").text
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
        {"text": "x" * 20_001},
        {"text": 12},
        {"text": ["paid rent 15k"]},
        {"text": "hi", "message_id": {"a": 1}},
        {"text": "hi", "question_id": "7"},
        {"text": "hi", "name": ["Wanjiku"]},
        ["paid rent 15k"],
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
    assert response.status_code == 400 and response.json()["detail"] == "the body is not valid JSON"


def test_token_required_when_configured(engine: Engine) -> None:
    client = TestClient(create_app(engine, WebSettings(kavi_web_token="s3cret-token", kavi_session_secret=SECRET)))
    body = {"text": "paid rent 15k"}
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
    for text in ("Wanjiru Hardware", "add customer Daniel Kiprono", "invoice Daniel 4000", "invoice Daniel 6000"):
        _send(client, text)
    with Session(engine) as session:
        token = session.exec(select(Business.callback_token)).one()
    # This app runs on the real clock: the payment comes after the invoices.
    now = datetime.now(ZoneInfo("Africa/Nairobi")).strftime("%Y%m%d%H%M%S")
    body = unsure_payment("TK60708WEB", now)
    assert client.post(f"/payments/c2b/confirmation/{token}", json=body).status_code == 200
    notice, answer = _send(client, "paid rent 3000")["replies"]
    assert "Ksh 4,000 from DAN KIPRONO — for INV-0001" in notice["text"] and notice["question_id"]
    assert "Recorded expense: Ksh 3,000" in answer["text"]
    [matched] = _send(client, notice["choices"][0], question_id=notice["question_id"])["replies"]
    assert "INV-0001: Ksh 4,000 → paid in full" in matched["text"]
    assert _send(client, "what is my balance?")["replies"][0]["text"]  # nothing left waiting


def _token_app(engine: Engine, secret: str | None = SECRET) -> TestClient:
    client = TestClient(create_app(engine, WebSettings(kavi_web_token=TOKEN, kavi_session_secret=secret)))
    client.headers["X-Kavi-Token"] = TOKEN
    return client


def test_a_token_holder_cannot_act_as_another_sender(engine: Engine) -> None:
    """The token lets someone open a chat, not read or write another person's books: the sender is the
    session the server signed into a cookie; a sender the browser names is not used."""
    owner, stranger = _token_app(engine), _token_app(engine)
    for text in ("hi", "Duka Letu", "paid rent 15k"):
        owner.post("/web/messages", json={"sender": "web-owner-0001", "text": text})
    cookie = owner.cookies[COOKIE]
    session_id = cookie.rsplit(".", 1)[0]
    for sender in ("web-owner-0001", session_id):
        answer = stranger.post("/web/messages", json={"sender": sender, "text": "how much did I spend this month?"})
        assert answer.status_code == 200 and "15,000" not in answer.text
    forged = {"Cookie": f"{COOKIE}={session_id}.not-our-signature"}
    answer = _token_app(engine).post("/web/messages", json={"text": "how much did I spend?"}, headers=forged)
    assert "15,000" not in answer.text and answer.headers["set-cookie"].startswith(COOKIE + "=web-")  # a new one
    # The owner's own cookie still opens the owner's books.
    assert "Ksh 15,000" in owner.post("/web/messages", json={"text": "how much did I spend this month?"}).text


def test_the_session_cookie_is_httponly_samesite_and_set_by_the_page(engine: Engine) -> None:
    client = _token_app(engine)
    page = client.get("/")
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(COOKIE + "=web-") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Path=/" in cookie and "Max-Age=" in cookie
    # The page's session is the one messages use: no second cookie.
    assert "set-cookie" not in client.post("/web/messages", json={"text": "hi"}).headers
    assert "set-cookie" not in client.get("/").headers


def test_a_session_works_on_every_process_sharing_the_secret(engine: Engine) -> None:
    first, second = _token_app(engine), _token_app(engine)
    for text in ("hi", "Duka Letu", "paid rent 15k"):
        first.post("/web/messages", json={"text": text})
    same = {"Cookie": f"{COOKIE}={first.cookies[COOKIE]}"}
    answer = second.post("/web/messages", json={"text": "how much did I spend this month?"}, headers=same)
    assert "Ksh 15,000" in answer.text


def test_with_a_token_but_no_session_secret_the_chat_refuses(engine: Engine) -> None:
    client = _token_app(engine, secret=None)
    response = client.post("/web/messages", json={"text": "paid rent 15k"})
    assert response.status_code == 503 and "KAVI_SESSION_SECRET" in response.json()["detail"]
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Transaction)).one() == 0
