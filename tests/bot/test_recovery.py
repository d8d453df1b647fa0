"""Recovery after a restart: M-PESA callbacks are stored as inbound events too, but they are not chat
messages, and one event that cannot be read as a message must not stop the others being recovered."""

import asyncio
import json
import threading
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.records.events import claim_event
from bot.records.models import InboundEvent
from bot.settings import ChannelSettings
from bot.worker import run_worker
from conversations.core import Conversation
from finance.db import session_scope
from tests.bot.helpers import business_token, dispatcher, event, run, stored
from tests.bot.recording import RecordingChannel
from tests.chat import ChatTester
from tests.conftest import SHARED, TODAY
from tests.waiting import wait_for
from webhooks.app import create_app
from webhooks.settings import WebSettings

C2B = json.loads((SHARED / "fixtures" / "mpesa_daraja" / "c2b_validation_confirmation.json").read_text())
POISON: list[dict[str, Any]] = [
    {"sender": "254700000001", "text": "no channel"},  # not a message at all
    {"channel": "telegram", "sender": "2", "attachments": [{"kind": "audio", "colour": "red"}]},  # unknown field
]


def _app(engine: Engine) -> TestClient:
    return TestClient(create_app(engine, WebSettings(), ChannelSettings(), Conversation(engine, today=lambda: TODAY)))


def _restart(engine: Engine) -> RecordingChannel:
    """A fresh process: a new dispatcher recovers what was stored, answering on a recording channel."""
    telegram = RecordingChannel()

    async def restarted() -> None:
        kavi = dispatcher(engine, telegram)
        await kavi.recover()
        await kavi.stop()

    run(restarted)
    return telegram


def test_restart_after_an_mpesa_callback(engine: Engine) -> None:
    ChatTester(engine, today=TODAY, channel="web").onboard()
    with _app(engine) as client:
        answer = client.post(
            f"/payments/c2b/confirmation/{business_token(engine)}", json=C2B["confirmation_real_2025_hashed_msisdn"]
        )
        assert answer.json() == {"ResultCode": 0, "ResultDesc": "Success"}
    event_id, _ = stored(engine, "sold 700", sender="555")  # stored by a webhook; then the process died
    telegram = _restart(engine)
    assert "Recorded income: Ksh 700" in telegram.texts("555")[0]
    assert event(engine, event_id).status == "done"
    with Session(engine) as session:
        [callback] = session.exec(select(InboundEvent).where(InboundEvent.channel == "mpesa_c2b")).all()
        # Finished when acted on, and left so: a payment callback is not a message to answer or fail.
        assert callback.status == "done" and callback.error is None and callback.attempts == 0

    later_id, _ = stored(engine, "sold 800", sender="556")
    with _app(engine):  # the web app's start-up recovers too, and starts
        wait_for(lambda: event(engine, later_id).status == "done", what="the stuck message answered at start")


def _poison(engine: Engine) -> list[int]:
    ids = []
    with session_scope(engine) as session:
        for i, payload in enumerate(POISON):
            found, _ = claim_event(session, channel="telegram", external_id=f"bad{i}", payload=payload)
            ids.append(found.id or 0)
    return ids


def test_an_unreadable_event_does_not_stop_recovery(engine: Engine) -> None:
    bad = _poison(engine)  # oldest first: recovery meets them before the good ones
    good = [stored(engine, "sold 700", sender="a")[0], stored(engine, "sold 900", sender="b")[0]]
    telegram = _restart(engine)
    assert [event(engine, i).status for i in good] == ["done", "done"]
    assert len(telegram.texts("a")) == 1 and len(telegram.texts("b")) == 1
    for event_id in bad:
        found = event(engine, event_id)
        assert found.status == "failed" and found.error and "not a message" in found.error


def test_worker_survives_an_unreadable_event(engine: Engine) -> None:
    first, _ = stored(engine, "sold 700", sender="a")
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    worker = threading.Thread(
        target=loop.run_until_complete,
        args=(run_worker(engine, ChannelSettings(), poll_every=0.05, stop=stop),),
        daemon=True,
    )
    worker.start()
    try:
        wait_for(lambda: event(engine, first).status == "done", what="the worker running")
        bad = _poison(engine)  # arrives while the worker polls for received events
        later, _ = stored(engine, "sold 900", sender="b")
        wait_for(lambda: event(engine, later).status == "done", what="the message after the unreadable ones")
        assert worker.is_alive()
        assert [event(engine, i).status for i in bad] == ["failed", "failed"]
    finally:
        loop.call_soon_threadsafe(stop.set)
        worker.join(timeout=30)
