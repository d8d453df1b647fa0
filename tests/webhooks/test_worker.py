"""`kavi worker` mode: the web process only stores and acknowledges; a separate worker answers."""

import asyncio
import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.records.models import InboundEvent
from bot.settings import ChannelSettings
from bot.worker import run_worker
from conversations.core import Conversation
from finance.models import Transaction
from tests.conftest import TODAY
from tests.servers import serving
from tests.standins.telegram import TelegramStandIn
from tests.waiting import wait_for
from tests.webhooks.test_telegram import SECRET, TOKEN, post, text_update
from webhooks.app import create_app
from webhooks.settings import WebSettings


@pytest.fixture
def stand() -> Iterator[tuple[TelegramStandIn, str]]:
    standin = TelegramStandIn(TOKEN)
    with serving(standin.app) as url:
        yield standin, url


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_web_process_stores_and_worker_answers(engine: Engine, stand: tuple) -> None:
    standin, url = stand
    settings = ChannelSettings(telegram_bot_token=TOKEN, telegram_webhook_secret=SECRET, telegram_api_base_url=url)
    web = create_app(
        engine, WebSettings(kavi_inprocess_worker=False), settings, Conversation(engine, today=lambda: TODAY)
    )
    with TestClient(web) as client:
        for i, text in enumerate(["paid rent 15k", "no, it was 12,000"]):
            assert post(client, text_update(text, 700 + i)).status_code == 200
        # Stored, acknowledged, not answered: nobody in this process answers.
        assert _count(engine, InboundEvent) == 2 and _count(engine, Transaction) == 0
        assert standin.sent("sendMessage") == []

    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    worker = threading.Thread(
        target=loop.run_until_complete, args=(run_worker(engine, settings, poll_every=0.05, stop=stop),), daemon=True
    )
    worker.start()
    try:
        wait_for(lambda: len(standin.sent("sendMessage")) == 2, what="the worker's two answers")
    finally:
        loop.call_soon_threadsafe(stop.set)
        worker.join(timeout=30)
    first, second = (c["params"]["text"] for c in standin.sent("sendMessage"))
    assert "Ksh 15,000" in first and "Fixed: amount Ksh 15,000 → Ksh 12,000" in second  # in order
    with Session(engine) as session:
        assert session.exec(select(Transaction)).one().amount_cents == 1200000
        assert {e.status for e in session.exec(select(InboundEvent)).all()} == {"done"}
