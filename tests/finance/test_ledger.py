from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.errors import AccessDenied, DuplicateReference, InvalidAmount, InvalidCategory, NotFound
from finance.models import ActivityLog, Member, Person, Role, Transaction
from finance.services.ledger import (
    edit_last,
    edit_transaction,
    recent_transactions,
    record_transaction,
    redo_last,
    undo_last,
)
from finance.services.members import register_person, start_business
from finance.services.reports import summarise

DAY = date(2026, 11, 22)


def _founder(session: Session, who: str) -> Member:
    person = register_person(session, channel="test", external_user_id=who, name=who)
    return start_business(session, founder=person, name=f"{who}'s shop")


def _join(session: Session, admin: Member, who: str, role: Role) -> Member:
    person = register_person(session, channel="test", external_user_id=who, name=who)
    member = Member(business_id=admin.business_id, person_id=person.id, role=role, created_by=admin.person_id)
    session.add(member)
    session.flush()
    return member


def _spend(session: Session, actor: Member, amount: str, category: str = "rent", **kw: object) -> Transaction:
    return record_transaction(
        session,
        actor=actor,
        kind="expense",
        amount=Decimal(amount),
        category=category,
        occurred_on=kw.pop("occurred_on", DAY),
        **kw,
    )  # type: ignore[arg-type]


def test_record_stores_cents_and_logs(engine: Engine) -> None:
    with Session(engine) as session:
        owner = _founder(session, "amina")
        txn = _spend(session, owner, "15000.50")
        session.commit()
        stored = session.get(Transaction, txn.id)
        assert stored is not None
        assert stored.amount_cents == 1500050
        assert stored.created_by == owner.person_id
        assert stored.created_at.tzinfo is not None
        log = session.exec(
            select(ActivityLog).where(ActivityLog.entity == "transaction", ActivityLog.entity_id == txn.id)
        ).one()
        assert log.action == "record" and log.after and log.after["amount"] == "15000.5"


@pytest.mark.parametrize(
    ("amount", "reason"),
    [("0", "not_positive"), ("-5", "not_positive"), ("100000000.01", "too_large"), ("1.001", "too_precise")],
)
def test_bad_amounts_are_refused_and_nothing_stored(engine: Engine, amount: str, reason: str) -> None:
    with Session(engine) as session:
        owner = _founder(session, "amina")
        with pytest.raises(InvalidAmount) as caught:
            _spend(session, owner, amount)
        assert caught.value.reason == reason
        session.commit()
        assert session.exec(select(Transaction)).all() == []


def test_category_must_match_kind(engine: Engine) -> None:
    with Session(engine) as session:
        owner = _founder(session, "amina")
        with pytest.raises(InvalidCategory):
            record_transaction(session, actor=owner, kind="income", amount=Decimal(5), category="rent", occurred_on=DAY)


def test_reference_is_unique_per_business_only(engine: Engine) -> None:
    with Session(engine) as session:
        a = _founder(session, "amina")
        b = _founder(session, "baraka")
        _spend(session, a, "100", reference="QFT3XYZ12")
        with pytest.raises(DuplicateReference):
            _spend(session, a, "100", reference="qft3xyz12")
        _spend(session, b, "100", reference="QFT3XYZ12")  # another business may hold the same code
        session.commit()
        assert len(session.exec(select(Transaction)).all()) == 2


def test_undo_redo_edit_are_real_features(engine: Engine) -> None:
    with Session(engine) as session:
        owner = _founder(session, "amina")
        first = _spend(session, owner, "100", "meals")
        second = _spend(session, owner, "15000", "rent")
        undone = undo_last(session, actor=owner)
        assert undone is not None and undone.id == second.id and undone.deleted_at is not None
        # The next undo takes the one before it.
        assert undo_last(session, actor=owner).id == first.id  # type: ignore[union-attr]
        assert redo_last(session, actor=owner).id == first.id  # type: ignore[union-attr]
        assert redo_last(session, actor=owner).id == second.id  # type: ignore[union-attr]
        assert redo_last(session, actor=owner) is None
        edited = edit_last(session, actor=owner, amount=Decimal("1500"), category="transport")
        assert edited is not None and edited.amount_cents == 150000 and edited.category == "transport"
        session.commit()
        actions = [
            a.action
            for a in session.exec(
                select(ActivityLog).where(ActivityLog.entity == "transaction").order_by(ActivityLog.id)
            ).all()
        ]
        assert actions == ["record", "record", "undo", "undo", "redo", "redo", "edit"]
        edit = session.exec(select(ActivityLog).where(ActivityLog.action == "edit")).one()
        assert edit.before and edit.before["amount"] == "15000" and edit.after and edit.after["amount"] == "1500"


