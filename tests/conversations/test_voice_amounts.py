"""Spoken amounts: a voice note records money straight away only when the amount was heard as one
well-formed number, every word of it confidently; anything else asks "did you say …?" first."""

import pytest
from sqlmodel import Session, select

from conversations.messages import Heard
from finance.models import Transaction
from tests.chat import ChatTester


def _amounts(chat: ChatTester) -> list[int]:
    with Session(chat.conversation.engine) as session:
        return [t.amount_cents // 100 for t in session.exec(select(Transaction)).all()]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("sold four thousand moja", "Ksh 4,001"),  # two languages inside one amount
        ("paid rent sita mia tano", None),  # a unit before "mia" that is not its count
        ("nimelipa kodi mia tano sita", "Ksh 506"),  # a unit after a complete count, no "na"
        ("sold four thousand one", "Ksh 4,001"),  # a trailing unit after a round number
        ("nimeuza sita elfu tano", None),
        ("paid rent fifteen thousand five", "Ksh 15,005"),
        ("nimelipa kodi elfu kumi five", None),
        ("sold two hundred fifty", None),
    ],
)
def test_a_confident_but_ill_formed_amount_asks_first(chat: ChatTester, text: str, reading: str | None) -> None:
    chat.onboard()
    chat.hear(Heard(text=text, confidence=0.95, engine="sphinx", seconds=2.0))
    reply = chat.pop_reply()
    assert reply.choices in (["Yes, go ahead", "No"], ["Ndiyo, endelea", "Hapana"]), reply.text
    assert f"“{text}”" in reply.text
    if reading is not None:
        assert f"{reading}?" in reply.text  # "did you say Ksh 4,001?": what it would record, before it does
    assert "Recorded" not in reply.text
    assert _amounts(chat) == []


def test_yes_records_the_amount_it_asked_about_and_no_records_nothing(chat: ChatTester) -> None:
    chat.onboard()
    chat.hear(Heard(text="sold four thousand moja", confidence=0.95, engine="sphinx"))
    chat.pop()
    assert "nothing recorded" in chat.say("No")
    assert _amounts(chat) == []
    chat.hear(Heard(text="sold four thousand moja", confidence=0.95, engine="sphinx"))
    chat.pop()
    assert "Ksh 4,001" in chat.say("Yes, go ahead")
    assert _amounts(chat) == [4_001]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("sold four thousand and one", 4_001),
        ("nimeuza mia tano", 500),
        ("nimelipa kodi elfu mbili mia tano na hamsini", 2_550),
        ("nimelipa kodi laki moja", 100_000),
        ("sold two thousand five hundred", 2_500),
        ("nimelipa kodi elfu nne na moja", 4_001),
        ("sold two hundred and fifty", 250),
        ("nimeuza tisini elfu na moja", 90_001),  # the Kenyan order KAVI itself speaks
        ("sold five thao", 5_000),
        ("nimelipa kodi elfu moja na nusu", 1_500),
        ("Paid rent 15,000.", 15_000),  # Whisper writes digits
    ],
)
def test_a_confident_well_formed_amount_records_straight_away(chat: ChatTester, text: str, amount: int) -> None:
    chat.onboard()
    chat.hear(Heard(text=text, confidence=0.95, engine="sphinx"))
    reply = chat.pop_reply()
    assert reply.choices != ["Yes, go ahead", "No"], reply.text
    assert _amounts(chat) == [amount]


def test_a_doubtful_amount_as_whisper_writes_it_asks(chat: ChatTester) -> None:
    # Whisper's words carry their punctuation and capitals: "15,000." is still the amount.
    chat.onboard()
    chat.hear(Heard(text="Paid rent 15,000.", confidence=0.8, doubtful=("15,000.",), engine="whisper"))
    reply = chat.pop_reply()
    assert "did you say Ksh 15,000?" in reply.text and reply.choices == ["Yes, go ahead", "No"]
    chat.hear(Heard(text="Paid rent five hundred.", confidence=0.8, doubtful=("hundred.",), engine="whisper"))
    assert chat.pop_reply().choices == ["Yes, go ahead", "No"]
    assert _amounts(chat) == []


@pytest.mark.parametrize("typed", ["paid rent 4001", "nimelipa kodi elfu nne na moja", "sold four thousand one"])
def test_typed_amounts_are_read_as_before(chat: ChatTester, typed: str) -> None:
    # The check is for what a recognizer heard; a person typing "4001" meant it.
    chat.onboard()
    assert "Ksh 4,001" in chat.say(typed)
    assert _amounts(chat) == [4_001]
