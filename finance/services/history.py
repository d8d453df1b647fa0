"""The books' history for "who recorded the 5k fuel?" / "what changed today?": activity log entries,
newest first, with who made them, filtered by the entry they touched (category, amount, party) and
by the days (when the change was made, or the day of the entry it touched)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from finance.models import ActivityLog, Member, Person
from finance.money import D, MoneyError
from finance.name_match import SAME_NAME, rank_by_name

SCANNED = 2000  # the newest entries looked through: a chat answer, not an audit export


@dataclass(frozen=True)
class Change:
    entry: ActivityLog
    person: Person | None

    @property
    def touched(self) -> dict[str, Any]:
        """The entry as it stands after the change (or before it, for a removal)."""
        return self.entry.after or self.entry.before or {}


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    category: str | None = None
    counterparty: str | None = None
    amount: Decimal | None = None
    person_ids: frozenset[int] | None = None


def changes(session: Session, *, actor: Member, filters: Filters, timezone: str, limit: int = 50) -> list[Change]:
    """Any member may read the history of their own business; nothing of another's."""
    query = select(ActivityLog).where(ActivityLog.business_id == actor.business_id)
    if filters.person_ids is not None:
        query = query.where(col(ActivityLog.person_id).in_(filters.person_ids))
    rows = session.exec(query.order_by(col(ActivityLog.id).desc()).limit(SCANNED)).all()
    people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_({r.person_id for r in rows})))}
    zone = ZoneInfo(timezone)
    found = [Change(row, people.get(row.person_id)) for row in rows if _matches(row, filters, zone)]
    return found[:limit]


def _matches(row: ActivityLog, filters: Filters, zone: ZoneInfo) -> bool:
    sides = [side for side in (row.before, row.after) if side]
    if filters.start is not None and filters.end is not None:
        made = row.created_at.astimezone(zone).date()
        days = {made} | {_day(side.get("date")) for side in sides} - {None}
        if not any(filters.start <= d <= filters.end for d in days if d is not None):
            return False
    if filters.category and not any(side.get("category") == filters.category for side in sides):
        return False
    if filters.amount is not None and not any(_amount(side.get("amount")) == filters.amount for side in sides):
        return False
    if filters.counterparty:
        names = [str(side.get("counterparty") or side.get("customer") or side.get("name") or "") for side in sides]
        ranked = rank_by_name(filters.counterparty, names, names)
        if not ranked or ranked[0][1] < SAME_NAME - 10:
            return False
    return True


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _amount(value: Any) -> Decimal | None:
    try:
        return D(str(value)) if value not in (None, "") else None
    except MoneyError:
        return None


def members_named(session: Session, *, actor: Member, name: str) -> frozenset[int]:
    """The people of this business whose name is (close to) `name`: "Brian" finds Brian Otieno."""
    rows = session.exec(
        select(Person)
        .join(Member, col(Member.person_id) == col(Person.id))
        .where(Member.business_id == actor.business_id)
    ).all()
    ranked = rank_by_name(name, list(rows), [p.name or "" for p in rows])
    return frozenset(p.id for p, score in ranked if score >= SAME_NAME - 10 and p.id is not None)
