"""Conversations as transcripts, on the real core and a real database."""

from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import Business, Member, Transaction
from tests.chat import ChatTester
from tests.conftest import TODAY


def _entries(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).order_by(Transaction.id)).all())


def test_first_contact_asks_the_business_name_and_makes_the_sender_admin(chat: ChatTester, engine: Engine) -> None:
    assert "What's your business called?" in chat.say("hello")
    reply = chat.say("It's called mama njeri groceries")
    assert "Mama Njeri Groceries is ready" in reply
    with Session(engine) as session:
        business = session.exec(select(Business)).one()
        member = session.exec(select(Member)).one()
    assert business.name == "Mama Njeri Groceries" and business.named
    assert member.role == "admin" and member.business_id == business.id


def test_first_message_that_records_is_done_before_onboarding(chat: ChatTester, engine: Engine) -> None:
    reply = chat.say("paid rent 15k")
    assert "Recorded expense: Ksh 15,000 for rent, today" in reply
    assert "What's your business called?" in reply
    # The person can carry on without answering; the question waits.
    assert "You spent Ksh 15,000 this month" in chat.say("how much did I spend this month?")
    assert "Duka la Juma is ready" in chat.say("Duka la Juma")


def test_record_confirm_and_undo(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    reply = chat.say("paid rent 15k")
    assert reply.startswith("✅ Recorded expense: Ksh 15,000 for rent, today")
    assert 'Reply "undo"' in reply
    assert "Removed: expense Ksh 15,000 for rent" in chat.say("undo")
    assert _entries(engine)[0].deleted_at is not None
    assert "Restored" in chat.say("redo")
    assert _entries(engine)[0].deleted_at is None
    assert "Ksh 15,000" in chat.say("how much did I spend this month?")


def test_correction_right_after_recording_edits_it(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("paid rent 15k")
    assert "Fixed: amount Ksh 15,000 → Ksh 1,500.\nNow: expense Ksh 1,500 for rent" in chat.say("no, it was 1,500")
    assert "Fixed: category rent → transport." in chat.say("actually it was transport")
    assert "yesterday" in chat.say("sorry, it was yesterday")
    [entry] = _entries(engine)
    assert (entry.amount_cents, entry.category, entry.occurred_on) == (
        150000,
        "transport",
        TODAY - timedelta(days=1),
    )


def test_missing_amount_is_asked_for(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    assert "How much did you pay (rent)?" in chat.say("paid rent")
    assert "Recorded expense: Ksh 12,500 for rent" in chat.say("12,500")
    assert [e.amount_cents for e in _entries(engine)] == [1250000]


def test_a_new_entry_instead_of_the_amount_is_taken_as_new(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("paid rent")
    assert "Recorded expense: Ksh 300 for meals" in chat.say("lunch 300")
    assert [e.category for e in _entries(engine)] == ["meals"]


def test_a_bare_amount_asks_in_or_out(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.push("2,500")
    reply = chat.pop_reply()
    assert "money in" in reply.text and reply.choices == ["Money in", "Money out"]
    assert "Recorded income: Ksh 2,500" in chat.say("Money in")
    assert [e.kind for e in _entries(engine)] == ["income"]


def test_close_readings_ask_instead_of_guessing(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.push("Otieno paid 2000 for rent")
    reply = chat.pop_reply()
    assert "money in (a sale) or money out" in reply.text and reply.choices == ["Money in", "Money out"]
    # Rent coming in is a tenant paying the owner: other income, not a sale.
    assert "Recorded income: Ksh 2,000 from other income (Otieno)" in chat.say("Money in")
    [entry] = _entries(engine)
    assert (entry.kind, entry.category, entry.counterparty) == ("income", "other_income", "Otieno")


def test_pending_question_survives_a_restart(engine: Engine) -> None:
    first = ChatTester(engine, today=TODAY)
    first.onboard()
    first.say("bought stock")
    # A new core (as after a server restart) picks the question up from the database.
    second = ChatTester(engine, today=TODAY)
    assert "Recorded expense: Ksh 8,000 for stock" in second.say("8k")


def test_summaries(chat: ChatTester) -> None:
    chat.onboard()
    chat.say("sold 4,500 today")
    chat.say("mauzo 6k jana")
    chat.say("fuel 1,000")
    assert "Money in this month" in chat.say("income this month")
    assert "Ksh 10,500" in chat.say("sales this month")
    assert "Profit this month (1 Nov – 22 Nov): Ksh 9,500" in chat.say("profit this month")
    assert "Ksh 4,500" in chat.say("how much did I sell today?")
    assert "Ksh 9,500" in chat.say("how much cash do I have")
    assert "Nothing recorded" in chat.say("profit last month")


def test_swahili_is_detected_and_switchable(chat: ChatTester) -> None:
    chat.onboard()
    assert "Nimerekodi matumizi: Ksh 300 ya usafiri, jana" in chat.say("nimelipa nauli 300 jana")
    assert "Ulitumia Ksh 300" in chat.say("nimetumia ngapi wiki hii?")
    assert "I'll reply in English" in chat.say("speak English")
    # Chosen on purpose, English sticks even when the person writes Swahili.
    assert "Recorded expense" in chat.say("nimelipa kodi elfu tano")
    assert "Kiswahili" in chat.say("tumia Kiswahili")
    assert "Nimerekodi mapato" in chat.say("sold 200")


def test_unknown_answers_with_examples(chat: ChatTester) -> None:
    chat.onboard()
    chat.push("tell me a joke")
    reply = chat.pop_reply()
    assert "paid rent 15k" in reply.text and "how much did I spend this month?" in reply.text
    assert reply.choices == ["Help"]


def test_no_intent_of_the_contract_answers_coming_soon(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    reply = chat.say("delete my data")
    assert reply.startswith("Delete your data?") and "coming soon" not in reply
    assert _entries(engine) == []


def test_each_person_has_their_own_business(engine: Engine) -> None:
    amina = ChatTester(engine, today=TODAY, sender="amina")
    baraka = ChatTester(engine, today=TODAY, sender="baraka")
    amina.onboard("Amina Salon")
    baraka.onboard("Baraka Hardware")
    amina.say("paid rent 15k")
    assert "Nothing recorded" in baraka.say("how much did I spend this month?")
    assert "nothing of yours to undo" in baraka.say("undo")
    assert "Ksh 15,000" in amina.say("expenses this month")
