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
from finance.models import Person
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


def test_malformed_callback_is_a_clear_error(setup: tuple, engine: Engine) -> None:
    _, client = setup
    missing = client.post("/africastalking/sms?token=cb-secret", data={"text": "hi"})
    assert missing.status_code == 422 and missing.json()["error"] == "invalid request"
    bad = client.post(
        "/africastalking/sms?token=cb-secret", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert bad.status_code == 400 and "not valid JSON" in bad.json()["detail"]
    assert _events(engine) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"id": {}, "from": None, "text": ["x"]},  # once stored, making a person with phone "None"
        {"id": "ATXid_1", "from": None, "text": "paid rent 15k"},
        {"id": "ATXid_1", "from": 254712345678, "text": "paid rent 15k"},
        {"id": "ATXid_1", "from": "+254712345678", "text": ["paid rent 15k"]},
        {"id": "ATXid_1", "from": "not a phone", "text": "paid rent 15k"},
        ["ATXid_1", "+254712345678"],
    ],
)
def test_wrongly_typed_json_is_refused_and_stores_nothing(setup: tuple, engine: Engine, body: object) -> None:
    standin, client = setup
    response = client.post("/africastalking/sms?token=cb-secret", json=body)
    assert response.status_code == 422 and response.json()["problems"]
    assert _events(engine) == 0
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Person)).one() == 0
    assert standin.sent == []


def test_without_a_callback_token_the_route_refuses(engine: Engine) -> None:
    """Africa's Talking signs nothing: with no AFRICASTALKING_CALLBACK_TOKEN set, nothing posted here is taken."""
    standin = AfricasTalkingStandIn("at-key")
    with serving(standin.app) as url:
        settings = ChannelSettings(
            africastalking_username="sandbox", africastalking_api_key="at-key", africastalking_base_url=url
        )
        with TestClient(create_app(engine, WebSettings(), settings)) as client:
            for query in ("", "?token=anything"):
                response = client.post(f"/africastalking/sms{query}", data=_form("paid rent 12,345"))
                assert response.status_code == 503
                assert "AFRICASTALKING_CALLBACK_TOKEN" in response.json()["detail"]
    assert _events(engine) == 0 and standin.sent == []


def _events(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(InboundEvent)).one()
