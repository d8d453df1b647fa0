"""A notice that asks something (an M-Pesa payment KAVI is unsure of) opens its question when the
owner gets it: its pushed buttons carry the question's id, and a push that fails opens nothing."""

import json
from decimal import Decimal

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.mpesa_callbacks import on_c2b_confirmation
from bot.outbox_sender import OutboxSender
from bot.records.models import Outbox
from conversations import state as st
from finance.models import Business
from finance.mpesa.callbacks import parse_c2b
from tests.bot.helpers import run
from tests.bot.recording import RecordingChannel
from tests.c2b_bodies import unsure_payment
from tests.chat import ChatTester
from tests.conftest import TODAY


def _unsure_payment(engine: Engine) -> ChatTester:
    """An owner on Telegram with two invoices to Daniel, and a payment of 4,000 from "DAN KIPRONO"."""
    owner = ChatTester(engine, today=TODAY, channel="telegram")
    owner.onboard()
    owner.say("add customer Daniel Kiprono")
    owner.say("invoice Daniel 4000")
    owner.say("invoice Daniel 6000")
    body = unsure_payment("TK60708AAA", "20261122101500")
    with Session(engine) as session:
        token = session.exec(select(Business.callback_token)).one() or ""
    parsed = json.loads(json.dumps(body), parse_float=Decimal)
    assert on_c2b_confirmation(engine, token, parse_c2b(parsed), parsed).found
    return owner


def _open_questions(engine: Engine) -> tuple[str | None, list[int]]:
    with Session(engine) as session:
        state = st.load_state(session, channel="telegram", sender="owner")
        return state.pending, [q["id"] for q in state.questions or []]


def test_the_question_opens_when_the_notice_is_pushed_and_its_button_answers_it(engine: Engine) -> None:
    owner = _unsure_payment(engine)
    assert _open_questions(engine) == (None, [])  # queued, not seen: nothing of theirs is an answer yet
    telegram = RecordingChannel("telegram")
    assert run(lambda: OutboxSender(engine, {"telegram": telegram}).send_pending()) == 1
    [notice] = telegram.sent
    assert "Ksh 4,000 from DAN KIPRONO — for INV-0001" in notice.text
    pending, open_ids = _open_questions(engine)
    assert pending == "payment_match" and notice.question_id in open_ids
    owner.say("paid rent 3000")  # something else first: the question is set aside, its buttons still work
    answer = owner.tap(notice, notice.choices[0])
    assert "INV-0001: Ksh 4,000 → paid in full" in answer


def test_a_notice_that_could_not_be_pushed_leaves_no_question_open(engine: Engine) -> None:
    owner = _unsure_payment(engine)
    telegram = RecordingChannel("telegram")
    telegram.fail_all_deliveries = True
    assert run(lambda: OutboxSender(engine, {"telegram": telegram}).send_pending()) == 0
    assert _open_questions(engine) == (None, [])
    assert "paid in full" not in owner.say("yes")  # never asked, so "yes" answers nothing
    with Session(engine) as session:
        assert session.exec(select(Outbox.status).where(Outbox.kind == "payment")).all() == ["failed"]
