"""Bad input gets a friendly reply, never a stack trace, and nothing wrong is stored."""

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.pipeline import Pipeline
from bot.records.models import InboundEvent
from conversations.core import Conversation
from conversations.messages import IncomingMessage
from finance.models import Transaction
from tests.chat import ChatTester
from tests.conftest import TODAY


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Transaction)).one()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty message"),
        ("   \n\t ", "empty message"),
        ("x" * 10_000, "too long"),
        ("paid rent " + "9" * 9_990, "too long"),
        ("😀😂🙏🏽", "didn't get that"),
        ("'; DROP TABLE transaction; --", "didn't get that"),
        ("Robert'); DELETE FROM business WHERE ('1'='1", "didn't get that"),
        ("paid rent 0", "zero"),
        ("paid rent -500", "always positive"),
        ("sold -2k", "always positive"),
        ("paid rent 999999999999", "too big"),
        ("paid rent 1.2m", "Recorded"),  # large but plausible
        ("\x00\x07 paid rent", "How much"),
    ],
)
def test_friendly_reply_and_nothing_wrong_stored(chat: ChatTester, engine: Engine, text: str, expected: str) -> None:
    chat.onboard()
    reply = chat.say(text)
    assert expected in reply
    assert "Traceback" not in reply
    assert _count(engine) == (1 if expected == "Recorded" else 0)
    # The tables are all still there and KAVI still works after SQL-looking text.
    assert "Recorded expense" in chat.say("lunch 200")


def test_same_external_id_twice_records_once(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.push("paid rent 15k", external_id="wamid.ABC123")
    first = chat.pop()
    chat.push("paid rent 15k", external_id="wamid.ABC123")
    again = chat.pop()
    assert first == again and "Recorded expense: Ksh 15,000" in first
    assert _count(engine) == 1
    with Session(engine) as session:
        event = session.exec(select(InboundEvent).where(InboundEvent.external_id == "wamid.ABC123")).one()
        assert event.status == "answered" and event.reply and "Recorded expense" in event.reply[0]["text"]


def test_same_external_id_on_another_channel_is_another_event(engine: Engine) -> None:
    core = Pipeline(Conversation(engine, today=lambda: TODAY))
    for channel in ("web", "console"):
        core.handle(IncomingMessage(channel=channel, sender="s1", text="paid rent 15k", external_id="1"))
    assert _count(engine) == 2


def test_a_failure_rolls_back_and_the_retry_records(engine: Engine) -> None:
    """A crash mid-message leaves nothing half-done, and the retry of the same event goes through."""
    core = Pipeline(Conversation(engine, today=lambda: TODAY))
    broken = Pipeline(Conversation(engine, today=lambda: (_ for _ in ()).throw(RuntimeError("disk on fire"))))
    message = IncomingMessage(channel="web", sender="s1", text="paid rent 15k", external_id="evt-9")
    [reply] = broken.handle(message)
    assert "something went wrong on my side and nothing was recorded" in reply.text
    assert _count(engine) == 0
    [reply] = core.handle(message)
    assert "Recorded expense" in reply.text
    assert _count(engine) == 1
