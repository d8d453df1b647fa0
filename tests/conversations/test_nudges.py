"""Scheduled nudges over a simulated week, on both databases, with a controlled clock: digests,
overdue invoices, budgets, the Friday report and recurring entries, each queued once however often the
scheduler runs, held through quiet hours, none after opting out, and one each from two schedulers."""

import threading
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.notices import held
from bot.records.models import Outbox
from bot.scheduler import NudgeScheduler, run_nudges
from finance.models import Member, Transaction
from finance.money import D
from finance.services.ledger import record_transaction
from tests.chat import ChatTester

NAIROBI = ZoneInfo("Africa/Nairobi")
MONDAY = date(2026, 11, 23)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=NAIROBI)


def _week(engine: Engine, start: date, days: int = 7, until: datetime | None = None) -> None:
    """The scheduler's ticks through the days, an hour at a time (each tick covers the hour before)."""
    tick = _at(start, 0)
    end = until or _at(start + timedelta(days=days), 0)
    while tick < end:
        run_nudges(engine, tick + timedelta(hours=1), since=tick)
        tick += timedelta(hours=1)


def _rows(engine: Engine) -> list[Outbox]:
    with Session(engine) as session:
        return list(session.exec(select(Outbox).where(col(Outbox.kind).startswith("nudge_")).order_by(Outbox.id)))


def _kinds(engine: Engine) -> Counter[str]:
    return Counter(row.kind.removeprefix("nudge_") for row in _rows(engine))


def _texts(engine: Engine, kind: str) -> list[str]:
    return [str((row.payload or {}).get("text")) for row in _rows(engine) if row.kind == f"nudge_{kind}"]


def _a_week_of_books(engine: Engine) -> ChatTester:
    chat = ChatTester(engine, today=MONDAY)
    chat.onboard()
    chat.say("sold 5000")
    chat.say("invoice Otieno 3 bags of cement at 750 due tomorrow")
    chat.say("transport budget 1000 a week")
    assert "🔁" in chat.say("nauli 100 kila siku")
    return chat


def test_a_week_of_nudges_each_once(engine: Engine) -> None:
    _a_week_of_books(engine)
    _week(engine, MONDAY)
    kinds = _kinds(engine)
    # The boda fare repeats daily: Tuesday to Sunday, and Monday's is the one typed.
    assert kinds["recurring"] == 6
    assert kinds["weekly"] == 1
    # INV-0001 was due Tuesday: nudged on Wednesday, the first day late (and next on the Wednesday after).
    assert kinds["overdue"] == 1
    # Six daily fares of Ksh 100 on a Ksh 1,000 weekly budget reach 70 % by Sunday: no budget nudge yet.
    assert kinds["budgets"] == 0
    # A digest every day from Tuesday (something happened the day before: fares, the invoice going late).
    assert kinds["digest"] == 6
    with Session(engine) as session:
        fares = session.exec(select(Transaction).where(Transaction.category == "transport")).all()
        assert sorted(t.occurred_on for t in fares) == [MONDAY + timedelta(days=i) for i in range(7)]

    before = [(row.kind, row.subject, row.period) for row in _rows(engine)]
    _week(engine, MONDAY)  # the same week again: a restarted scheduler catching up sends nothing twice
    assert [(row.kind, row.subject, row.period) for row in _rows(engine)] == before
    with Session(engine) as session:
        assert len(session.exec(select(Transaction).where(Transaction.category == "transport")).all()) == 7

    wednesday = MONDAY + timedelta(days=2)
    digest = next(r for r in _rows(engine) if r.kind == "nudge_digest" and r.period == wednesday.isoformat())
    text = str((digest.payload or {})["text"])
    assert text.startswith("☀️ Good morning! Yesterday: Ksh 0 in, Ksh 100 out.")
    assert "⏰ Now overdue: INV-0001 Otieno Ksh 2,250." in text
    overdue = next(r for r in _rows(engine) if r.kind == "nudge_overdue")
    assert overdue.period == wednesday.isoformat()
    assert (overdue.payload or {})["choices"] == ["Remind Otieno", "Request M-Pesa payment", "Snooze a week"]
    weekly = next(r for r in _rows(engine) if r.kind == "nudge_weekly")
    assert weekly.period == (MONDAY + timedelta(days=4)).isoformat()
    assert (weekly.payload or {}).get("image")  # the week's cash-flow chart goes with it


