"""WhatsApp and SMS through Twilio: signed fixture webhooks in, the real twilio SDK out to a stand-in."""

import copy
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select
from twilio.request_validator import RequestValidator

from bot.records.models import InboundEvent, OutboundMessage
from bot.settings import ChannelSettings
from bot.sms_format import fit_sms, segments
from bot.twilio_adapter import TwilioChannel
from conversations.core import Conversation
from finance.clock import utcnow
from finance.models import Person, Transaction
from tests.conftest import SHARED, TODAY
from tests.servers import serving
from tests.standins.media_host import MediaHostStandIn
from tests.standins.twilio import TwilioStandIn
from tests.waiting import wait_for
from webhooks.app import create_app
from webhooks.settings import WebSettings

SID, TOKEN = "AC00000000000000000000000000000000", "test-auth-token"
PUBLIC = "https://kavi.example.co.ke"
FIXTURES = SHARED / "fixtures" / "twilio"


def form(name: str) -> dict[str, str]:
    return copy.deepcopy(json.loads((FIXTURES / name).read_text(encoding="utf-8"))["form"])


@pytest.fixture
def stand() -> Iterator[tuple[TwilioStandIn, str]]:
    standin = TwilioStandIn(SID, TOKEN)
    with serving(standin.app) as url:
        yield standin, url


def _settings(url: str) -> ChannelSettings:
    return ChannelSettings(
        kavi_public_url=PUBLIC,
        twilio_account_sid=SID,
        twilio_auth_token=TOKEN,
        twilio_api_base_url=url,
        twilio_whatsapp_from="whatsapp:+14155238886",
        twilio_sms_from="+16505552222",
        twilio_whatsapp_template_sid="HX0123456789abcdef0123456789abcdef",
        twilio_media_hosts="127.0.0.1",  # the stand-in; api.twilio.com and its media hosts by default
    )


@pytest.fixture
def client(engine: Engine, stand: tuple[TwilioStandIn, str]) -> Iterator[TestClient]:
    app = create_app(engine, WebSettings(), _settings(stand[1]), Conversation(engine, today=lambda: TODAY))
    with TestClient(app) as test_client:
        yield test_client


def signed_post(client: TestClient, path: str, fields: dict[str, str], token: str = TOKEN) -> Any:
    signature = RequestValidator(token).compute_signature(PUBLIC + path, fields)
    return client.post(
        path,
        content=urlencode(fields),
        headers={"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"},
    )


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _fallback_of(engine: Engine, sid: str) -> int | None:
    with Session(engine) as session:
        return session.exec(select(OutboundMessage.fallback_id).where(OutboundMessage.provider_id == sid)).one()


def test_the_documented_signature_vector_validates() -> None:
    vector = json.loads((FIXTURES / "signature_test_vector.json").read_text())
    validator = RequestValidator(vector["auth_token"])
    assert validator.validate(vector["url"], vector["params"], vector["expected_signature"])


