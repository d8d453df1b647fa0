"""The Gemini path through the real google-genai client, against a stand-in on 127.0.0.1."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from conversations.gemini.settings import GeminiSettings
from conversations.registry import contract
from finance.models import Member, Transaction
from finance.services.reports import summarise
from tests.chat import ChatTester
from tests.conftest import TODAY
from tests.standins import gemini as g


@pytest.fixture
def chat_ai(engine: Engine, standin: tuple[g.GeminiStandIn, str]) -> ChatTester:
    _, url = standin
    chat = ChatTester(engine, today=TODAY)
    chat.conversation.__init__(  # type: ignore[misc]
        engine,
        today=lambda: TODAY,
        gemini_settings=GeminiSettings(gemini_api_key="test-key", gemini_base_url=url, kavi_gemini_timeout_s=2),
    )
    chat.onboard()
    return chat


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Transaction)).one()


def test_unresolved_message_goes_to_gemini_and_its_call_runs_our_handler(
    chat_ai: ChatTester, standin: tuple[g.GeminiStandIn, str], engine: Engine
) -> None:
    stand, _ = standin
    stand.plan.append(
        g.function_call("record_expense", {"amount": "4000", "category": "repairs", "counterparty": "Roofer"})
    )
    reply = chat_ai.say("jot down what we settled with the roofing guy")
    assert "Recorded expense: Ksh 4,000 for repairs (Roofer)" in reply
    with Session(engine) as session:
        [txn] = session.exec(select(Transaction)).all()
        assert (txn.amount_cents, txn.category, txn.counterparty) == (400000, "repairs", "Roofer")
    request = stand.requests[-1]
    assert re.fullmatch(r"/v1(beta)?/models/gemini-2\.5-flash:generateContent", request["path"])
    assert request["api_key"] == "test-key"
    declared = {f["name"] for tool in request["body"]["tools"] for f in tool["functionDeclarations"]}
    assert declared == set(contract())


def test_free_question_gets_a_grounded_answer_from_our_figures(
    chat_ai: ChatTester, standin: tuple[g.GeminiStandIn, str], engine: Engine
) -> None:
    stand, _ = standin
    chat_ai.say("paid rent 15k")
    chat_ai.say("lunch 300")
    chat_ai.say("sold 4,500")
    stand.plan.append(g.text("Rent (Ksh 15,000) is most of your Ksh 15,300 spending this month."))
    reply = chat_ai.say("why are my expenses so high this month?")
    assert reply == "Rent (Ksh 15,000) is most of your Ksh 15,300 spending this month."
    # The figures Gemini was given are the database's.
    instruction = " ".join(p["text"] for p in stand.last["systemInstruction"]["parts"])
    assert "Use ONLY the figures" in instruction
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        month = summarise(session, actor=member, start=TODAY.replace(day=1), end=TODAY)
        last30 = summarise(session, actor=member, start=TODAY - timedelta(days=29), end=TODAY)
    shown = re.search(
        r"This month so far .*?money in Ksh ([\d,]+), money out Ksh ([\d,]+), profit -?Ksh ([\d,]+)", instruction
    )
    assert shown is not None
    assert [Decimal(x.replace(",", "")) for x in shown.groups()] == [month.income, month.expenses, abs(month.profit)]
    assert f"money out Ksh {last30.expenses:,.0f}" in instruction
    assert "rent Ksh 15,000" in instruction and "Unpaid invoices: 0" in instruction


def test_an_invented_figure_falls_back_to_the_local_answer(
    chat_ai: ChatTester, standin: tuple[g.GeminiStandIn, str]
) -> None:
    stand, _ = standin
    chat_ai.say("paid rent 15k")
    stand.plan.append(g.text("You spent Ksh 99,999 on rent."))
    reply = chat_ai.say("why are my expenses so high this month?")
    assert "AI helper isn't reachable" in reply and "You spent Ksh 15,000 this month" in reply


@pytest.mark.parametrize(
    "failure",
    [
        g.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded"),
        g.error(500, "INTERNAL", "boom"),
        g.error(403, "PERMISSION_DENIED", "API key not valid"),
        g.function_call("launch_rockets", {}),
        "timeout",
    ],
    ids=["quota", "server-error", "bad-key", "unknown-function", "timeout"],
)
def test_failures_fall_back_locally_and_nothing_is_lost_or_doubled(
    chat_ai: ChatTester, standin: tuple[g.GeminiStandIn, str], engine: Engine, failure: object
) -> None:
    stand, _ = standin
    if failure == "timeout":
        stand.delay_s = 3.0  # the client waits 2 s
    else:
        stand.plan.append(failure)
    # Confidence below the threshold sends it to Gemini; the local reading is kept for the fallback.
    chat_ai.push("500", external_id="evt-1")
    reply = chat_ai.pop()
    assert "AI helper isn't reachable" in reply and "money in (a sale) or money out" in reply
    chat_ai.push("500", external_id="evt-1")  # the platform retries: same answer, nothing new
    assert chat_ai.pop() == reply
    assert "Recorded expense: Ksh 500" in chat_ai.say("money out")
    assert _count(engine) == 1


def test_without_a_key_gemini_is_never_called(engine: Engine, standin: tuple[g.GeminiStandIn, str]) -> None:
    stand, _ = standin
    chat = ChatTester(engine, today=TODAY)
    chat.onboard()
    assert "didn't get that" in chat.say("jot down what we settled with the roofing guy")
    assert stand.requests == []
