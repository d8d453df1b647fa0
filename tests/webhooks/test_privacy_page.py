"""The privacy notice: the short one in the first reply and the full page at /privacy, naming the
processors abroad only when they are configured (Kenya Data Protection Act)."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from bot.settings import ChannelSettings
from finance.clock import today_in
from tests.chat import ChatTester
from webhooks.app import create_app
from webhooks.settings import WebSettings


def test_the_full_notice_in_both_languages_names_only_configured_processors(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GEMINI_API_KEY", raising=False)
    monkeypatch.delenv("ELEVENLABS_API_KEY", raising=False)
    client = TestClient(create_app(engine, WebSettings(), ChannelSettings()))
    page = client.get("/privacy")
    assert page.status_code == 200 and "KAVI privacy notice" in page.text
    assert "No outside service is used." in page.text and "Gemini" not in page.text
    assert "delete my data" in page.text and "90 days" in page.text
    monkeypatch.setenv("ELEVENLABS_API_KEY", "x")
    monkeypatch.setenv("KAVI_MESSAGE_RETENTION_DAYS", "30")
    sw = client.get("/privacy?lang=sw")
    assert "Taarifa ya faragha ya KAVI" in sw.text and "ElevenLabs" in sw.text and "nje ya Kenya" in sw.text
    assert "siku 30" in sw.text


def test_the_first_reply_carries_the_short_notice(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ELEVENLABS_API_KEY", "x")
    monkeypatch.setenv("KAVI_PUBLIC_URL", "https://kavi.example")
    chat = ChatTester(engine, today=today_in("Africa/Nairobi"))
    first = chat.say("hi")
    assert "🔒 Privacy: I keep what you send me" in first
    assert "I use ElevenLabs, which process that text outside Kenya." in first
    assert first.endswith("Full notice: https://kavi.example/privacy")
    assert "🔒" not in chat.say("Otieno Hardware")  # once
    sw = ChatTester(engine, today=today_in("Africa/Nairobi"), sender="sw").say("habari")
    assert "🔒 Faragha:" in sw


def test_a_hello_keeps_nothing_but_the_message_until_the_person_goes_on(engine: Engine) -> None:
    from sqlmodel import Session, func, select

    from bot.records.models import InboundEvent
    from conversations.state import ConversationState
    from finance.models import Business, ChannelIdentity, Person

    def counts() -> dict[str, int]:
        with Session(engine) as session:
            return {
                model.__name__: int(session.exec(select(func.count()).select_from(model)).one())
                for model in (InboundEvent, Person, ChannelIdentity, Business, ConversationState)
            }

    chat = ChatTester(engine, today=today_in("Africa/Nairobi"), sender="+254700111222", channel="sms")
    first = chat.say("hello")
    assert "What's your business called?" in first and "🔒 Privacy" in first
    assert counts() == {"InboundEvent": 1, "Person": 0, "ChannelIdentity": 0, "Business": 0, "ConversationState": 0}
    named = chat.say("Otieno Hardware")
    assert named.startswith("Great — Otieno Hardware is ready!"), named
    assert "🔒" not in named  # the notice was given once
    assert counts()["Person"] == 1 and counts()["Business"] == 1