def test_whatsapp_text_is_recorded_and_answered(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    fields = form("whatsapp_inbound_text.kenya_fixture.json")
    response = signed_post(client, "/twilio/whatsapp", fields)
    assert response.status_code == 200 and "<Response/>" in response.text
    [sent] = wait_for(lambda: standin.messages, what="a WhatsApp reply")
    assert sent["To"] == "whatsapp:+254712345678" and sent["From"] == "whatsapp:+14155238886"
    assert "Nimerekodi mapato: Ksh 450" in sent["Body"]  # the message was in Swahili
    assert sent["StatusCallback"] == PUBLIC + "/twilio/status"
    with Session(engine) as session:
        person = session.exec(select(Person)).one()
        assert person.phone == "+254712345678" and person.name == "Wanjiku"
    # A fresh session each time: one held open would keep reading its first snapshot.
    wait_for(lambda: _count(engine, OutboundMessage) == 1, what="the reply recorded")


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*inbound*.json")))
def test_every_inbound_fixture_replayed_three_times_records_once(
    client: TestClient, stand: tuple, engine: Engine, name: str
) -> None:
    standin, _ = stand
    fields = form(name)
    path = "/twilio/sms" if name.startswith("sms") else "/twilio/whatsapp"
    for _ in range(3):
        assert signed_post(client, path, fields).status_code == 200
    wait_for(lambda: standin.messages, what="one answer")
    wait_for(lambda: _count(engine, InboundEvent) == 1)
    assert len(standin.messages) == 1


@pytest.mark.parametrize("tamper", ["wrong-token", "changed-body", "missing"])
def test_bad_signature_is_403_and_changes_nothing(
    client: TestClient, stand: tuple, engine: Engine, tamper: str
) -> None:
    standin, _ = stand
    fields = form("whatsapp_inbound_text.kenya_fixture.json")
    if tamper == "wrong-token":
        response = signed_post(client, "/twilio/whatsapp", fields, token="not-the-token")
    elif tamper == "changed-body":
        signature = RequestValidator(TOKEN).compute_signature(PUBLIC + "/twilio/whatsapp", fields)
        fields["Body"] = "paid rent 1,000,000"
        response = client.post(
            "/twilio/whatsapp",
            content=urlencode(fields),
            headers={"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"},
        )
    else:
        response = client.post("/twilio/whatsapp", data=fields)
    assert response.status_code == 403
    assert _count(engine, InboundEvent) == 0 and standin.messages == []


def test_voice_note_media_is_fetched_with_the_account_credentials(client: TestClient, stand: tuple) -> None:
    standin, url = stand
    fields = form("whatsapp_inbound_voice_note.constructed.json")
    media_path = fields["MediaUrl0"].removeprefix("https://api.twilio.com")
    standin.media[media_path] = ("audio/ogg", b"OggS\x00voice-note")
    fields["MediaUrl0"] = url + media_path
    signed_post(client, "/twilio/whatsapp", fields)
    [sent] = wait_for(lambda: standin.messages)
    assert standin.media_requests == [{"path": media_path, "authorised": True}]
    assert "voice note" in sent["Body"]


@pytest.fixture
def elsewhere() -> Iterator[tuple[MediaHostStandIn, str]]:
    """A host that is not Twilio's; "localhost" is a different host from the stand-in's 127.0.0.1."""
    other = MediaHostStandIn()
    with serving(other.app) as url:
        yield other, url.replace("127.0.0.1", "localhost")


def test_media_on_another_host_is_never_fetched_with_the_credentials(
    client: TestClient, stand: tuple, elsewhere: tuple
) -> None:
    standin, _ = stand
    other, other_url = elsewhere
    fields = form("whatsapp_inbound_voice_note.constructed.json")
    media_path = fields["MediaUrl0"].removeprefix("https://api.twilio.com")
    other.files[media_path] = ("audio/ogg", b"OggS\x00voice-note")
    fields["MediaUrl0"] = other_url + media_path  # signed, but naming someone else's server
    assert signed_post(client, "/twilio/whatsapp", fields).status_code == 200
    wait_for(lambda: standin.messages, what="an answer")
    assert other.requests == []  # not fetched at all: neither the credentials nor a request leave for it


def test_a_redirect_off_twilios_hosts_is_followed_without_the_credentials(
    client: TestClient, stand: tuple, elsewhere: tuple
) -> None:
    """Twilio answers a media URL with a redirect to its storage; the file is fetched there, unsigned."""
    standin, url = stand
    other, other_url = elsewhere
    fields = form("whatsapp_inbound_voice_note.constructed.json")
    media_path = fields["MediaUrl0"].removeprefix("https://api.twilio.com")
    standin.media[media_path] = ("audio/ogg", b"unused")
    standin.redirects[media_path] = other_url + "/bucket/ME0001"
    other.files["/bucket/ME0001"] = ("audio/ogg", b"OggS\x00voice-note")
    fields["MediaUrl0"] = url + media_path
    signed_post(client, "/twilio/whatsapp", fields)
    [sent] = wait_for(lambda: standin.messages)
    assert standin.media_requests == [{"path": media_path, "authorised": True}]
    assert other.requests == [{"path": "/bucket/ME0001", "authorization": None}]
    assert "voice note" in sent["Body"]


def test_without_an_auth_token_nothing_is_accepted(engine: Engine, stand: tuple) -> None:
    """The auth token is what signatures are checked with: without it no request can be verified."""
    standin, url = stand
    settings = _settings(url).model_copy(update={"twilio_auth_token": None})
    with TestClient(create_app(engine, WebSettings(), settings)) as client:
        fields = form("whatsapp_inbound_text.kenya_fixture.json")
        for path in ("/twilio/whatsapp", "/twilio/sms", "/twilio/status"):
            response = signed_post(client, path, fields, token="")
            assert response.status_code == 503 and "TWILIO_AUTH_TOKEN" in response.json()["detail"]
    assert _count(engine, InboundEvent) == 0 and standin.messages == []


def test_sms_replies_fit_three_segments(client: TestClient, stand: tuple) -> None:
    standin, _ = stand
    fields = form("sms_inbound.real_capture.json")
    fields["From"] = "+254722000111"
    fields["Body"] = "help"
    signed_post(client, "/twilio/sms", fields)
    [sent] = wait_for(lambda: standin.messages)
    assert sent["From"] == "+16505552222" and sent["To"] == "+254722000111"
    assert segments(sent["Body"]) <= 3
    assert all(ord(ch) < 0x2000 for ch in sent["Body"])  # no emoji: they would triple the cost


def test_one_person_across_whatsapp_and_sms(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    signed_post(client, "/twilio/whatsapp", form("whatsapp_inbound_text.kenya_fixture.json"))
    wait_for(lambda: _count(engine, Transaction) == 1)
    sms = form("sms_inbound.real_capture.json")
    sms.update({"From": "+254712345678", "Body": "how much did I sell this month?", "MessageSid": "SMother1"})
    signed_post(client, "/twilio/sms", sms)
    wait_for(lambda: len(standin.messages) == 2)
    assert "Ksh 450" in standin.messages[1]["Body"]
    assert _count(engine, Person) == 1


def test_failed_whatsapp_delivery_goes_by_sms_once(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    signed_post(client, "/twilio/whatsapp", form("whatsapp_inbound_text.kenya_fixture.json"))
    [reply] = wait_for(lambda: standin.messages)
    wait_for(lambda: _count(engine, OutboundMessage) == 1, what="the reply recorded")
    callbacks = json.loads((FIXTURES / "status_callbacks.constructed.json").read_text())
    failed = {
        **callbacks["sent"],
        "MessageSid": reply["sid"],
        "SmsSid": reply["sid"],
        "MessageStatus": "failed",
        "SmsStatus": "failed",
        "ErrorCode": "63016",
    }
    for _ in range(2):  # Twilio may report failed and then undelivered
        assert signed_post(client, "/twilio/status", failed).status_code == 200
    wait_for(lambda: len(standin.messages) == 2, what="the SMS fallback")
    sms = standin.messages[1]
    assert sms["To"] == "+254712345678" and sms["From"] == "+16505552222" and "Ksh 450" in sms["Body"]
    with Session(engine) as session:
        original = session.exec(select(OutboundMessage).where(OutboundMessage.provider_id == reply["sid"])).one()
        assert (original.status, original.error_code) == ("failed", "63016")
    wait_for(lambda: _fallback_of(engine, reply["sid"]) is not None, what="the fallback linked")


def test_status_callbacks_are_recorded(client: TestClient, stand: tuple, engine: Engine) -> None:
    standin, _ = stand
    signed_post(client, "/twilio/whatsapp", form("whatsapp_inbound_text.kenya_fixture.json"))
    [reply] = wait_for(lambda: standin.messages)
    wait_for(lambda: _count(engine, OutboundMessage) == 1, what="the reply recorded")
    callbacks = json.loads((FIXTURES / "status_callbacks.constructed.json").read_text())
    delivered = {**callbacks["delivered"], "MessageSid": reply["sid"], "SmsSid": reply["sid"]}
    signed_post(client, "/twilio/status", delivered)
    with Session(engine) as session:
        message = session.exec(select(OutboundMessage)).one()
        assert message.status == "delivered"
    assert len(standin.messages) == 1


def test_business_initiated_whatsapp_uses_the_template_outside_the_window(engine: Engine, stand: tuple) -> None:
    standin, url = stand
    channel = TwilioChannel("whatsapp", _settings(url), engine)
    channel.notify("+254700000001", "You have 2 overdue invoices.")
    [sent] = standin.messages
    assert sent["ContentSid"] == "HX0123456789abcdef0123456789abcdef"
    assert json.loads(sent["ContentVariables"]) == {"1": "You have 2 overdue invoices."}
    assert "Body" not in sent
    # Inside the window a free-form message is fine.
    from bot.records.outbound import touch_identity
    from finance.db import session_scope
    from finance.services.members import register_person

    with session_scope(engine) as session:
        register_person(session, channel="whatsapp", external_user_id="+254700000002", phone="+254700000002")
        touch_identity(session, channel="whatsapp", external_user_id="+254700000002", at=utcnow())
    channel.notify("+254700000002", "Budget for fuel is 90% used.")
    assert standin.messages[1]["Body"] == "Budget for fuel is 90% used."


def test_sms_fitting() -> None:
    text = "✅ Recorded expense: Ksh 15,000 for rent, today.\n" + "More words here. " * 60
    fitted = fit_sms(text, ["https://kavi.example.co.ke/media/abc"])
    assert segments(fitted) <= 3 and fitted.startswith("OK: Recorded expense")
    assert fitted.endswith("\nhttps://kavi.example.co.ke/media/abc")


def test_media_replies_go_as_short_lived_links(engine: Engine, stand: tuple) -> None:
    import asyncio

    from conversations.messages import IncomingMessage, Media, Reply

    standin, url = stand
    whatsapp = TwilioChannel("whatsapp", _settings(url), engine)
    sms = TwilioChannel("sms", _settings(url), engine)
    reply = Reply("Your report", document=Media("application/pdf", "report.pdf", b"%PDF-1.7 report"))
    asyncio.run(
        whatsapp.deliver(
            IncomingMessage(channel="whatsapp", sender="+254712345678", reply_to="whatsapp:+254712345678"), [reply]
        )
    )
    asyncio.run(sms.deliver(IncomingMessage(channel="sms", sender="+254712345678"), [reply]))
    wa, text = standin.messages
    [link] = wa["MediaUrl"]
    assert link.startswith(PUBLIC + "/media/")
    body, sms_link = text["Body"].rsplit("\n", 1)  # SMS carries the file as a link on its last line
    assert body == "Your report" and sms_link.startswith(PUBLIC + "/media/") and sms_link != link
    token = link.rsplit("/", 1)[1]
    client = TestClient(create_app(engine, WebSettings(), _settings(url)))
    served = client.get(f"/media/{token}")
    assert served.status_code == 200 and served.content == b"%PDF-1.7 report"
    assert client.get(f"/media/{token[:-2]}xx").status_code == 404
