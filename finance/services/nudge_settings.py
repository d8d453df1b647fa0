"""Who gets scheduled nudges: each person's opt-out (all of them, or kind by kind) and quiet hours,
and whether a business lets KAVI remind its customers by itself."""

from datetime import datetime, time, timedelta

from sqlmodel import Session

from finance.models import Business, Member, Person, Role
from finance.services.access import require_role
from finance.services.activity import log_activity

NUDGE_KINDS = ("digest", "overdue", "budgets", "weekly", "recurring")


def kinds_off(person: Person) -> set[str]:
    return {k for k in person.nudges_off.split(",") if k}


def wants(person: Person, kind: str) -> bool:
    return person.nudges and kind not in kinds_off(person)


def set_nudges(session: Session, *, person: Person, on: bool, kind: str | None = None) -> Person:
    """All nudges on or off, or one kind: turning everything back on clears the kinds turned off."""
    if kind is None:
        person.nudges = on
        if on:
            person.nudges_off = ""
    else:
        off = kinds_off(person) - {kind} if on else kinds_off(person) | {kind}
        person.nudges_off = ",".join(sorted(off))
        if on:
            person.nudges = True
    session.add(person)
    session.flush()
    return person


def set_quiet_hours(session: Session, *, person: Person, start: int, end: int) -> Person:
    """Quiet from `start` to `end` (minutes after local midnight; across midnight when start > end)."""
    person.quiet_from, person.quiet_to = start % (24 * 60), end % (24 * 60)
    session.add(person)
    session.flush()
    return person


def set_auto_remind(session: Session, *, actor: Member, business: Business, on: bool) -> Business:
    """Customers get reminders from KAVI itself only when an admin turned this on."""
    require_role(actor, Role.admin)
    business.auto_remind = on
    session.add(business)
    log_activity(session, actor=actor, action="settings", entity="business", entity_id=business.id,
                 after={"auto_remind": on})  # fmt: skip
    session.flush()
    return business


def quiet_until(person: Person, local: datetime) -> datetime | None:
    """The end of the person's quiet hours when `local` (their time) falls in them, else None."""
    minute = local.hour * 60 + local.minute
    start, end = person.quiet_from, person.quiet_to
    inside = (start <= minute or minute < end) if start > end else (start <= minute < end)
    if not inside or start == end:
        return None
    ends = datetime.combine(local.date(), time(end // 60, end % 60), tzinfo=local.tzinfo)
    return ends if ends > local else ends + timedelta(days=1)
