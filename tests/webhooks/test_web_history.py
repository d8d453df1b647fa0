"""The web chat's history (GET /web/history) and its uploads (POST /web/attachments), through the real app:
only the session's own conversation, buttons while their question is open, media while it lasts, nothing
past the retention period or after an erasure."""

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from bot.erasure import sweep
from bot.records.models import InboundEvent, MediaFile
from finance.clock import utcnow
from finance.models import Transaction
from webhooks.app import create_app
from webhooks.settings import WebSettings
from webhooks.web_session import COOKIE

STATEMENT = Path(__file__).parent.parent / "data" / "mpesa_statement.csv"
TOKEN, SECRET = "s3cret-token", "a-long-random-session-secret-for-tests"


@pytest.fixture
def app(engine: Engine) -> Any:
    return create_app(engine, WebSettings(kavi_web_token=TOKEN, kavi_session_secret=SECRET))


def _client(app: Any) -> TestClient:
    client = TestClient(app)
    client.headers["X-Kavi-Token"] = TOKEN
    client.get("/")  # the page starts the session, as in a browser
    return client


def _say(client: TestClient, text: str, question_id: int | None = None) -> list[dict[str, Any]]:
    """What the page sends: the text, a fresh message id, the question a tapped button answers."""
    body = {"text": text, "message_id": uuid.uuid4().hex, "question_id": question_id}
    response = client.post("/web/messages", json=body)
    assert response.status_code == 200, response.text
    replies: list[dict[str, Any]] = response.json()["replies"]
    return replies


def _upload(client: TestClient, name: str, data: bytes, content_type: str, message_id: str | None = None) -> Any:
    return client.post(
        "/web/attachments",
        data={"message_id": message_id or uuid.uuid4().hex},
        files={"file": (name, data, content_type)},
    )


def _named(client: TestClient) -> None:
    """A new person's first words: a hello, then the business's name."""
    _say(client, "hi")
    assert "Duka Letu is ready" in _say(client, "Duka Letu")[0]["text"]


def _history(client: TestClient) -> list[dict[str, Any]]:
    response = client.get("/web/history")
    assert response.status_code == 200, response.text
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def _texts(messages: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(m["from"], m["text"].split("\n")[0]) for m in messages]


def test_the_history_is_the_sessions_own_and_no_one_elses(app: Any) -> None:
    owner, stranger = _client(app), _client(app)
    _say(owner, "paid rent 15k")
    _say(owner, "Duka Letu")
    assert _texts(_history(owner)) == [
        ("me", "paid rent 15k"),
        ("kavi", "✅ Recorded expense: Ksh 15,000 for rent, today."),
        ("me", "Duka Letu"),
        ("kavi", "Great — Duka Letu is ready! ✅"),
    ]
    # Someone else's chat is not in theirs, whichever way they ask for it.
    assert _history(stranger) == []
    _say(stranger, "nimeuza 2,500")
    assert [m["text"] for m in _history(stranger) if m["from"] == "me"] == ["nimeuza 2,500"]
    assert "15,000" not in str(_history(stranger)) and "2,500" not in str(_history(owner))
    session_id = owner.cookies[COOKIE].rsplit(".", 1)[0]
    forged = TestClient(app, headers={"X-Kavi-Token": TOKEN, "Cookie": f"{COOKIE}={session_id}.not-our-signature"})
    assert _history(forged) == []
    bare = TestClient(app, headers={"X-Kavi-Token": TOKEN, "Cookie": f"{COOKIE}={session_id}"})
    assert _history(bare) == []
    # Asking without a session starts none; without the token, nothing.
    nobody = TestClient(app, headers={"X-Kavi-Token": TOKEN})
    response = nobody.get("/web/history")
    assert response.json() == {"messages": []} and "set-cookie" not in response.headers
    assert TestClient(app).get("/web/history").status_code == 401


def test_buttons_come_back_while_their_question_is_open(app: Any) -> None:
    client = _client(app)
    _named(client)
    [recorded] = _say(client, "paid fuel 500")
    assert recorded["choices"] == ["Undo"] and recorded["question_id"]
    shown = _history(client)[-1]
    assert shown["choices"] == ["Undo"] and shown["question_id"] == recorded["question_id"]
    # Tapped from the history, the button answers its question (that entry, not the latest)...
    _say(client, "paid rent 15k")
    [undone] = _say(client, "Undo", question_id=shown["question_id"])
    assert "Removed: expense Ksh 500" in undone["text"]
    # ...and once answered it is gone from the history; the newer entry's Undo stays.
    kavi = [m for m in _history(client) if m["from"] == "kavi"]
    assert [m["choices"] for m in kavi] == [[], [], [], ["Undo"], []]
    assert all("question_id" not in m for i, m in enumerate(kavi) if i != 3)


