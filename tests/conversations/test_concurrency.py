"""Messages arriving at once: nothing lost, nothing doubled, one person and one business."""

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from bot.pipeline import Pipeline
from bot.records.models import InboundEvent
from conversations.core import Conversation
from conversations.messages import IncomingMessage
from finance.models import Business, Person, Transaction
from tests.conftest import TODAY


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_a_burst_from_a_new_person(engine: Engine) -> None:
    core = Pipeline(Conversation(engine, today=lambda: TODAY))
    messages = [
        IncomingMessage(channel="web", sender="burst-user", text=f"lunch {100 + i}", external_id=f"b{i}")
        for i in range(12)
    ]
    # Every message sent twice at once, as a platform retrying would.
    with ThreadPoolExecutor(max_workers=8) as pool:
        replies = list(pool.map(core.handle, messages + messages))
    assert all(r and "went wrong" not in r[0].text for r in replies)
    assert _count(engine, Person) == 1
    assert _count(engine, Business) == 1
    assert _count(engine, InboundEvent) == 12
    assert _count(engine, Transaction) == 12
    with Session(engine) as session:
        amounts = sorted(t.amount_cents for t in session.exec(select(Transaction)).all())
    assert amounts == [(100 + i) * 100 for i in range(12)]