def test_editing_to_an_income_category_flips_the_kind(engine: Engine) -> None:
    with Session(engine) as session:
        owner = _founder(session, "amina")
        _spend(session, owner, "700", "other")
        edited = edit_last(session, actor=owner, category="sales")
        assert edited is not None and edited.kind == "income"


def test_businesses_are_isolated(engine: Engine) -> None:
    with Session(engine) as session:
        a = _founder(session, "amina")
        b = _founder(session, "baraka")
        theirs = _spend(session, b, "999")
        _spend(session, a, "100")
        assert [t.amount_cents for t in recent_transactions(session, actor=a)] == [10000]
        with pytest.raises(NotFound):
            edit_transaction(session, actor=a, transaction_id=theirs.id, amount=Decimal(1))  # type: ignore[arg-type]
        assert summarise(session, actor=a, start=DAY, end=DAY).expenses == Decimal("100.00")


def test_roles(engine: Engine) -> None:
    with Session(engine) as session:
        owner = _founder(session, "amina")
        viewer = _join(session, owner, "auditor", Role.viewer)
        staff = _join(session, owner, "cashier", Role.staff)
        with pytest.raises(AccessDenied):
            _spend(session, viewer, "100")
        mine = _spend(session, staff, "100")
        owners = _spend(session, owner, "200")
        # staff undo only what they recorded; admins may correct anyone's entry
        with pytest.raises(NotFound):
            edit_transaction(session, actor=staff, transaction_id=owners.id, amount=Decimal(5))  # type: ignore[arg-type]
        edit_transaction(session, actor=owner, transaction_id=mine.id, amount=Decimal(150))  # type: ignore[arg-type]
        assert undo_last(session, actor=staff).id == mine.id  # type: ignore[union-attr]
        # viewers still read the figures
        assert summarise(session, actor=viewer, start=DAY, end=DAY).expenses == Decimal("200.00")


def test_summaries_by_period_category_and_counterparty(engine: Engine) -> None:
    with Session(engine) as session:
        owner = _founder(session, "amina")
        _spend(session, owner, "15000", "rent", occurred_on=DAY - timedelta(days=30))
        _spend(session, owner, "300", "transport", counterparty="Boda Joe")
        _spend(session, owner, "200", "transport")
        record_transaction(
            session, actor=owner, kind="income", amount=Decimal("4500"), category="sales", occurred_on=DAY
        )
        deleted = _spend(session, owner, "50000", "equipment")
        undo_last(session, actor=owner)
        assert deleted.deleted_at is not None
        month = summarise(session, actor=owner, start=DAY.replace(day=1), end=DAY)
        assert (month.income, month.expenses, month.profit) == (
            Decimal("4500.00"),
            Decimal("500.00"),
            Decimal("4000.00"),
        )
        assert month.by_category == {"sales": Decimal("4500.00"), "transport": Decimal("500.00")}
        # the balance counts everything up to the end, the old rent included
        assert month.balance == Decimal("-11000.00")
        fuel = summarise(session, actor=owner, start=DAY, end=DAY, category="transport")
        assert fuel.expenses == Decimal("500.00")
        joe = summarise(session, actor=owner, start=DAY, end=DAY, counterparty="boda joe")
        assert joe.expenses == Decimal("300.00")


def test_people_are_unique_per_channel_identity(engine: Engine) -> None:
    with Session(engine) as session:
        register_person(session, channel="web", external_user_id="abc", name="A")
        session.commit()
        with pytest.raises(Exception):  # noqa: B017 - the database's unique constraint, whatever the driver
            register_person(session, channel="web", external_user_id="abc", name="B")
        session.rollback()
        assert len(session.exec(select(Person)).all()) == 1
