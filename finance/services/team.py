"""The people of a business: invitations by code, joining on any channel, roles, removal and leaving,
and several businesses per person. A business always keeps at least one admin."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from finance.clock import utcnow
from finance.errors import NotFound, TeamRefused
from finance.models import (
    ActivityLog,
    Budget,
    Business,
    Customer,
    Invite,
    Invoice,
    Member,
    Person,
    Role,
    Supplier,
    Transaction,
)
from finance.phones import e164
from finance.services.access import require_role
from finance.services.activity import log_activity

INVITE_DAYS = 7
WRONG_CODES_LOCK = 5
# No 0/O or 1/I/L: a code read out on the phone or typed on a feature phone is not misread.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 8


@dataclass(frozen=True)
class TeamMember:
    member: Member
    person: Person


def _new_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_LENGTH))
        if code.isalpha() or code.isdigit():
            continue  # letters and digits both: "join" + a word is never taken for a code
        if session.exec(select(Invite).where(Invite.code == code)).first() is None:
            return code


def normal_code(text: str) -> str:
    """ "k7qx-m4pa" / "K7QX M4PA" -> "K7QXM4PA"."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def shown_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def team(session: Session, *, business_id: int) -> list[TeamMember]:
    rows = session.exec(
        select(Member, Person)
        .join(Person, col(Person.id) == col(Member.person_id))
        .where(Member.business_id == business_id)
        .order_by(col(Member.id))
    ).all()
    return [TeamMember(member, person) for member, person in rows]


def invite_member(
    session: Session, *, actor: Member, phone: str | None, role: str, now: datetime | None = None
) -> Invite:
    """A fresh code for the phone (an open invite to the same phone is replaced: one code at a time)."""
    require_role(actor, Role.admin)
    role = Role(role).value
    now = now or utcnow()
    number = e164(phone) if phone else None
    if number is not None:
        for found in team(session, business_id=actor.business_id):
            if found.person.phone == number:
                raise TeamRefused("already_member")
        for old in _open_invites(session, business_id=actor.business_id, phone=number, now=now):
            old.cancelled_at = now
            session.add(old)
    invite = Invite(
        business_id=actor.business_id,
        role=role,
        phone=number,
        code=_new_code(session),
        created_by=actor.person_id,
        created_at=now,
        expires_at=now + timedelta(days=INVITE_DAYS),
    )
    session.add(invite)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="invite",
        entity="invite",
        entity_id=invite.id,
        after={"role": role, "phone": number},
    )
    return invite


def open_invites(session: Session, *, business_id: int, now: datetime | None = None) -> list[Invite]:
    """The business's invites not yet accepted, cancelled, locked or expired."""
    return _open_invites(session, business_id=business_id, phone=None, now=now or utcnow())


def _open_invites(session: Session, *, business_id: int | None, phone: str | None, now: datetime) -> list[Invite]:
    query = select(Invite).where(
        col(Invite.accepted_at).is_(None),
        col(Invite.cancelled_at).is_(None),
        col(Invite.locked_at).is_(None),
        col(Invite.expires_at) > now,
    )
    if phone is not None:
        query = query.where(Invite.phone == phone)
    if business_id is not None:
        query = query.where(Invite.business_id == business_id)
    return list(session.exec(query))


def accept_invite(session: Session, *, person: Person, code: str, now: datetime | None = None) -> tuple[Member, Invite]:
    """Joins the invite's business with its role and makes it the person's current one. The same code
    sent again by the one who accepted it is no error (a message delivered twice)."""
    now = now or utcnow()
    invite = session.exec(select(Invite).where(Invite.code == normal_code(code))).first()
    if invite is None or invite.cancelled_at is not None:
        if person.phone:
            # Wrong codes from the invited phone count against its invites: five lock them.
            for open_invite in _open_invites(session, business_id=None, phone=person.phone, now=now):
                open_invite.wrong_codes += 1
                if open_invite.wrong_codes >= WRONG_CODES_LOCK:
                    open_invite.locked_at = now
                session.add(open_invite)
            session.flush()
        raise TeamRefused("wrong_code")
    if invite.accepted_at is not None:
        if invite.accepted_by == person.id:
            member = _membership(session, person, invite.business_id)
            if member is not None:
                return member, invite
        raise TeamRefused("used")
    if invite.locked_at is not None:
        raise TeamRefused("locked")
    if invite.expires_at <= now:
        raise TeamRefused("expired")
    member = _membership(session, person, invite.business_id)
    if member is None:
        member = Member(
            business_id=invite.business_id, person_id=person.id or 0, role=invite.role, created_by=invite.created_by
        )
        session.add(member)
    invite.accepted_at, invite.accepted_by = now, person.id
    session.add(invite)
    if invite.phone and not person.phone and not _phone_taken(session, invite.phone):
        person.phone = invite.phone  # the number the admin gave: reminders and SMS reach them there
    person.current_business_id = invite.business_id
    session.add(person)
    session.flush()
    _drop_empty_start(session, person, keep=invite.business_id)
    log_activity(
        session, actor=member, action="join", entity="member", entity_id=member.id, after={"role": member.role}
    )
    return member, invite


