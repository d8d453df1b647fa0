"""Telegram end to end: fixture updates in through the webhook, real python-telegram-bot out to a stand-in."""

import copy
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.records.events import claim_event
from bot.records.models import InboundEvent
from bot.settings import ChannelSettings
from bot.text_split import split_text
from conversations.core import Conversation
from conversations.messages import IncomingMessage
from finance.db import session_scope
from finance.models import Person, Transaction
from tests.conftest import SHARED, TODAY
from tests.servers import serving
from tests.standins.telegram import TelegramStandIn
from tests.waiting import wait_for
from webhooks.app import create_app
from webhooks.settings import WebSettings

TOKEN = "123456:TEST-token"
SECRET = "s3cret_Webhook-token"
FIXTURES = SHARED / "fixtures" / "telegram"


def fixture(name: str) -> dict[str, Any]:
    return copy.deepcopy(json.loads((FIXTURES / name).read_text(encoding="utf-8"))["update"])


def text_update(text: str, update_id: int, user_id: int = 1111111) -> dict[str, Any]:
    update = fixture("update_text.official_example.json")
    update["update_id"] = update_id
    update["message"]["text"] = text
    update["message"]["from"]["id"] = update["message"]["chat"]["id"] = user_id
    update["message"]["from"]["is_bot"] = False  # real updates carry it; the 2015 example does not
    return update


@pytest.fixture
def stand() -> Iterator[tuple[TelegramStandIn, str]]:
    standin = TelegramStandIn(TOKEN)
    with serving(standin.app) as url:
        yield standin, url


@pytest.fixture
def client(engine: Engine, stand: tuple[TelegramStandIn, str]) -> Iterator[TestClient]:
    _, url = stand
    settings = ChannelSettings(telegram_bot_token=TOKEN, telegram_webhook_secret=SECRET, telegram_api_base_url=url)
    app = create_app(engine, WebSettings(), settings, Conversation(engine, today=lambda: TODAY))
    with TestClient(app) as test_client:
        yield test_client


def post(client: TestClient, update: dict[str, Any], secret: str | None = SECRET) -> Any:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    return client.post("/telegram/webhook", json=update, headers=headers)


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _done_event(engine: Engine) -> InboundEvent | None:
    with Session(engine) as session:
        return session.exec(select(InboundEvent).where(InboundEvent.status == "done")).first()


def texts(standin: TelegramStandIn) -> list[str]:
    return [c["params"]["text"] for c in standin.sent("sendMessage")]


