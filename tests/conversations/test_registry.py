"""The registry of intents: everything that lists intents reads it, and every intent × role is held to
its declared roles (a viewer never writes and never messages a customer)."""

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from bot.records.outbox import SessionOutbox
from conversations.core import Conversation
from conversations.dispatch import run
from conversations.gemini.declarations import declarations
from conversations.intents import Intent
from conversations.messages import IncomingMessage, Reply
from conversations.registry import all_declared, contract, declared
from conversations.voice_vocabulary import command_sentences
from finance.errors import AccessDenied
from tests.chat import ChatTester
from tests.conftest import SHARED, TODAY

# Records that are the person's own or the conversation's, not the business's books or its messages out.
_NOT_WRITES = {"conversationstate", "inboundevent", "channelidentity", "person", "activitylog", "replydelivery"}
# A viewer of one business may still start one of their own: that writes to a new business, not this one.
_OWN_BUSINESS = {"new_business": {"business", "member"}}
_SAMPLE: dict[str, Any] = {
    "amount": "500",
    "customer": "Mary Wambui",
    "name": "Mary Wambui",
    "phone": "+254711222333",
    "invoice": "INV-0001",
    "metric": "income",
    "status": "all",
    "period": "monthly",
    "chart": "cashflow",
    "action": "export",
    "from": "cash",
    "to": "bank",
    "supplier": "Bidco",
    "role": "staff",
    "language": "sw",
    "mode": "always",
    "paybill": "522533",
}


def test_every_intent_of_the_shared_contract_is_declared() -> None:
    table = (SHARED / "contracts" / "intents.md").read_text(encoding="utf-8")
    named = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))
    assert named and named <= {d.name for d in all_declared()}


def test_gemini_declarations_are_the_registry_contract() -> None:
    assert [d.name for d in declarations()] == list(contract())
    assert "my_data" in contract() and "redo" not in contract()  # conversation commands stay local


def test_the_recognizer_listens_for_what_intents_declare_they_are_said_as() -> None:
    sentences = set(command_sentences(()))
    spoken = [d for d in all_declared() if d.says]
    assert {"record_expense", "list_customers", "remind_customer"} <= {d.name for d in spoken}
    for d in spoken:
        fixed = [p for p in d.says if "{" not in p]
        assert all(p in sentences for p in fixed), d.name


def _counts(session: Session) -> dict[str, int]:
    return {
        table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
        for table in SQLModel.metadata.sorted_tables
        if table.name not in _NOT_WRITES
    }


def _turn_for(conversation: Conversation, session: Session, role: str) -> Any:
    message = IncomingMessage(
        channel="test", sender="owner", text="", received_at=datetime(2026, 11, 22, 6, tzinfo=UTC)
    )
    turn = conversation._turn(session, message, SessionOutbox(session))  # the Turn the core builds
    turn.member.role = role
    return turn


@pytest.mark.parametrize("role", ["viewer", "staff", "admin"])
def test_every_intent_by_every_role(engine: Engine, role: str) -> None:
    owner = ChatTester(engine, TODAY, can_push_to_phone=True)
    owner.onboard()
    owner.say("add customer Mary Wambui 0711222333")
    owner.say("invoice Mary 2000")
    owner.say("paid rent 1500")
    conversation = Conversation(engine, today=lambda: TODAY, can_push_to_phone=True)
    for intent in all_declared():
        slots = {k: v for k, v in _SAMPLE.items() if intent.spec is None or k in intent.spec.slots}
        with Session(engine) as session:
            turn = _turn_for(conversation, session, role)
            before = _counts(session)
            try:
                reply = run(turn, Intent(intent.name, slots))
            except AccessDenied:
                assert role not in intent.roles, f"{intent.name} refused to {role}, who may use it"
                continue
            session.flush()
            wrote = {t for t, n in _counts(session).items() if n != before[t]}
            session.rollback()
        assert isinstance(reply, Reply) and reply.text, intent.name
        if role not in intent.roles:
            raise AssertionError(f"{intent.name} ran for {role}, whose role may not use it")
        if role == "viewer":
            wrote -= _OWN_BUSINESS.get(intent.name, set())
            assert not wrote, f"{intent.name} wrote {wrote} for a viewer"
        found = declared(intent.name)
        assert found is not None and found.roles == intent.roles