def test_media_comes_back_as_links_while_the_files_last(app: Any, engine: Engine) -> None:
    client = _client(app)
    _named(client)
    for text in ("paid rent 15k", "invoice Otieno 3 bags of cement at 750 each"):
        _say(client, text)
    message_id = uuid.uuid4().hex
    first = client.post("/web/messages", json={"text": "show me a chart of my spending", "message_id": message_id})
    [chart] = first.json()["replies"]
    kavi = [m for m in _history(client) if m["from"] == "kavi"]
    invoice, drawn = kavi[3], kavi[4]
    assert invoice["document_name"] == "INV-0001.pdf"
    assert client.get(invoice["document_url"]).content.startswith(b"%PDF")
    assert (drawn["image_url"], drawn["audio_url"]) == (chart["image_url"], chart["audio_url"])
    assert client.get(drawn["image_url"]).headers["content-type"] == "image/png"
    assert client.get(drawn["audio_url"]).headers["content-type"] == "audio/ogg"
    # The same message again (a retry) is answered once, with the same links.
    again = client.post("/web/messages", json={"text": "show me a chart of my spending", "message_id": message_id})
    assert again.json() == first.json()
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(MediaFile)).one() == 3  # PDF, chart, voice
        session.execute(update(MediaFile).values(expires_at=utcnow() - timedelta(seconds=1)))
        session.commit()
    expired = [m for m in _history(client) if m["from"] == "kavi"][4]
    assert "image_url" not in expired and expired["image_expired"] and expired["image_name"].endswith(".png")
    assert expired["text"] == chart["text"]


def test_messages_past_the_retention_period_are_not_shown(
    app: Any, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _client(app)
    _say(client, "paid rent 15k")
    _say(client, "Duka Letu")
    monkeypatch.setenv("KAVI_MESSAGE_RETENTION_DAYS", "30")
    with Session(engine) as session:
        first = session.exec(select(InboundEvent).order_by(col(InboundEvent.id))).first()
        assert first is not None
        first.received_at = utcnow() - timedelta(days=31)
        session.add(first)
        session.commit()
    # Older than the retention period: not shown, even before the hourly sweep has emptied it.
    assert _texts(_history(client))[0] == ("me", "Duka Letu")
    sweep(engine, utcnow() + timedelta(days=31))
    assert _history(client) == []


def test_after_an_erasure_nothing_is_shown(app: Any, engine: Engine) -> None:
    client = _client(app)
    _named(client)
    _say(client, "paid rent 15k")
    [asked] = _say(client, "delete my data")
    for _ in range(2):  # asked twice: the business goes too
        [asked] = _say(client, asked["choices"][0], question_id=asked["question_id"])
    assert asked["text"].startswith("🗑️ Your data will be deleted on ")
    assert len(_history(client)) == 12  # six messages and their answers
    sweep(engine, utcnow() + timedelta(days=8))
    assert _history(client) == []


def test_a_statement_uploaded_is_imported_and_kept_in_the_history(app: Any, engine: Engine) -> None:
    client = _client(app)
    _named(client)
    message_id = uuid.uuid4().hex
    response = _upload(client, "mpesa_statement.csv", STATEMENT.read_bytes(), "text/csv", message_id)
    assert response.status_code == 200, response.text
    [reply] = response.json()["replies"]
    assert "Statement read: 5 rows. 5 new entries (2 in, 3 out)" in reply["text"]
    # Sent twice (a retry on a bad connection), it is imported once.
    assert _upload(client, "mpesa_statement.csv", STATEMENT.read_bytes(), "text/csv", message_id).json() == {
        "replies": [reply]
    }
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Transaction)).one() == 5
    mine = [m for m in _history(client) if m["from"] == "me"][2]
    assert mine == {"from": "me", "text": "", "attachment": {"kind": "document", "name": "mpesa_statement.csv"}}


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("C:\\Users\\Wanjiru\\Downloads\\statement.csv", "application/vnd.ms-excel"), ("statement.csv", "")],
)
def test_a_statement_as_other_browsers_send_it(app: Any, name: str, content_type: str) -> None:
    """Windows browsers call a CSV an Excel sheet; some phones give no type at all."""
    client = _client(app)
    response = _upload(client, name, STATEMENT.read_bytes(), content_type or "application/octet-stream")
    assert response.status_code == 200 and "Statement read: 5 rows" in response.json()["replies"][0]["text"]
    assert _history(client)[0]["attachment"] == {"kind": "document", "name": "statement.csv"}


def test_a_photo_is_an_image_attachment_and_other_files_are_refused(app: Any, engine: Engine) -> None:
    client = _client(app)
    photo = _upload(client, "receipt.jpg", b"\xff\xd8\xff\xe0 a photo", "image/jpeg")
    assert photo.status_code == 200 and photo.json()["replies"][0]["text"]
    with Session(engine) as session:
        [event] = session.exec(select(InboundEvent)).all()
        assert event.payload is not None
        [attachment] = event.payload["attachments"]
        assert (attachment["kind"], attachment["content_type"], attachment["filename"]) == (
            "image",
            "image/jpeg",
            "receipt.jpg",
        )
    assert _history(client)[0]["attachment"] == {"kind": "image", "name": "receipt.jpg"}
    assert _upload(client, "setup.exe", b"MZ", "application/x-msdownload").status_code == 415
    assert client.post("/web/attachments", data={"message_id": "x"}).status_code == 422
    assert client.post("/web/attachments", data={"message_id": ["a"] * 9}).status_code in (400, 422)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(InboundEvent)).one() == 1


def test_a_file_too_big_gets_a_friendly_answer_and_far_too_big_a_413(app: Any) -> None:
    client = _client(app)
    big = _upload(client, "statement.csv", b"x" * (21 * 1024 * 1024), "text/csv")
    assert big.status_code == 200 and "too big" in big.json()["replies"][0]["text"]
    assert _upload(client, "huge.jpg", b"x" * (26 * 1024 * 1024), "image/jpeg").status_code == 413
