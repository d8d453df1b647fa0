"""An entry that looks sent twice is asked about before it is recorded twice; one far above the
category's usual size is flagged in its confirmation. Both databases."""

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import Transaction
from tests.chat import ChatTester
from tests.conftest import TODAY


def _amounts(engine: Engine) -> list[int]:
    with Session(engine) as session:
        rows = session.exec(select(Transaction).where(Transaction.deleted_at == None)).all()  # noqa: E711
        return sorted(t.amount_cents // 100 for t in rows)


def test_the_same_entry_twice_is_asked_and_no_keeps_one(engine: Engine) -> None:
    chat = ChatTester(engine, today=TODAY)
    chat.onboard()
    assert "Recorded expense: Ksh 5,000 for transport" in chat.say("paid fuel 5000")
    asked = chat.ask("paid fuel 5000")
    assert asked.text == "You recorded Ksh 5,000 for transport a few minutes ago. Record it again?"
    assert asked.choices == ["Yes, record it again", "No, it was sent twice"]
    assert chat.tap(asked, "No, it was sent twice") == "OK, not recorded again. 👍"
    assert _amounts(engine) == [5000]


def test_the_same_entry_twice_yes_records_both(engine: Engine) -> None:
    chat = ChatTester(engine, today=TODAY)
    chat.onboard()
    chat.say("nimeuza 1200")
    asked = chat.ask("nimeuza 1200")
    assert asked.text.startswith("Umerekodi Ksh 1,200 ya mauzo dakika chache zilizopita.")
    assert "Nimerekodi mapato: Ksh 1,200" in chat.say("ndio")
    assert _amounts(engine) == [1200, 1200]


def test_a_new_entry_while_asked_is_its_own_entry(engine: Engine) -> None:
    chat = ChatTester(engine, today=TODAY)
    chat.onboard()
    chat.say("paid fuel 5000")
    chat.say("paid fuel 5000")
    assert "Recorded expense: Ksh 15,000 for rent" in chat.say("paid rent 15000")
    assert _amounts(engine) == [5000, 15000]


def test_an_expense_far_above_usual_is_flagged(engine: Engine) -> None:
    chat = ChatTester(engine, today=TODAY)
    chat.onboard()
    for amount in (300, 250, 400, 350, 320):
        assert "🔎" not in chat.say(f"matatu fare {amount}")
    flagged = chat.say("matatu fare 3500")
    assert "🔎 That is much more than your usual transport (about Ksh 320)." in flagged
    assert "🔎" not in chat.say("matatu fare 450")
