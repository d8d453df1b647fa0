"""The daily totals PostgreSQL keeps by trigger agree with the entries through recordings, edits,
undos, redos and deletes; summaries read from them (PostgreSQL) or from the entries (SQLite) give
the same figures on both databases."""

from collections import defaultdict
from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from finance.models import DailyTotal, Member, Transaction
from finance.services.reports import balance, summarise
from tests.chat import ChatTester

DAY = date(2026, 11, 20)


def _from_entries(session: Session) -> dict[tuple[date, str, str], int]:
    sums: dict[tuple[date, str, str], int] = defaultdict(int)
    for t in session.exec(select(Transaction).where(col(Transaction.deleted_at).is_(None))).all():
        sums[(t.occurred_on, t.kind, t.category)] += t.amount_cents
    return dict(sums)


def _rolled(session: Session) -> dict[tuple[date, str, str], int]:
    rows = session.exec(select(DailyTotal).where(DailyTotal.entries > 0)).all()
    return {(r.day, r.kind, r.category): r.cents for r in rows}


def test_totals_follow_every_change_and_summaries_agree(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    for line in ("sold 5000", "paid rent 15000", "no, it was 12000", "fuel 300 yesterday", "undo", "redo",
                 "sold 700", "undo", "bought stock 2,500 on 3 november", "no, it was jana"):  # fmt: skip
        chat.say(line)
    with Session(engine) as session:
        if engine.dialect.name == "postgresql":
            session.connection().execute(text("DELETE FROM \"transaction\" WHERE category = 'sales'"))
            assert _rolled(session) == _from_entries(session)
        member = session.exec(select(Member)).one()
        month = summarise(session, actor=member, start=date(2026, 11, 1), end=DAY)
        expected = _from_entries(session)
        spent = sum(c for (d, k, _), c in expected.items() if k == "expense" and d >= date(2026, 11, 1))
        earned = sum(c for (d, k, _), c in expected.items() if k == "income" and d >= date(2026, 11, 1))
        assert (int(month.expenses * 100), int(month.income * 100)) == (spent, earned)
        assert month.count == len(session.exec(select(Transaction).where(col(Transaction.deleted_at).is_(None))).all())
        assert int(balance(session, actor=member, as_of=DAY) * 100) == earned - spent
        assert month.by_category.get("rent") and "meals" not in month.by_category
