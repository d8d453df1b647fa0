"""Recurring entries: set up from a record that says "every month", each occurrence recorded on its
day (missed days caught up, none twice), listed and stopped."""

import calendar
import contextlib
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from finance.clock import utcnow
from finance.errors import InvalidCategory, NotFound
from finance.models import Member, Role, Transaction
from finance.models.recurring import EVERY, Recurring
from finance.money import from_cents, to_cents
from finance.services.access import require_role
from finance.services.activity import log_activity
from finance.services.ledger import check_amount, record_transaction


def following(every: str, anchor: date, after: date) -> date:
    """The occurrence after `after`: the next day, the same weekday, or the anchor's day of the month
    (the 31st falls on a shorter month's last day)."""
    if every == "daily":
        return after + timedelta(days=1)
    if every == "weekly":
        return after + timedelta(days=7 - (after - anchor).days % 7 or 7)
    year, month = (after.year + 1, 1) if after.month == 12 else (after.year, after.month + 1)
    return date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


def start_recurring(
    session: Session,
    *,
    actor: Member,
    kind: str,
    amount: Decimal,
    category: str,
    every: str,
    anchor: date,
    counterparty: str | None = None,
) -> Recurring:
    """A schedule whose first occurrence is `anchor` (recorded by the caller); the next is after it."""
    require_role(actor, Role.staff)
    check_amount(amount)
    if every not in EVERY:
        raise InvalidCategory(f"{every!r} is not a repeat")
    schedule = Recurring(
        business_id=actor.business_id,
        kind=kind,
        amount_cents=to_cents(amount),
        category=category,
        counterparty=counterparty,
        every=every,
        anchor=anchor,
        next_on=following(every, anchor, anchor),
        created_by=actor.person_id,
    )
    session.add(schedule)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="repeat",
        entity="recurring",
        entity_id=schedule.id,
        after={"kind": kind, "amount": str(amount), "category": category, "every": every},
    )
    return schedule


def active(session: Session, *, actor: Member) -> list[Recurring]:
    return list(
        session.exec(
            select(Recurring)
            .where(Recurring.business_id == actor.business_id, col(Recurring.stopped_at).is_(None))
            .order_by(col(Recurring.id))
        ).all()
    )


def stop_recurring(session: Session, *, actor: Member, recurring_id: int) -> Recurring:
    require_role(actor, Role.staff)
    schedule = session.get(Recurring, recurring_id)
    if schedule is None or schedule.business_id != actor.business_id or schedule.stopped_at is not None:
        raise NotFound("recurring", recurring_id)
    schedule.stopped_at = utcnow()
    session.add(schedule)
    log_activity(session, actor=actor, action="stop", entity="recurring", entity_id=schedule.id, after={})
    return schedule


def record_due(session: Session, *, actor: Member, today: date) -> list[Transaction]:
    """Records every occurrence due up to today, each once: a second scheduler doing the same finds the
    day taken (unique per schedule and day) and moves on."""
    recorded: list[Transaction] = []
    for schedule in active(session, actor=actor):
        while schedule.next_on <= today:
            with contextlib.suppress(IntegrityError):  # recorded already, by another run
                recorded.append(
                    record_transaction(
                        session,
                        actor=actor,
                        kind=schedule.kind,
                        amount=from_cents(schedule.amount_cents),
                        category=schedule.category,
                        occurred_on=schedule.next_on,
                        counterparty=schedule.counterparty,
                        recurring_id=schedule.id,
                    )
                )
            schedule.next_on = following(schedule.every, schedule.anchor, schedule.next_on)
            session.add(schedule)
    session.flush()
    return recorded
