"""Floods, on both databases: 300 web-chat messages from one sender in a few seconds make at most the
sender's limit of entries and one "slow down"; each message is still stored once (nothing a platform
would retry is dropped); another sender, and the next minute, are not held back; a business's limit
counts all its people."""

from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.records.models import InboundEvent
from conversations.messages import IncomingMessage
from finance.clock import today_in, utcnow
from finance.models import Transaction
from tests.chat import ChatTester

DAY = today_in("Africa/Nairobi")


def _entries(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(Transaction)).one())


def _events(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(InboundEvent)).one())


def _flood(chat: ChatTester, count: int, start: int = 0, minute_offset: int = 0) -> list[str]:
    said: list[str] = []
    at = utcnow().replace(second=1) + timedelta(minutes=minute_offset)
    for i in range(start, start + count):
        message = IncomingMessage(
            channel=chat.channel, sender=chat.sender, text=f"sold {100 + i}", external_id=f"{chat.sender}-{i}",
            received_at=at + timedelta(milliseconds=30 * (i - start)),
        )  # fmt: skip
        said += [r.text for r in chat.pipeline.handle(message)]
    return said


def test_a_flood_from_one_sender_is_slowed_and_nothing_is_lost(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAVI_RATE_PER_SENDER", "30")
    flooder = ChatTester(engine, today=DAY, sender="web-1", channel="web")
    said = _flood(flooder, 300)
    slow = [s for s in said if s.startswith("🐢")]
    assert len(slow) == 1  # said once, not 270 times
    assert _entries(engine) == 30 - 0  # the first 30 acted on (the first one also started the business)
    assert _events(engine) == 300  # every message stored once: a retried webhook is not dropped or doubled
    _flood(flooder, 5, start=0)  # the same messages again (a platform's retry): replayed, not counted anew
    assert _events(engine) == 300 and _entries(engine) == 30
    other = ChatTester(engine, today=DAY, sender="web-2", channel="web")
    assert "Recorded income" in " ".join(_flood(other, 1, start=1000))
    later = _flood(flooder, 1, start=2000, minute_offset=1)  # the next minute: heard again
    assert any("Recorded income" in s for s in later)


def test_a_business_limit_counts_all_its_people(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAVI_RATE_PER_BUSINESS", "10")
    owner = ChatTester(engine, today=DAY, sender="+254712000111", channel="sms", phone="+254712000111")
    owner.onboard()
    owner.say("add 0712 000 222 as staff")
    staff = ChatTester(engine, today=DAY, sender="+254712000222", channel="sms", name="Brian", phone="+254712000222")
    staff.say("join")
    before = _entries(engine)
    said = _flood(owner, 6, minute_offset=2) + _flood(staff, 6, start=100, minute_offset=2)
    assert sum(s.startswith("🐢") for s in said) == 1
    assert _entries(engine) - before == 10
