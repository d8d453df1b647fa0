"""Recurring entries in the chat: one typed with "every month" is recorded and its schedule started;
listed, stopped by name (buttons when several match), and undoing the entry undoes its schedule."""

from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from finance.models.recurring import Recurring
from tests.chat import ChatTester

DAY = date(2026, 12, 2)  # a Wednesday


def _active(engine: Engine) -> list[str]:
    with Session(engine) as session:
        rows = session.exec(select(Recurring).where(col(Recurring.stopped_at).is_(None))).all()
        return sorted(f"{r.category} {r.every} {r.next_on}" for r in rows)


def test_set_list_and_stop(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    rent = chat.say("rent 15k every month on the 1st")
    assert rent.startswith("✅ Recorded expense: Ksh 15,000 for rent, yesterday.")
    assert "🔁 It repeats every month on the 1st: next on 1 Jan 2027." in rent
    assert "🔁 It repeats every Wednesday: next on Wed 9 Dec." in chat.say("salary 2000 for Brian every week")
    assert chat.say("my recurring").splitlines() == [
        "🔁 Your recurring entries:",
        "• Rent Ksh 15,000 every month on the 1st (next 1 Jan 2027)",
        "• Brian Ksh 2,000 every Wednesday (next Wed 9 Dec)",
    ]
    assert chat.say("stop the rent one") == (
        "⏹️ Stopped: Rent Ksh 15,000 every month on the 1st. Entries already recorded stay."
    )
    assert _active(engine) == ["salaries weekly 2026-12-09"]
    assert chat.say("stop the rent one").startswith("I found no recurring rent to stop.")


def test_undoing_the_entry_undoes_its_schedule(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("nauli 200 kila siku")
    assert _active(engine) == ["transport daily 2026-12-03"]
    assert chat.say("undo").startswith("↩️")
    assert _active(engine) == []
    assert chat.say("redo").startswith("↪️") or _active(engine) == ["transport daily 2026-12-03"]
    assert _active(engine) == ["transport daily 2026-12-03"]


def test_several_matches_are_asked_with_buttons(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("fuel 500 every day")
    chat.say("matatu 300 every week")
    asked = chat.ask("stop the transport one")
    assert asked.text == "Which one should I stop?"
    assert asked.choices == ["Transport Ksh 500 every day", "Transport Ksh 300 every Wednesday"]
    assert chat.tap(asked, "Transport Ksh 300 every Wednesday").startswith("⏹️ Stopped: Transport Ksh 300")
    assert _active(engine) == ["transport daily 2026-12-03"]
