"""SMS through Africa's Talking: the fixture callback in, the africastalking SDK out to a stand-in."""

import copy
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.records.models import InboundEvent, OutboundMessage
from bot.settings import ChannelSettings
from bot.sms_format import segments
from conversations.core import Conversation
from tests.conftest import SHARED, TODAY
from tests.servers import serving
from tests.standins.africastalking import AfricasTalkingStandIn
from tests.waiting import wait_for
from webhooks.app import create_app
from webhooks.settings import WebSettings

FIXTURE = SHARED / "fixtures" / "africastalking" / "inbound_sms.json"


@pytest.fixture
def setup(engine: Engine) -> Iterator[tuple[AfricasTalkingStandIn, TestClient]]:
    standin = AfricasTalkingStandIn("at-key")
    with serving(standin.app) as url:
        settings = ChannelSettings(
            africastalking_username="sandbox",
            africastalking_api_key="at-key",
            africastalking_base_url=url,
            africastalking_callback_token="cb-secret",
        )
        app = create_app(engine, WebSettings(), settings, Conversation(engine, today=lambda: TODAY))
        with TestClient(app) as client:
            yield standin, client


def _form(text: str) -> dict[str, str]:
    fields = copy.deepcopy(json.loads(FIXTURE.read_text())["form"])
    fields.update({"id": "ATXid_in_1", "text": text})
    return fields


def test_inbound_sms_is_answered_once(setup: tuple, engine: Engine) -> None:
    standin, client = setup
    for _ in range(3):
        assert client.post("/africastalking/sms?token=cb-secret", data=_form("paid rent 15k")).status_code == 200
    [sent] = wait_for(lambda: standin.sent, what="the SMS reply")
    assert sent["to"] == "+254712345678" and sent["username"] == "sandbox"
    assert "Recorded expense: Ksh 15,000" in sent["message"] and segments(sent["message"]) <= 3
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(InboundEvent)).one() == 1
    wait_for(lambda: _outbound(engine) is not None, what="the reply recorded")  # a fresh snapshot each time


def _outbound(engine: Engine) -> OutboundMessage | None:
    with Session(engine) as session:
        return session.exec(select(OutboundMessage)).first()


def test_json_callbacks_work_too(setup: tuple) -> None:
    standin, client = setup
    client.post("/africastalking/sms?token=cb-secret", json=_form("sold 2k"))
    [sent] = wait_for(lambda: standin.sent)
    assert "Recorded income: Ksh 2,000" in sent["message"]


@pytest.mark.parametrize("query", ["", "?token=wrong"])
def test_without_the_callback_token_nothing_happens(setup: tuple, engine: Engine, query: str) -> None:
    _, client = setup
    assert client.post(f"/africastalking/sms{query}", data=_form("paid rent 15k")).status_code == 403
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(InboundEvent)).one() == 0


def test_malformed_callback_is_a_clear_400(setup: tuple) -> None:
    _, client = setup
    assert client.post("/africastalking/sms?token=cb-secret", data={"text": "hi"}).status_code == 400
    bad = client.post(
        "/africastalking/sms?token=cb-secret", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert bad.status_code == 400
