"""Voice notes in the conversation: what was heard is shown, doubt asks first, and replies are
spoken the way a person would say them."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from conversations.messages import Heard
from conversations.spoken import spoken
from conversations.spoken_numbers import money_words, swahili
from conversations.understand import understand
from finance.models import Person, Transaction
from tests.chat import ChatTester


def _amounts(chat: ChatTester) -> list[int]:
    with Session(chat.conversation.engine) as session:
        return [t.amount_cents // 100 for t in session.exec(select(Transaction)).all()]


def test_what_was_heard_comes_first_and_is_acted_on(chat: ChatTester) -> None:
    chat.onboard()
    chat.hear(Heard(text="paid rent fifteen thousand", confidence=0.92, engine="sphinx", seconds=2.2))
    reply = chat.pop_reply()
    assert reply.text.startswith("🎙 I heard: “paid rent fifteen thousand”")
    assert "Recorded expense: Ksh 15,000" in reply.text
    assert _amounts(chat) == [15_000]
    # A voice note is answered by voice too: a short spoken version, amounts in words.
    assert reply.spoken is not None and "fifteen thousand shillings" in reply.spoken
    assert "Ksh" not in reply.spoken and "🎙" not in reply.spoken


def test_a_doubtful_amount_asks_before_recording(chat: ChatTester) -> None:
    chat.onboard()
    chat.hear(Heard(text="paid rent fifty thousand", confidence=0.8, doubtful=("fifty",), engine="sphinx"))
    reply = chat.pop_reply()
    assert "not sure I heard it right" in reply.text and reply.choices == ["Yes, go ahead", "No"]
    assert _amounts(chat) == []
    assert "Recorded expense: Ksh 50,000" in chat.say("Yes, go ahead")
    chat.hear(Heard(text="sold four thousand", confidence=0.3, engine="sphinx"))  # unsure overall
    assert "shall I go ahead" in chat.pop()
    assert "nothing recorded" in chat.say("No")
    assert _amounts(chat) == [50_000]


def test_a_doubtful_filler_word_does_not_ask(chat: ChatTester) -> None:
    chat.onboard()
    chat.hear(Heard(text="i paid five hundred for fuel", confidence=0.8, doubtful=("i",), engine="sphinx"))
    assert "Recorded expense: Ksh 500" in chat.pop()


def test_answering_something_else_drops_the_question(chat: ChatTester) -> None:
    chat.onboard()
    chat.hear(Heard(text="paid rent fifty thousand", confidence=0.8, doubtful=("fifty",)))
    chat.pop()
    assert "Recorded expense: Ksh 2,000" in chat.say("fuel 2000")
    chat.say("yes")  # too late: the question was dropped, nothing is recorded from it
    assert _amounts(chat) == [2_000]


def test_swahili_voice_note_is_answered_in_swahili(chat: ChatTester) -> None:
    chat.onboard()
    chat.hear(Heard(text="nimelipa kodi elfu kumi", confidence=0.9, language="sw", engine="sphinx"))
    reply = chat.pop_reply()
    assert reply.text.startswith("🎙 Nimesikia: “nimelipa kodi elfu kumi”")
    assert reply.spoken_language == "sw" and "shilingi elfu kumi" in (reply.spoken or "")


def test_problems_get_friendly_answers(chat: ChatTester) -> None:
    chat.onboard()
    chat.hear(Heard(text="", engine="whisper", seconds=3.0))
    assert "couldn't hear anything" in chat.pop()
    chat.hear(Heard(problem="too_long", seconds=150, limit=120))
    assert "2 min 30 s long — I can listen to up to 2 min" in chat.pop()
    chat.hear(Heard(problem="too_large", limit=10))
    assert "over 10 MB" in chat.pop()
    chat.hear(Heard(problem="unreadable"))
    assert "couldn't play" in chat.pop()
    chat.hear(Heard(problem="busy"))
    assert "in a minute" in chat.pop()
    assert _amounts(chat) == []


def test_voice_reply_setting_is_per_person(chat: ChatTester) -> None:
    chat.onboard()
    chat.push("paid rent 15k")
    assert chat.pop_reply().spoken is None  # typed in, text out
    assert "every message" in chat.say("reply by voice always")
    chat.push("sold 4,500")
    assert "four thousand five hundred shillings" in (chat.pop_reply().spoken or "")
    assert "text replies only" in chat.say("text only")
    chat.hear(Heard(text="sold two thousand", confidence=0.9))
    assert chat.pop_reply().spoken is None
    with Session(chat.conversation.engine) as session:
        assert session.exec(select(Person.voice_replies)).first() == "never"
    assert "voice notes with a voice note" in chat.say("/voice auto")


def test_spoken_versions_are_short_and_read_naturally() -> None:
    text = (
        "📋 Unpaid invoices (2):\n• INV-0001 · Jane · Ksh 1,500 · due 3 Dec\n• INV-0002 · Ali · Ksh 2,000\n"
        "Total: Ksh 3,500"
    )
    said = spoken(text, "en")
    assert said == "Unpaid invoices (two): Total: three thousand five hundred shillings."
    # Links and phone numbers are for reading, not hearing: the text reply has them.
    assert "http" not in spoken("Share this link: https://kavi.example/i/abc", "en")
    assert "seven" not in spoken("Call +254 712 345 678", "en")
    long = ". ".join(f"Line {i} costs Ksh {i},000" for i in range(1, 40))
    assert len(spoken(long, "en")) <= 320
    assert spoken("Salio ni Ksh 1,250.50", "sw") == "Salio ni shilingi elfu moja mia mbili na hamsini na senti hamsini."
    assert money_words(Decimal("1"), "en") == "one shilling"


# A lone number word under ten is a count ("kodi moja" is one rent), asked about, not Ksh 1.
@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=10, max_value=9_999_999))
def test_swahili_amount_words_read_back_as_the_same_amount(amount: int) -> None:
    said = f"nimelipa kodi {swahili(amount)}"
    intent = understand(said, date(2026, 11, 22))
    assert intent.slots.get("amount") == str(amount), said
