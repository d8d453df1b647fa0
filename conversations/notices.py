"""Messages KAVI starts: to the business's admins (a payment came in, a request failed) and to
customers (a reminder). Handed to a `NoticeBox` as data; the bot layer stores them in its outbox,
pushes them, or shows them on the person's next message where it cannot push."""

from typing import Any, Protocol

from sqlmodel import Session, col, select

from conversations.texts import t
from finance.models import Business, ChannelIdentity, Member, Person, Role


class NoticeBox(Protocol):
    """Where notices go. The key (business, kind, subject, period) is sent once: `queue` says False
    when that key was queued before (already reminded today, a callback delivered twice)."""

    def queue(self, *, business_id: int, kind: str, subject: str, period: str, payload: dict[str, Any]) -> bool: ...


def admins(session: Session, business_id: int) -> list[tuple[Member, Person, ChannelIdentity | None]]:
    """Each admin with the channel they last wrote on (where a notice will reach them). One query for
    all of them and their channels: every payment callback asks this twice."""
    rows = session.exec(
        select(Member, Person, ChannelIdentity)
        .join(Person, col(Person.id) == col(Member.person_id))
        .outerjoin(ChannelIdentity, col(ChannelIdentity.person_id) == col(Person.id))
        .where(Member.business_id == business_id, Member.role == Role.admin)
        .order_by(col(Member.id), col(ChannelIdentity.id))
    ).all()
    by_member: dict[int, tuple[Member, Person, list[ChannelIdentity]]] = {}
    for member, person, identity in rows:
        _, _, identities = by_member.setdefault(member.id or 0, (member, person, []))
        if identity is not None:  # an admin who never wrote on any channel has none
            identities.append(identity)
    found = []
    for member, person, identities in by_member.values():
        seen = [i for i in identities if i.last_seen_at is not None]
        latest = max(seen, key=lambda i: i.last_seen_at) if seen else (identities[0] if identities else None)  # type: ignore[arg-type, return-value]
        found.append((member, person, latest))
    return found


def acting_admin(session: Session, business: Business) -> Member:
    """Whom a callback acts as: the founder if still an admin, else any admin."""
    members = admins(session, business.id or 0)
    for member, person, _ in members:
        if person.id == business.created_by:
            return member
    if not members:
        raise LookupError(f"business {business.id} has no admin")
    return members[0][0]


def notify_admins(
    session: Session,
    outbox: NoticeBox,
    business: Business,
    *,
    kind: str,
    subject: str,
    key: str,
    values: dict[str, Any],
    choices: list[str] | None = None,
    question: tuple[str, dict[str, Any]] | None = None,
    worded: dict[str, str] | None = None,
) -> int:
    """Queues `key` (in each admin's language) once per admin and subject. With `question`, the
    notice asks it: it opens when the admin gets the notice. `worded` values are text keys, put in
    each admin's language. Returns how many were queued."""
    queued = 0
    for _, person, identity in admins(session, business.id or 0):
        if identity is None:
            continue
        lang = person.language
        payload: dict[str, Any] = {
            "channel": identity.channel,
            "to": identity.external_user_id,
            "text": t(key, lang, **values, **{k: t(v, lang, **values) for k, v in (worded or {}).items()}),
            "choices": [t(c, lang) for c in choices or []],
        }
        if question is not None:
            payload["question"] = {"name": question[0], "slots": question[1]}
        if outbox.queue(
            business_id=business.id or 0,
            kind=kind,
            subject=f"{subject}:{person.id}",
            period="-",
            payload=payload,
        ):
            queued += 1
    return queued
