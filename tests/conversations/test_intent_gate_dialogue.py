"""When the rules and the intent model are unsure about money, KAVI asks with buttons instead of
recording (SQLite and PostgreSQL through the `chat`/`engine` fixtures)."""

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from finance.models import Transaction
from tests.chat import ChatTester

VITUFE = ["Pesa imeingia", "Pesa imetoka"]  # the same buttons, for a message in Swahili


def _entries(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).order_by(col(Transaction.id))).all())


def test_money_only_the_model_understood_is_asked_about_then_recorded(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    reply = chat.ask("leo nimeingiza 3k za ususi")  # no rule cue: the model reads money in
    assert reply.choices == VITUFE and "3,000" in reply.text
    assert _entries(engine) == []
    assert "Ksh 3,000" in chat.tap(reply, "Pesa imeingia")
    assert [(e.kind, e.amount_cents) for e in _entries(engine)] == [("income", 300_000)]


def test_rules_and_model_disagreeing_on_direction_ask_instead_of_recording(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    # "I gave 2k, braiding": the rules hear money out (gave), the model money in (a salon's work).
    reply = chat.ask("nimepeana 2k kusuka")
    assert reply.choices == VITUFE
    assert _entries(engine) == []
    chat.tap(reply, "Pesa imetoka")
    assert [(e.kind, e.amount_cents) for e in _entries(engine)] == [("expense", 200_000)]


def test_an_entry_both_agree_on_is_recorded_without_asking(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    reply = chat.ask("paid rent 15k")
    assert "Recorded expense: Ksh 15,000" in reply.text
    assert reply.choices == ["Undo"]
    assert [e.kind for e in _entries(engine)] == ["expense"]


def test_a_plan_to_spend_is_never_recorded(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.ask("planning to buy a new fridge next month")
    assert _entries(engine) == []