def test_text_message_is_answered_through_the_bot_api(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    response = post(client, text_update("paid rent 15k", 1))
    assert response.status_code == 200 and response.json() == {"ok": True}
    [sent] = wait_for(lambda: standin.sent("sendMessage"), what="a reply")
    assert int(sent["params"]["chat_id"]) == 1111111
    assert "Recorded expense: Ksh 15,000 for rent" in sent["params"]["text"]
    assert json.loads(sent["params"]["reply_markup"])["inline_keyboard"][0][0]["text"] == "Undo"
    wait_for(lambda: _count(engine, Transaction) == 1)
    event = wait_for(lambda: _done_event(engine), what="the event marked done")
    assert (event.channel, event.external_id) == ("telegram", "1")


def test_every_fixture_update_replayed_three_times_records_once(
    client: TestClient, stand: tuple, engine: Engine
) -> None:
    standin, _ = stand
    standin.files["AwACAgIAAxkBAAMZaH0B7-V-PDH1yOfWfSeFRopP0JMAArp7AALBAAHoSz7P4u-cU53vNgQ"] = b"OggS-voice"
    names = sorted(p.name for p in FIXTURES.glob("update_*.json"))
    for i, name in enumerate(names):
        update = fixture(name)
        update["update_id"] = 5000 + i  # the official examples all reuse 10000
        for _ in range(3):
            assert post(client, update).status_code == 200
    handled = wait_for(
        lambda: _count(engine, InboundEvent) == len(names) and _count(engine, InboundEvent),
        what="one event per fixture",
    )
    assert handled == len(names)
    wait_for(lambda: len(standin.sent("sendMessage")) >= len(names), what="one answer per update")
    time.sleep(0.3)
    assert len(standin.sent("sendMessage")) == len(names)  # nothing answered twice


def test_replayed_update_is_answered_once(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    for _ in range(3):
        post(client, text_update("sold 4,500", 7))
    wait_for(lambda: standin.sent("sendMessage"))
    time.sleep(0.3)
    assert len(standin.sent("sendMessage")) == 1 and _count(engine, Transaction) == 1


@pytest.mark.parametrize("secret", [None, "wrong-secret"])
def test_wrong_secret_changes_nothing(client: TestClient, stand: tuple, engine: Engine, secret: str | None) -> None:
    standin, _ = stand
    response = post(client, text_update("paid rent 15k", 2), secret=secret)
    assert response.status_code == 403
    assert _count(engine, InboundEvent) == 0 and standin.sent("sendMessage") == []


def test_without_a_webhook_secret_the_route_refuses(engine: Engine, stand: tuple) -> None:
    """Telegram's secret header is the only proof an update came from Telegram: with none set, nothing
    posted here is taken (an unsigned update once recorded money)."""
    standin, url = stand
    settings = ChannelSettings(telegram_bot_token=TOKEN, telegram_api_base_url=url)
    with TestClient(create_app(engine, WebSettings(), settings, Conversation(engine, today=lambda: TODAY))) as client:
        for secret in (None, "anything"):
            response = post(client, text_update("paid rent 12,345", 3), secret=secret)
            assert response.status_code == 503
            assert "TELEGRAM_WEBHOOK_SECRET" in response.json()["detail"]
    assert _count(engine, InboundEvent) == 0 and _count(engine, Transaction) == 0
    assert standin.sent("sendMessage") == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not json", 400),
        (b"[1, 2]", 422),
        (b'{"message": {"text": "hi"}}', 422),
        (b'{"update_id": "x"}', 422),
        (b'{"update_id": 5, "edited_message": {"message_id": 1}}', 400),
        # The fields KAVI reads, with the wrong types: refused, never stored as "{}" or "['x']".
        (
            b'{"update_id": 5, "message": {"message_id": 1, "date": 1, "chat": {"id": {}, "type": "private"}, '
            b'"from": {"id": 7, "is_bot": false, "first_name": "A"}, "text": "paid rent 15k"}}',
            422,
        ),
        (
            b'{"update_id": 5, "message": {"message_id": 1, "date": 1, "chat": {"id": 7, "type": "private"}, '
            b'"from": {"id": "7", "is_bot": false, "first_name": "A"}, "text": "paid rent 15k"}}',
            422,
        ),
        (
            b'{"update_id": 5, "message": {"message_id": 1, "date": 1, "chat": {"id": 7, "type": "private"}, '
            b'"from": {"id": 7, "is_bot": false, "first_name": "A"}, "text": ["paid rent 15k"]}}',
            422,
        ),
        (
            b'{"update_id": 5, "callback_query": {"id": 5, "from": {"id": 7, "is_bot": false, "first_name": "A"}, '
            b'"chat_instance": "1", "data": {"q": 1}}}',
            422,
        ),
    ],
)
def test_malformed_and_unknown_updates(client: TestClient, engine: Engine, body: bytes, status: int) -> None:
    response = client.post(
        "/telegram/webhook",
        content=body,
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"},
    )
    assert response.status_code == status
    assert response.json()  # a clear JSON answer, never a stack trace
    assert _count(engine, InboundEvent) == 0 and _count(engine, Person) == 0


def test_update_types_kavi_does_not_handle_are_acknowledged(client: TestClient, engine: Engine) -> None:
    update = text_update("paid rent 15k", 6)
    update["edited_message"] = update.pop("message")
    update["edited_message"]["edit_date"] = update["edited_message"]["date"] + 5
    response = post(client, update)
    assert response.status_code == 200 and response.json()["ignored"] is True
    assert _count(engine, InboundEvent) == 0


def test_voice_note_is_downloaded_and_answered(client: TestClient, stand: tuple) -> None:
    standin, _ = stand
    update = fixture("update_voice.real_capture.json")
    file_id = update["message"]["voice"]["file_id"]
    standin.files[file_id] = b"OggS\x00voice"
    post(client, update)
    [sent] = wait_for(lambda: standin.sent("sendMessage"))
    assert standin.downloads == [file_id]
    assert "voice note" in sent["params"]["text"]


def test_callback_query_is_acknowledged_and_its_choice_handled(
    client: TestClient, stand: tuple, engine: Engine
) -> None:
    standin, _ = stand
    user = 136563129  # the user in the callback fixture
    post(client, text_update("paid rent 15k", 10, user_id=user))
    wait_for(lambda: _count(engine, Transaction) == 1)
    update = fixture("update_callback_query.with_keyboard.real_capture.json")
    update["callback_query"]["data"] = "Undo"
    post(client, update)
    wait_for(lambda: standin.sent("answerCallbackQuery"), what="the button acknowledged")
    assert standin.sent("answerCallbackQuery")[0]["params"]["callback_query_id"] == "586534174085442072"
    wait_for(lambda: any("Removed" in t for t in texts(standin)), what="the undo answer")
    with Session(engine) as session:
        assert session.exec(select(Transaction)).one().deleted_at is not None


