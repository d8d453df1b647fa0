"""Every inbound route caps its body (413, found out while reading, not after) and refuses JSON nested
too deep before parsing it (400, never a 500 with RecursionError)."""

import asyncio
import json
import select
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, func
from sqlmodel import select as select_rows
from starlette.requests import Request
from starlette.types import Message

from bot.records.models import InboundEvent
from bot.settings import ChannelSettings
from conversations.core import Conversation
from tests.conftest import TODAY
from tests.servers import serving
from tests.standins.africastalking import AfricasTalkingStandIn
from tests.standins.telegram import TelegramStandIn
from webhooks.app import create_app
from webhooks.request_body import MAX_DEPTH, BodyRefused, nesting, read_capped
from webhooks.settings import WebSettings

TELEGRAM_TOKEN, TELEGRAM_SECRET = "123456:TEST-token", "s3cret_Webhook-token"
# 20,000 levels: far past Python's recursion limit, and small enough (40 kB) for every route's cap.
DEEP = b"[" * 20_000 + b"]" * 20_000
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def app(engine: Engine) -> Iterator[Any]:
    telegram, africastalking = TelegramStandIn(TELEGRAM_TOKEN), AfricasTalkingStandIn("at-key")
    with serving(telegram.app) as telegram_url, serving(africastalking.app) as at_url:
        settings = ChannelSettings(
            telegram_bot_token=TELEGRAM_TOKEN,
            telegram_webhook_secret=TELEGRAM_SECRET,
            telegram_api_base_url=telegram_url,
            africastalking_username="sandbox",
            africastalking_api_key="at-key",
            africastalking_base_url=at_url,
            africastalking_callback_token="cb-secret",
            twilio_account_sid="AC00000000000000000000000000000000",
            twilio_auth_token="test-auth-token",
        )
        yield create_app(engine, WebSettings(), settings, Conversation(engine, today=lambda: TODAY))


JSON_ROUTES = {
    "/telegram/webhook": {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
    "/africastalking/sms?token=cb-secret": {},
    "/web/messages": {},
    "/payments/stk/callback/any-token": {},
    "/payments/c2b/validation/any-token": {},
    "/mpesa/c2b/confirmation/any-token": {},
}


@pytest.mark.parametrize("path", JSON_ROUTES)
def test_deeply_nested_json_is_a_400_on_every_json_route(app: Any, engine: Engine, path: str) -> None:
    with TestClient(app) as client:
        response = client.post(path, content=DEEP, headers={**JSON, **JSON_ROUTES[path]})
        if "validation" in path:  # Daraja's validation is always answered 200, accepted or rejected
            assert response.status_code == 200 and response.json()["ResultCode"] == "C2B00016"
        else:
            assert response.status_code == 400, response.text
        assert "nested" in response.text
        # The 100,000 `[` of the finding: too big for some routes, too deep for the rest; never a 500.
        assert client.post(path, content=b"[" * 100_000, headers={**JSON, **JSON_ROUTES[path]}).status_code < 500
        # Inside a string, brackets are text: a long "[[[[" message is not deep.
        assert nesting(json.dumps({"text": "[" * 10_000}).encode()) == 1
    with Session(engine) as session:
        assert session.exec(select_rows(func.count()).select_from(InboundEvent)).one() == 0


@pytest.mark.parametrize(
    ("path", "size"),
    [
        ("/telegram/webhook", 1_000_001),
        ("/africastalking/sms?token=cb-secret", 70_000),
        ("/web/messages", 5_000_000),
        ("/web/voice", 30 * 1024 * 1024),
        ("/twilio/whatsapp", 70_000),
        ("/twilio/status", 70_000),
        ("/payments/c2b/confirmation/any-token", 70_000),
    ],
)
def test_a_body_over_the_cap_is_a_413_on_every_route(app: Any, path: str, size: int) -> None:
    headers = {**JSON, **JSON_ROUTES.get(path, {})}
    body = b'{"text": "' + b"x" * size + b'"}'
    with TestClient(app) as client:
        response = client.post(path, content=body, headers=headers)
        assert response.status_code == 413, response.text
        assert "too large" in response.text


def _served_until_answered(url: str, path: str, headers: str, chunks: Iterator[bytes]) -> tuple[int, bytes]:
    """Sends the body a chunk at a time over a real socket, stopping as soon as an answer comes:
    how much had been sent by then, and the answer's first bytes."""
    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as conn:
        conn.sendall(f"POST {path} HTTP/1.1\r\nHost: {address.netloc}\r\n{headers}\r\n".encode())
        sent = 0
        for chunk in chunks:
            if select.select([conn], [], [], 0.02)[0]:
                break
            try:
                conn.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        conn.settimeout(10)
        return sent, conn.recv(200)


def test_the_web_chat_stops_reading_at_the_cap(app: Any) -> None:
    """5 MB posted to /web/messages: refused once the cap is passed, not after all of it has arrived."""
    with serving(app) as url:
        # A declared length over the cap is refused before any of the body is read.
        sent, answer = _served_until_answered(
            url, "/web/messages", "Content-Type: application/json\r\nContent-Length: 5000000\r\n", iter([b""])
        )
        assert answer.startswith(b"HTTP/1.1 413")
        # Chunked, with no length said: the answer comes while the rest is still to send.
        chunk = b"x" * 65_536
        chunks = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n" for _ in range(80))
        sent, answer = _served_until_answered(
            url, "/web/messages", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", chunks
        )
        assert answer.startswith(b"HTTP/1.1 413")
        assert sent < 1_500_000, f"{sent:,} bytes were taken before the answer"


def test_read_capped_pulls_no_more_than_the_cap() -> None:
    pulled = []

    async def receive() -> Message:
        pulled.append(16_384)
        return {"type": "http.request", "body": b"x" * 16_384, "more_body": len(pulled) < 320}  # 5 MB offered

    request = Request({"type": "http", "method": "POST", "headers": [], "path": "/", "query_string": b""}, receive)
    with pytest.raises(BodyRefused) as refused:
        asyncio.run(read_capped(request, 65_536))
    assert refused.value.status_code == 413 and len(pulled) == 5  # 4 chunks fill the cap; the 5th passes it


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (b"{}", 1),
        (b'{"a": [1, {"b": []}]}', 4),
        (b'"[[[["', 0),
        (b'{"a": "quote \\" then [[[", "b": "back\\\\"}', 1),
        (b'["\\\\", ["x"]]', 2),
        (b"[" * (MAX_DEPTH + 1), MAX_DEPTH + 1),
        (b'"unterminated [[[', 3),  # over-counted, never under: invalid JSON is refused anyway
    ],
)
def test_nesting_is_counted_outside_strings(text: bytes, depth: int) -> None:
    assert nesting(text) == depth
