"""Runs the nudges due at a moment: per business, in its own time zone, each kind composed from the
books and queued to every admin who wants it, keyed by (kind, subject, person, day) so that a second
run, or a second scheduler, queues nothing new. Quiet hours hold a nudge until they end."""

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from conversations.notices import NoticeBox, acting_admin, admins
from conversations.nudges.budgets import budget_nudges
from conversations.nudges.customers import customer_reminders
from conversations.nudges.digest import digest
from conversations.nudges.overdue import overdue
from conversations.nudges.plan import NUDGE_TIMES, Books, Nudge
from conversations.nudges.recurring import recurring
from conversations.nudges.weekly import weekly
from finance.models import Business, Person
from finance.services.nudge_settings import quiet_until, wants

COMPOSERS: dict[str, Callable[[Books], list[Nudge]]] = {
    "recurring": recurring,
    "digest": digest,
    "overdue": overdue,
    "customers": customer_reminders,
    "budgets": budget_nudges,
    "weekly": weekly,
}


@dataclass(frozen=True)
class Queued:
    """One nudge queued (or, in a dry run, that would be) for one person."""

    business: str
    kind: str
    to: str
    text: str
    held_until: datetime | None
    new: bool


def due_kinds(local: datetime, since: datetime | None = None) -> list[str]:
    """The kinds whose time, in the business's own time, falls after `since` and by `local` (default:
    this very minute). A window lets a scheduler that was down catch up; the outbox keys keep each
    nudge to once a day."""
    since = since or local - timedelta(minutes=1)
    due = []
    for kind, (weekday, hour, minute) in NUDGE_TIMES.items():
        at = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if (weekday is None or at.weekday() == weekday) and since < at <= local:
            due.append(kind)
    return due


def run_at(
    session: Session,
    outbox: NoticeBox,
    at: datetime,
    since: datetime | None = None,
    kinds: list[str] | None = None,
    public_url: str | None = None,
) -> list[Queued]:
    """Every business's nudges due at `at` (aware), or in (since, at]; with `kinds`, those kinds
    whatever the time."""
    queued: list[Queued] = []
    for business in session.exec(select(Business).order_by(col(Business.id))).all():
        zone = ZoneInfo(business.timezone or "Africa/Nairobi")
        local = at.astimezone(zone)
        window = since.astimezone(zone) if since is not None else None
        for kind in kinds if kinds is not None else due_kinds(local, window):
            queued.extend(run_kind(session, outbox, business, kind, local, public_url))
    return queued


def run_kind(
    session: Session, outbox: NoticeBox, business: Business, kind: str, local: datetime, public_url: str | None = None
) -> list[Queued]:
    try:
        member = acting_admin(session, business)
    except LookupError:
        return []  # a business with no admin left has nobody to tell
    owner = session.get(Person, member.person_id)
    books = Books(session, business, member, local.date(), owner.language if owner else "en", public_url)
    return [q for nudge in COMPOSERS[kind](books) for q in _queue(session, outbox, business, nudge, local)]


def _queue(session: Session, outbox: NoticeBox, business: Business, nudge: Nudge, local: datetime) -> list[Queued]:
    if nudge.phone:
        return [_to_customer(outbox, business, nudge, local)]
    queued: list[Queued] = []
    for _, person, identity in admins(session, business.id or 0):
        if identity is None or not wants(person, nudge.kind):
            continue
        lang = person.language if person.language in nudge.text else "en"
        held = quiet_until(person, local)
        payload: dict[str, Any] = {
            "channel": identity.channel,
            "to": identity.external_user_id,
            "text": nudge.text[lang],
            "choices": nudge.choices.get(lang, []),
        }
        if nudge.question is not None:
            payload["question"] = {"name": nudge.question[0], "slots": nudge.question[1]}
        if nudge.image is not None:
            payload["image"] = base64.b64encode(nudge.image).decode()
        if held is not None:
            payload["not_before"] = held.isoformat()
        new = outbox.queue(
            business_id=business.id or 0,
            kind=f"nudge_{nudge.kind}",
            subject=f"{nudge.subject}:{person.id}",
            period=_day(local.date()),
            payload=payload,
        )
        queued.append(Queued(business.name, nudge.kind, identity.external_user_id, nudge.text[lang], held, new))
    return queued


def _to_customer(outbox: NoticeBox, business: Business, nudge: Nudge, local: datetime) -> Queued:
    """Keyed like a reminder the owner asks for (kind `reminder`, the invoice, the day)."""
    text = next(iter(nudge.text.values()))
    new = outbox.queue(
        business_id=business.id or 0,
        kind="reminder",
        subject=nudge.subject,
        period=_day(local.date()),
        payload={"phone": nudge.phone, "customer": nudge.customer, "text": text},
    )
    return Queued(business.name, nudge.kind, str(nudge.phone), text, None, new)


def _day(day: date) -> str:
    return day.isoformat()
