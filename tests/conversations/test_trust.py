"""Transcripts of the trust failures found by black-box tests: an open question never swallows the
next message, a confirmation says only what happened, replies follow the message's language, and a
viewer never writes. Each ran wrong before the conversation core was rebuilt."""

import asyncio
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.outbox_sender import OutboxSender
from bot.records.models import InboundEvent, Outbox
from finance.models import Member, Transaction
from tests.chat import ChatTester
from tests.conftest import TODAY

FORWARDED = (
    "QK11DUPE01 Confirmed. You have received Ksh5,000.00 from JOHN SMITH 0712345678 on 22/11/26 at 10:05 AM "
    "New M-PESA balance is Ksh9,000.00. Separate personal and business funds through Pochi la Biashara."
)


def _entries(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).order_by(col(Transaction.id))))


def test_forwarded_sms_after_an_open_question_is_recorded_as_itself(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    assert "How much did you pay (airtime" in chat.say("bought airtime")
    reply = chat.say(FORWARDED)
    assert "Recorded income: Ksh 5,000" in reply and "9,000" not in reply
    [entry] = _entries(engine)
    assert (entry.kind, entry.amount_cents, entry.reference) == ("income", 500000, "QK11DUPE01")
    # The airtime question was set aside, not answered by the next number.
    assert "Recorded income" not in chat.say("how much did I spend this month?")
    assert len(_entries(engine)) == 1


def test_a_command_is_never_taken_as_the_answer(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("paid rent 2000")
    assert "How much" in chat.say("bought airtime")
    assert "nothing was recorded" in chat.say("undo")  # the airtime being asked about, not the rent
    assert "Ksh 2,000" in chat.say("undo")
    assert [e.deleted_at is not None for e in _entries(engine)] == [True]
    # The airtime question did not take "undo" (nor anything after it) as its answer.
    assert "How much" not in chat.say("how much did I spend this month?")


def test_delete_my_data_asks_no_amount_and_records_nothing(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    reply = chat.say("delete my data")
    assert reply.startswith("Delete your data?") and "How much" not in reply
    chat.say(FORWARDED)
    [entry] = _entries(engine)
    assert (entry.kind, entry.amount_cents) == ("income", 500000)


def test_correction_changes_the_category_and_says_what_changed(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("paid rent 2000")
    reply = chat.say("sorry, it was fuel not rent")
    assert "Fixed: category rent → transport." in reply
    assert _entries(engine)[0].category == "transport"
    # Asking for what it already says changes nothing, and says so.
    same = chat.say("no, it was transport")
    assert "Nothing to change" in same and "Fixed" not in same


def test_remind_without_a_channel_gives_text_to_forward_and_marks_nothing_sent(
    chat: ChatTester, engine: Engine
) -> None:
    chat.onboard()
    chat.say("add customer Jane Achieng 0798123456")
    chat.say("invoice Jane 5000")
    reply = chat.say("remind Jane")
    assert "on its way" not in reply and "nothing was sent" in reply
    assert "INV-0001 for Ksh 5,000" in reply and "https://wa.me/254798123456?text=Hello%20Jane" in reply
    with Session(engine) as session:
        assert session.exec(select(Outbox)).all() == []
    # Nothing was sent, so a second try is not refused as "already reminded".
    assert "nothing was sent" in chat.say("remind Jane")


def test_an_older_button_answers_its_own_question(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    asked = chat.ask("Otieno 500")
    assert "money in (a sale) or money out" in asked.text and asked.question_id is not None
    # Something else in between: the question is set aside, its buttons still work.
    assert "Nothing recorded this month" in chat.say("how much did I spend this month?")
    assert "Recorded income: Ksh 500" in chat.tap(asked, "Money in")
    [entry] = _entries(engine)
    assert entry.kind == "income"
    # Answered: the same button again says its question is closed, and records nothing.
    assert "already closed" in chat.tap(asked, "Money out")
    assert len(_entries(engine)) == 1


def test_english_after_swahili_is_answered_in_english(chat: ChatTester) -> None:
    chat.onboard()
    assert "Nimerekodi matumizi: Ksh 15,000 ya kodi" in chat.say("nimelipa kodi 15k")
    assert "Recorded expense: Ksh 300 for transport" in chat.say("paid for transport 300")
    assert "Nimerekodi mapato" in chat.say("nimeuza 4,500 leo")


def test_a_request_in_place_of_the_business_name_is_handled_as_the_request(chat: ChatTester, engine: Engine) -> None:
    assert "business called" in chat.say("hello")
    reply = chat.say("paid rent")
    assert "is ready" not in reply and "How much did you pay (rent)" in reply
    assert "Recorded expense: Ksh 15,000 for rent" in (answered := chat.say("15k"))
    assert "What's your business called?" in answered
    assert "Duka Bora is ready" in chat.say("Duka Bora")


def test_a_question_about_buying_is_never_booked(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    reply = chat.say("naweza kununua friji ya 30k?")
    assert "Nimerekodi" not in reply and "Recorded" not in reply
    reply = chat.say("can I afford a fridge for 30k?")
    assert reply.startswith("⏳ Not yet") and reply.endswith("(Nothing was recorded.)")  # no money yet
    assert _entries(engine) == []


def test_a_viewer_cannot_make_kavi_message_a_customer(engine: Engine) -> None:
    owner = ChatTester(engine, TODAY, can_push_to_phone=True)
    owner.onboard()
    owner.say("add customer Mary Wambui 0711222333")
    owner.say("invoice Mary 2000")
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        member.role = "viewer"
        session.add(member)
        session.commit()
    assert "can't do that" in owner.say("remind Mary")
    assert "can't do that" in owner.say("paid rent 500")
    assert "Nothing recorded this month" in owner.say("how much did I spend this month?")  # questions: yes
    with Session(engine) as session:
        assert session.exec(select(Outbox)).all() == []
    assert len(_entries(engine)) == 0


def test_every_entry_points_at_the_message_that_made_it(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.push("paid rent 15k", external_id="tg-4001")
    chat.pop()
    chat.push(FORWARDED, external_id="tg-4002")
    chat.pop()
    with Session(engine) as session:
        events = {e.id: e.external_id for e in session.exec(select(InboundEvent))}
    assert [events[e.source_event_id] for e in _entries(engine) if e.source_event_id] == ["tg-4001", "tg-4002"]


def test_a_reminder_that_fails_is_told_to_the_owner_and_can_be_tried_again(engine: Engine) -> None:
    owner = ChatTester(engine, TODAY, can_push_to_phone=True)
    owner.onboard()
    owner.say("add customer Jane Achieng 0798123456")
    owner.say("invoice Jane 5000")
    assert "Reminder on its way to Jane Achieng" in owner.say("remind Jane")
    # The WhatsApp/SMS channel went away before the send: nothing goes out.
    assert asyncio.run(OutboxSender(engine, {}).send_pending()) == 0
    owner.push("how much did I spend this month?")
    notice, answer = owner.pop(), owner.pop()
    assert "reminder to Jane Achieng could not be sent" in notice and "INV-0001 for Ksh 5,000" in notice
    assert "Nothing recorded this month" in answer
    assert "Reminder on its way to Jane Achieng" in owner.say("remind Jane")


def test_a_new_entry_is_never_taken_as_the_answer_to_in_or_out(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    assert "money in (a sale) or money out" in chat.say("2000")
    assert "Recorded expense: Ksh 10,000 for rent" in chat.say("paid rent 10k")
    assert "money in (a sale) or money out" in chat.say("Jane paid 500")
    assert "Recorded income" not in chat.say("how much came in?")
    assert [(e.kind, e.amount_cents, e.category) for e in _entries(engine)] == [("expense", 1000000, "rent")]


def test_an_incoming_payment_is_never_the_amount_of_an_expense_asked_about(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    assert "How much did you pay (meals)" in chat.say("lunch")
    assert "Recorded income: Ksh 5,000" in chat.say("received 5,000 from Kamau")
    assert "How much did you pay (meals)" in chat.say("lunch")
    assert "Ksh 350 for meals, yesterday" in chat.say("it was 350 jana")
    kinds = [(e.kind, e.amount_cents, e.occurred_on) for e in _entries(engine)]
    assert kinds == [("income", 500000, TODAY), ("expense", 35000, TODAY - timedelta(days=1))]


def test_undo_while_an_entry_is_being_asked_about_drops_it_and_keeps_the_books(
    chat: ChatTester, engine: Engine
) -> None:
    chat.onboard()
    chat.say("sold 1,200")
    assert "How much" in chat.say("lunch")
    assert "nothing was recorded" in chat.say("undo")
    [sale] = _entries(engine)
    assert sale.deleted_at is None
    assert "Removed: income Ksh 1,200" in chat.say("undo")  # with no question open, undo is undo


def test_a_payment_in_place_of_the_business_name_is_handled_as_the_payment(chat: ChatTester) -> None:
    assert "business called" in chat.say("hi")
    reply = chat.say("Jane paid 500")
    assert "is ready" not in reply and "money in (a sale) or money out" in reply


def test_a_correction_that_names_an_earlier_entry_fixes_that_one(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("paid rent 15k")
    chat.say("bought stock 5,000")
    assert "Fixed: amount Ksh 15,000 → Ksh 12,000." in chat.say("no, the rent was 12k")
    assert sorted((e.category, e.amount_cents) for e in _entries(engine)) == [("rent", 1200000), ("stock", 500000)]
    assert "Fixed: amount Ksh 12,000 → Ksh 11,000." in chat.say("sorry rent was 11,000 not 12,000")
    chat.say("paid transport 300")
    assert "Fixed: amount Ksh 300 → Ksh 350." in chat.say("it was 350 not 300")


def test_a_payment_told_in_chat_counts_for_the_businesss_today(chat: ChatTester) -> None:
    """Dated by the business's day, not the server's UTC date (which is another day around midnight)."""
    chat.onboard()
    chat.say("add customer Otieno Kamau")
    chat.say("invoice Otieno 2250")
    assert "Ksh 1,250 still owed" in chat.say("Otieno paid 1,000")
    assert "Money in this month (1 Nov – 22 Nov): Ksh 1,000" in chat.say("how much did I earn this month?")


def test_failed_mpesa_messages_and_plans_record_nothing(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    failed = (
        "TKR7H8J9K0 Failed. Insufficient funds in your M-PESA account to pay Ksh2,000.00 to NAIVAS SUPERMARKET. "
        "Your M-PESA balance is Ksh1,200.00."
    )
    assert "moved no money" in chat.say(failed)
    assert "moved no money" in chat.say(
        "Failed. You do not have sufficient funds to pay Ksh1,000.00 to KPLC PREPAID for account 54604123456. "
        "M-PESA balance is Ksh200.00."
    )
    for plan in ("I want to buy a motorbike for 120,000", "nitalipa rent 15k kesho", "I will pay KPLC 2k tomorrow"):
        reply = chat.say(plan)
        assert "Recorded" not in reply and "Nimerekodi" not in reply, plan
    assert _entries(engine) == []
    # The owner's own words about a failure are still theirs to record.
    assert "Recorded expense: Ksh 500" in chat.say("M-Pesa failed so I paid the fundi 500 cash")


def test_an_older_undo_button_removes_its_own_entry_not_the_latest(engine: Engine) -> None:
    owner = ChatTester(engine, TODAY)
    owner.onboard()
    rent = owner.ask("paid rent 15k")
    assert "Ksh 15,000" in rent.text and rent.choices == ["Undo"] and rent.question_id
    owner.say("sold 4,500 today")
    removed = owner.tap(rent, "Undo")
    assert "Removed" in removed and "15,000" in removed and "rent" in removed
    assert [(e.kind, e.amount_cents) for e in _entries(engine) if e.deleted_at is None] == [("income", 450_000)]
    assert "already closed" in owner.tap(rent, "Undo")  # a second tap changes nothing
    assert len([e for e in _entries(engine) if e.deleted_at is None]) == 1
    assert "4,500" in owner.say("undo")  # typed, it still means the latest entry
    assert [e for e in _entries(engine) if e.deleted_at is None] == []


def test_money_in_another_currency_is_asked_in_shillings_never_booked_as_them(engine: Engine) -> None:
    owner = ChatTester(engine, TODAY)
    owner.onboard()
    asked = owner.say("paid 40 dollars for hosting")
    assert "USD 40" in asked and "What is 1 USD in KES today?" in asked and not _entries(engine)
    assert "Ksh 5,200 (USD 40)" in owner.say("5,200")  # what it came to: the rate is 130
    assert [(e.kind, e.amount_cents) for e in _entries(engine)] == [("expense", 520_000)]
    entry = _entries(engine)[0]
    assert (entry.original_currency, entry.original_cents) == ("USD", 4000)  # what was said stays with it
    assert entry.note == "paid 40 dollars for hosting"
    # The day's rate is asked once: the next USD entry is booked at it.
    assert "Recorded income: Ksh 13,000 (USD 100)" in owner.say("received $100 from a tourist")
    sw = owner.say("nimepokea euro 50")
    assert "EUR 1 ni KES ngapi leo?" in sw
    assert "Ksh 7,000 (EUR 50)" in owner.say("140")
    assert "Ksh 1,400 (EUR 10)" in owner.say("nimeuza EUR 10")


def test_cash_from_an_agent_is_a_move_between_own_places_not_spending(engine: Engine) -> None:
    owner = ChatTester(engine, TODAY)
    owner.onboard()
    owner.say("paid rent 15k")
    moved = owner.say("nimetoa 4k kwa wakala")
    assert "4,000" in moved and [e.kind for e in _entries(engine)] == ["expense", "transfer"]
    spent = owner.say("how much did I spend this month?")
    assert "15,000" in spent and "19,000" not in spent


def test_the_undo_button_of_an_entry_made_before_the_business_is_named_removes_that_entry(engine: Engine) -> None:
    # The reply that also asks the business's name kept its text and buttons but lost the Undo question's
    # id: the button then answered the name question, and "Undo" removed the latest entry instead.
    owner = ChatTester(engine, TODAY)
    rent = owner.ask("paid rent 15k")
    assert "What's your business called?" in rent.text and rent.choices == ["Undo"]
    owner.say("Duka Bora")
    owner.say("sold 4,500 today")
    removed = owner.tap(rent, "Undo")
    assert "Removed" in removed and "15,000" in removed
    assert [(e.kind, e.amount_cents) for e in _entries(engine) if e.deleted_at is None] == [("income", 450_000)]