def test_an_older_button_carries_its_question_and_answers_it(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    user = 136563129  # the user in the callback fixture
    post(client, text_update("hi", 20, user_id=user))
    post(client, text_update("Duka Letu", 21, user_id=user))
    post(client, text_update("Otieno 500", 22, user_id=user))
    wait_for(lambda: len(standin.sent("sendMessage")) == 3, what="three answers")
    markup = standin.sent("sendMessage")[2]["params"]["reply_markup"]
    markup = json.loads(markup) if isinstance(markup, str) else markup
    [[money_in, _]] = markup["inline_keyboard"]
    assert money_in["text"] == "Money in" and money_in["callback_data"].startswith("q")
    post(client, text_update("how much did I spend this month?", 23, user_id=user))  # a message in between
    wait_for(lambda: len(standin.sent("sendMessage")) == 4, what="the answer in between")
    update = fixture("update_callback_query.with_keyboard.real_capture.json")
    update["update_id"] = 24
    update["callback_query"]["data"] = money_in["callback_data"]
    post(client, update)
    wait_for(lambda: _count(engine, Transaction) == 1, what="the entry from the older button")
    with Session(engine) as session:
        assert session.exec(select(Transaction)).one().kind == "income"


def test_one_users_messages_stay_in_order(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    for i, text in enumerate(["hi", "Duka Letu", "paid rent 1,000", "no, it was 2,000", "how much did I spend?"]):
        post(client, text_update(text, 100 + i))
    wait_for(lambda: len(standin.sent("sendMessage")) == 5, what="five answers")
    answers = texts(standin)
    assert "business called" in answers[0] and "Duka Letu is ready" in answers[1]
    assert (
        "Ksh 1,000" in answers[2] and "Fixed: amount Ksh 1,000 → Ksh 2,000" in answers[3] and "Ksh 2,000" in answers[4]
    )


def test_shared_contact_links_the_phone(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    post(client, text_update("hi", 20))
    post(client, text_update("Duka Letu", 21))
    wait_for(lambda: len(standin.sent("sendMessage")) == 2)
    named = standin.sent("sendMessage")[1]["params"]
    keyboard = json.loads(named["reply_markup"])["keyboard"]
    assert keyboard[0][0]["request_contact"] is True
    contact = text_update("", 22)
    del contact["message"]["text"]
    contact["message"]["contact"] = {"phone_number": "254712345678", "first_name": "Test", "user_id": 1111111}
    post(client, contact)
    wait_for(lambda: any("linked" in t for t in texts(standin)))
    with Session(engine) as session:
        assert session.exec(select(Person)).one().phone == "+254712345678"


def test_429_retry_after_is_honoured(client: TestClient, stand: tuple) -> None:
    standin, _ = stand
    standin.throttle.append(1)
    post(client, text_update("hi", 30))
    wait_for(lambda: standin.sent("sendMessage"), timeout=20)
    attempts = [c for c in standin.calls if c["method"] == "sendMessage"]
    assert len(attempts) == 2 and attempts[1]["at"] - attempts[0]["at"] >= 1.0


def test_unfinished_event_is_picked_up_at_start(engine: Engine, stand: tuple) -> None:
    standin, url = stand
    message = IncomingMessage(channel="telegram", sender="555", text="sold 700", external_id="999", reply_to="555")
    with session_scope(engine) as session:  # stored by a webhook that then crashed
        claim_event(session, channel="telegram", external_id="999", payload=message.payload())
    settings = ChannelSettings(telegram_bot_token=TOKEN, telegram_webhook_secret=SECRET, telegram_api_base_url=url)
    with TestClient(create_app(engine, WebSettings(), settings, Conversation(engine, today=lambda: TODAY))):
        [sent] = wait_for(lambda: standin.sent("sendMessage"), what="the recovered answer")
    assert "Recorded income: Ksh 700" in sent["params"]["text"]
    assert _count(engine, Transaction) == 1


def test_long_replies_split_on_line_boundaries() -> None:
    text = "\n".join(f"line {i} " + "x" * 50 for i in range(200))
    chunks = split_text(text, 4096)
    assert all(len(c) <= 4096 for c in chunks) and "\n".join(chunks) == text
    assert all(c.startswith("line ") for c in chunks)
    giant = "word " * 2000
    assert all(len(c) <= 1600 for c in split_text(giant, 1600))


def _kavi_env(url: str, db_url: str) -> dict[str, str]:
    import os

    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_API_BASE_URL": url,
        "KAVI_DATABASE_URL": db_url,
    }


def test_kavi_telegram_set_webhook(stand: tuple, tmp_path: Any) -> None:
    import subprocess
    import sys
    from pathlib import Path

    standin, url = stand
    kavi = str(Path(sys.executable).parent / "kavi")
    result = subprocess.run(
        [kavi, "telegram", "set-webhook", "https://kavi.example.co.ke/telegram/webhook"],
        env=_kavi_env(url, f"sqlite:///{tmp_path}/k.db"),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    [call] = [c for c in standin.calls if c["method"] == "setWebhook"]
    assert call["params"]["url"] == "https://kavi.example.co.ke/telegram/webhook"
    assert call["params"]["secret_token"] == SECRET


def test_kavi_telegram_polling_answers_updates(stand: tuple, tmp_path: Any) -> None:
    import subprocess
    import sys
    from pathlib import Path

    standin, url = stand
    standin.updates.append(text_update("paid rent 15k", 42))
    kavi = str(Path(sys.executable).parent / "kavi")
    process = subprocess.Popen(
        [kavi, "telegram", "--polling"],
        env=_kavi_env(url, f"sqlite:///{tmp_path}/k.db"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        [sent] = wait_for(lambda: standin.sent("sendMessage"), timeout=60, what="a polled update answered")
        assert "Recorded expense: Ksh 15,000" in sent["params"]["text"]
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_media_replies_go_as_photo_document_and_voice(stand: tuple) -> None:
    import asyncio

    from bot.telegram_adapter import TelegramChannel
    from bot.telegram_app import webhook_application
    from conversations.messages import Media, Reply

    standin, url = stand
    settings = ChannelSettings(telegram_bot_token=TOKEN, telegram_api_base_url=url)
    reply = Reply(
        "Your October report",
        image=Media("image/png", "chart.png", b"\x89PNG..."),
        document=Media("application/pdf", "report.pdf", b"%PDF-1.7"),
        audio=Media("audio/ogg", "reply.ogg", b"OggS"),
        choices=["Undo"],
    )
    message = IncomingMessage(channel="telegram", sender="42", reply_to="42", external_id="1")

    async def send() -> None:
        application = webhook_application(settings)
        async with application:
            await TelegramChannel(application.bot).deliver(message, [reply])

    asyncio.run(send())
    assert [c["method"] for c in standin.calls if c["method"].startswith("send")] == [
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendVoice",
    ]
    assert standin.sent("sendPhoto")[0]["params"]["photo"] == "chart.png"
    assert standin.sent("sendDocument")[0]["params"]["document"] == "report.pdf"
    # The buttons ride on the last message of the reply.
    assert "reply_markup" in standin.sent("sendVoice")[0]["params"]
    assert "reply_markup" not in standin.sent("sendMessage")[0]["params"]


def test_a_receipt_photo_is_downloaded_read_and_proposed(client: TestClient, stand: tuple, engine: Engine) -> None:
    from bench.receipt_maker import made_receipts

    standin, _ = stand
    receipt = next(r for r in made_receipts() if r.kind == "supermarket" and not r.degraded)
    update = fixture("update_photo.real_capture.json")
    user = update["message"]["chat"]["id"]
    post(client, text_update("hi", 30, user_id=user))
    post(client, text_update("Duka Letu", 31, user_id=user))
    wait_for(lambda: len(standin.sent("sendMessage")) == 2, what="the welcome and the name")
    largest = update["message"]["photo"][-1]["file_id"]
    standin.files[largest] = receipt.image
    post(client, update)
    wait_for(lambda: len(standin.sent("sendMessage")) == 3, what="the proposal", timeout=60)
    assert standin.downloads == [largest]  # the largest size, the one worth reading
    proposal = standin.sent("sendMessage")[2]["params"]
    assert proposal["text"].startswith(f"🧾 Ksh {receipt.total:,.0f} at {receipt.merchant}, ")
    markup = proposal["reply_markup"]
    markup = json.loads(markup) if isinstance(markup, str) else markup
    labels = [button["text"] for row in markup["inline_keyboard"] for button in row]
    assert labels == ["Record", "Change", "Cancel"]
    assert _count(engine, Transaction) == 0  # nothing until Record