def test_recurring_entries_wait_for_the_end_of_quiet_hours(engine: Engine) -> None:
    _a_week_of_books(engine)
    _week(engine, MONDAY, until=_at(MONDAY + timedelta(days=1), 7))
    (row,) = [r for r in _rows(engine) if r.kind == "nudge_recurring"]
    payload = row.payload or {}
    assert payload["text"] == "🔁 Recorded expense: Ksh 100 for transport (every day), today."
    assert payload["choices"] == ["Undo"]
    assert payload["not_before"] == _at(MONDAY + timedelta(days=1), 7).isoformat()
    assert held(payload, _at(MONDAY + timedelta(days=1), 6, 59))
    assert not held(payload, _at(MONDAY + timedelta(days=1), 7))
    # Nothing else is pushed in quiet hours: every nudge made between 21:00 and 07:00 is held.
    _week(engine, MONDAY + timedelta(days=1), days=6)
    for row in _rows(engine):
        made = datetime.fromisoformat(row.period)  # the day; the kind's hour says when it was made
        assert row.kind != "nudge_recurring" or (row.payload or {}).get("not_before"), made


def test_quiet_hours_set_in_the_chat_hold_the_morning_digest(engine: Engine) -> None:
    chat = _a_week_of_books(engine)
    assert chat.say("quiet hours 22:00 to 08:00") == (
        "🌙 Quiet hours: 22:00 to 08:00. Nothing scheduled reaches you then; it waits until 08:00."
    )
    assert chat.say("quiet hours").startswith("From when to when?")
    tuesday = MONDAY + timedelta(days=1)
    _week(engine, MONDAY, days=1, until=_at(tuesday, 7))
    run_nudges(engine, _at(tuesday, 7, 30), since=_at(tuesday, 7))  # the minute's tick at 07:30
    digest = next(r for r in _rows(engine) if r.kind == "nudge_digest")
    assert (digest.payload or {})["not_before"] == _at(MONDAY + timedelta(days=1), 8).isoformat()


def test_no_nudges_after_opting_out_and_back_in(engine: Engine) -> None:
    chat = _a_week_of_books(engine)
    assert chat.say("stop reminders").startswith("🔕")
    _week(engine, MONDAY, days=3)
    assert _rows(engine) == []
    with Session(engine) as session:  # the fares are still recorded: opting out stops messages, not books
        assert len(session.exec(select(Transaction).where(Transaction.category == "transport")).all()) == 3
    assert chat.say("acha ujumbe wa asubuhi").startswith("🔕")
    assert chat.say("start reminders").startswith("🔔")
    assert chat.say("stop the morning digest") == "🔕 OK, no more morning digests."
    _week(engine, MONDAY + timedelta(days=3), days=2)
    kinds = _kinds(engine)
    assert kinds["digest"] == 0 and kinds["recurring"] == 2


def test_a_budget_crossed_outside_the_chat_is_nudged_once(engine: Engine) -> None:
    _a_week_of_books(engine)
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        # An entry that reached the books without a chat reply (a forwarded statement, another member).
        record_transaction(
            session, actor=member, kind="expense", amount=D("800"), category="transport", occurred_on=MONDAY
        )
        session.commit()
    _week(engine, MONDAY, days=2)
    # 80 % on Monday (the Ksh 800 and the day's fare), 100 % on Tuesday (its fare): each told once.
    assert _texts(engine, "budgets") == [
        "⚠️ Transport budget: Ksh 900 of Ksh 1,000 (90%) with 7 days left.",
        "🚨 Transport budget used up: Ksh 1,000 of Ksh 1,000 (100%) with 6 days left.",
    ]