def accept_by_phone(
    session: Session, *, person: Person, phone: str, now: datetime | None = None
) -> tuple[Member, Invite]:
    """ "join" from the invited number itself (SMS or WhatsApp, where the channel vouches for the number):
    the newest open invite for it, no code needed."""
    now = now or utcnow()
    found = sorted(_open_invites(session, business_id=None, phone=phone, now=now), key=lambda i: i.created_at)
    if not found:
        # Already accepted by this person (the same "join" handled twice): the membership it made.
        done = session.exec(
            select(Invite).where(Invite.phone == phone, Invite.accepted_by == person.id).order_by(col(Invite.id).desc())
        ).first()
        if done is None:
            raise TeamRefused("no_invite")
        return accept_invite(session, person=person, code=done.code, now=now)
    return accept_invite(session, person=person, code=found[-1].code, now=now)


def _drop_empty_start(session: Session, person: Person, keep: int) -> None:
    """The unnamed, empty business made for a newcomer whose first message was a wrong code goes once
    they join the one they were invited to: nothing was kept in it but the person's own membership."""
    for member, business in memberships(session, person=person):
        if business.id == keep or business.named or business.created_by != person.id:
            continue
        if _holds_anything(session, business.id or 0):
            continue
        for row in session.exec(select(ActivityLog).where(ActivityLog.business_id == business.id)):
            session.delete(row)
        session.delete(member)
        session.flush()
        session.delete(business)
        session.flush()


def _holds_anything(session: Session, business_id: int) -> bool:
    for table in (Transaction, Customer, Supplier, Invoice, Budget, Member):
        query = select(table).where(table.business_id == business_id)  # type: ignore[attr-defined]
        if table is Member:
            query = query.where(Member.role != Role.admin)
        if session.exec(query.limit(1)).first() is not None:
            return True
    return False


def _label(session: Session, member: Member) -> str | None:
    person = session.get(Person, member.person_id)
    return (person.name or person.phone) if person else None


def _phone_taken(session: Session, phone: str) -> bool:
    return session.exec(select(Person).where(Person.phone == phone)).first() is not None


def _membership(session: Session, person: Person, business_id: int) -> Member | None:
    return session.exec(select(Member).where(Member.person_id == person.id, Member.business_id == business_id)).first()


def _admins_left(session: Session, business_id: int, without: Member) -> int:
    return sum(
        1
        for found in team(session, business_id=business_id)
        if found.member.role == Role.admin and found.member.id != without.id
    )


def change_role(session: Session, *, actor: Member, member: Member, role: str) -> Member:
    require_role(actor, Role.admin)
    role = Role(role).value
    if member.business_id != actor.business_id:
        raise NotFound("member", member.id)
    if member.role == Role.admin and role != Role.admin and _admins_left(session, member.business_id, member) == 0:
        raise TeamRefused("last_admin")
    before = {"role": member.role}
    member.role = role
    session.add(member)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="role",
        entity="member",
        entity_id=member.id,
        before=before,
        after={"role": role, "name": _label(session, member)},
    )
    return member


def remove_member(session: Session, *, actor: Member, member: Member) -> None:
    require_role(actor, Role.admin)
    if member.business_id != actor.business_id:
        raise NotFound("member", member.id)
    if member.id == actor.id:
        raise TeamRefused("self")  # leaving is its own step, with its own rule
    if member.role == Role.admin and _admins_left(session, member.business_id, member) == 0:
        raise TeamRefused("last_admin")
    _drop(session, actor=actor, member=member, action="remove")


def leave_business(session: Session, *, actor: Member) -> None:
    """The last admin cannot leave others without one; the only member leaves nothing behind to run."""
    others = [m for m in team(session, business_id=actor.business_id) if m.member.id != actor.id]
    if actor.role == Role.admin and others and _admins_left(session, actor.business_id, actor) == 0:
        raise TeamRefused("last_admin")
    if not others:
        raise TeamRefused("only_member")
    _drop(session, actor=actor, member=actor, action="leave")


def _drop(session: Session, *, actor: Member, member: Member, action: str) -> None:
    person = session.get(Person, member.person_id)
    log_activity(
        session,
        actor=actor,
        action=action,
        entity="member",
        entity_id=member.id,
        before={"role": member.role, "name": _label(session, member)},
    )
    session.delete(member)
    session.flush()
    if person is not None and person.current_business_id == member.business_id:
        rest = memberships(session, person=person)
        person.current_business_id = rest[0][1].id if rest else None
        session.add(person)
        session.flush()


def memberships(session: Session, *, person: Person) -> list[tuple[Member, Business]]:
    rows = session.exec(
        select(Member, Business)
        .join(Business, col(Business.id) == col(Member.business_id))
        .where(Member.person_id == person.id)
        .order_by(col(Member.id))
    ).all()
    return [(member, business) for member, business in rows]


def switch_to(session: Session, *, person: Person, business_id: int) -> Member:
    member = _membership(session, person, business_id)
    if member is None:
        raise NotFound("business", business_id)
    person.current_business_id = business_id
    session.add(person)
    session.flush()
    return member