def test_the_overdue_buttons_snooze_a_week(engine: Engine) -> None:
    chat = _a_week_of_books(engine)
    _week(engine, MONDAY, days=3)
    # The test channel cannot push: the nudges wait for the owner's next message and come before its answer.
    chat.today = MONDAY + timedelta(days=2)
    chat.push("what's my balance?")
    shown = list(chat.replies)
    chat.replies.clear()
    notice = next(r for r in shown if r.text.startswith("⏰ INV-0001"))
    assert notice.text == "⏰ INV-0001 for Otieno: Ksh 2,250 was due yesterday (1 day late)."
    assert chat.tap(notice, "Snooze a week") == "😴 OK, no nudges about INV-0001 until Wed 2 Dec."
    _week(engine, MONDAY + timedelta(days=3), days=10)
    days = [r.period for r in _rows(engine) if r.kind == "nudge_overdue"]
    assert days == ["2026-11-25", "2026-12-02"]


def test_two_schedulers_send_each_nudge_once(engine: Engine) -> None:
    _a_week_of_books(engine)
    friday = MONDAY + timedelta(days=4)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def lead() -> None:
        try:
            barrier.wait()
            _week(engine, MONDAY, days=5)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=lead) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    keys = [(row.kind, row.subject, row.period) for row in _rows(engine)]
    assert len(keys) == len(set(keys))
    assert _kinds(engine)["weekly"] == 1
    with Session(engine) as session:
        fares = session.exec(select(Transaction).where(Transaction.category == "transport")).all()
        assert len(fares) == 5  # Monday's typed, Tuesday to Friday recorded once each
    assert friday.weekday() == 4


def test_only_one_scheduler_leads(engine: Engine) -> None:
    first, second = NudgeScheduler(engine), NudgeScheduler(engine)
    try:
        assert first.leader.try_lead()
        # On PostgreSQL the advisory lock is taken; on SQLite (one machine) each process leads, and the
        # outbox keys are what keep the nudges to once.
        assert second.leader.try_lead() == (engine.dialect.name != "postgresql")
    finally:
        first.stop()
        second.stop()


def _reminders(engine: Engine) -> list[tuple[str, str]]:
    with Session(engine) as session:
        rows = session.exec(select(Outbox).where(Outbox.kind == "reminder").order_by(Outbox.id)).all()
        return [(row.period, str((row.payload or {}).get("phone"))) for row in rows]


def _answer(chat: ChatTester, text: str) -> str:
    """KAVI's answer to a message, after the nudges that waited for it (the test channel cannot push)."""
    chat.push(text)
    answer = chat.replies.pop().text
    chat.replies.clear()
    return answer


def test_customers_are_reminded_only_once_the_owner_turned_it_on(engine: Engine) -> None:
    chat = ChatTester(engine, today=MONDAY, can_push_to_phone=True)
    chat.onboard()
    chat.say("invoice Otieno 3 bags of cement at 750 due tomorrow")
    assert "0712345678" in chat.say("Otieno's number is 0712 345 678").replace(" ", "").replace("+254", "0")
    _week(engine, MONDAY, days=3)
    assert _reminders(engine) == []  # never opted in: no customer hears from KAVI by itself
    assert _answer(chat, "remind customers automatically").startswith("🔔 I will remind customers")
    _week(engine, MONDAY + timedelta(days=3), days=6)
    # Due Tuesday 24th: the due date passed before it was turned on; 3 days after (Fri 27th) and 7 days
    # after (Tue 1 Dec) it goes.
    assert _reminders(engine) == [("2026-11-27", "+254712345678"), ("2026-12-01", "+254712345678")]
    with Session(engine) as session:
        text = str(session.exec(select(Outbox).where(Outbox.kind == "reminder")).first().payload["text"])  # type: ignore[union-attr, index]
    assert "Otieno" in text and "INV-0001" in text and "Ksh 2,250" in text
    # The owner asking on a day the schedule already reminded: no second message that day.
    chat.today = date(2026, 12, 1)
    assert "already" in _answer(chat, "remind Otieno").lower()
    assert len(_reminders(engine)) == 2
    assert _answer(chat, "stop reminding customers").startswith("🔕")
