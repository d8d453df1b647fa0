"""The right to erasure (Kenya Data Protection Act 2019, s.40): "delete my data" waits seven days (a
"cancel deletion" restores everything), then the person's personal data is erased — name, phone,
channel ids — while the money records a business must keep for tax stay, de-identified. An admin may
ask for their whole business to go too: its customers' and suppliers' names and phones, counterparties
and notes are erased; amounts, dates, categories and invoice numbers stay. The activity log keeps
that things happened, without the personal data in them."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from finance.clock import utcnow
from finance.errors import TeamRefused
from finance.models import (
    ActivityLog,
    Business,
    ChannelIdentity,
    Customer,
    Invite,
    Member,
    PayerAlias,
    Payment,
    Person,
    Role,
    Supplier,
    Transaction,
)
from finance.services.activity import log_activity
from finance.services.receipts import expire_receipts

GRACE = timedelta(days=7)
_PERSONAL_KEYS = ("name", "phone", "counterparty", "customer", "payer", "note", "email")


@dataclass(frozen=True)
class Plan:
    """What "delete my data" would do: the person, and the businesses that go with them (ones they alone run)."""

    businesses: list[Business]
    shared: list[Business] = field(default_factory=list)  # run with others: the person just leaves them


@dataclass(frozen=True)
class Erased:
    """What the finance side erased; the bot layer scrubs its own records (messages, outbox) by these ids."""

    identities: list[tuple[str, str]]  # (channel, external user id)
    phones: list[str]
    businesses: list[int]


def plan_for(session: Session, *, person: Person) -> Plan:
    """A business the person alone belongs to goes with them; one they run with others stays, unless they
    are its only admin (then someone else must be made admin first, or the business deleted too)."""
    alone: list[Business] = []
    shared: list[Business] = []
    for member in session.exec(select(Member).where(Member.person_id == person.id)):
        business = session.get(Business, member.business_id)
        if business is None:
            continue
        others = session.exec(
            select(Member).where(Member.business_id == business.id, Member.person_id != person.id)
        ).all()
        if not others:
            alone.append(business)
        else:
            shared.append(business)
    return Plan(alone, shared)


def sole_admin_of(session: Session, *, person: Person, businesses: list[Business]) -> list[Business]:
    """The shared businesses that would be left without an admin."""
    stuck = []
    for business in businesses:
        admins = session.exec(select(Member).where(Member.business_id == business.id, Member.role == Role.admin)).all()
        if all(m.person_id == person.id for m in admins):
            stuck.append(business)
    return stuck


def request_erasure(
    session: Session, *, person: Person, with_businesses: list[Business], now: datetime | None = None
) -> datetime:
    """Starts the grace period; the businesses named go at the same time (the caller checked the
    person is their admin). Returns when the erasure will happen."""
    now = now or utcnow()
    plan = plan_for(session, person=person)
    if sole_admin_of(session, person=person, businesses=[b for b in plan.shared if b not in with_businesses]):
        raise TeamRefused("last_admin")
    due = now + GRACE
    person.erase_after = due
    session.add(person)
    for business in with_businesses:
        member = _member(session, person, business)
        if member is None or member.role != Role.admin:
            raise TeamRefused("not_admin")
        business.erase_after = due
        session.add(business)
        log_activity(session, actor=member, action="erase_requested", entity="business", entity_id=business.id)
    session.flush()
    return due


def cancel_erasure(session: Session, *, person: Person) -> bool:
    """ "cancel deletion" within the grace period: nothing is erased. False when nothing was pending."""
    if person.erase_after is None:
        return False
    due = person.erase_after
    person.erase_after = None
    session.add(person)
    for member in session.exec(select(Member).where(Member.person_id == person.id)):
        business = session.get(Business, member.business_id)
        if business is not None and business.erase_after == due and member.role == Role.admin:
            business.erase_after = None
            session.add(business)
            log_activity(session, actor=member, action="erase_cancelled", entity="business", entity_id=business.id)
    session.flush()
    return True


def due(session: Session, *, now: datetime) -> tuple[list[Business], list[Person]]:
    businesses = session.exec(
        select(Business).where(col(Business.erase_after).is_not(None), col(Business.erase_after) <= now)
    ).all()
    people = session.exec(
        select(Person).where(col(Person.erase_after).is_not(None), col(Person.erase_after) <= now)
    ).all()
    return list(businesses), list(people)


def erase_business(session: Session, *, business: Business, now: datetime | None = None) -> None:
    """The books stay, de-identified: no names, phones, counterparties or notes of anyone."""
    now = now or utcnow()
    bid = business.id
    for customer in session.exec(select(Customer).where(Customer.business_id == bid)):
        customer.name, customer.phone, customer.email, customer.note = f"Customer {customer.id}", None, None, None
        session.add(customer)
    for supplier in session.exec(select(Supplier).where(Supplier.business_id == bid)):
        supplier.name, supplier.phone, supplier.note = f"Supplier {supplier.id}", None, None
        session.add(supplier)
    for txn in session.exec(select(Transaction).where(Transaction.business_id == bid)):
        txn.counterparty, txn.phone, txn.note = None, None, None
        session.add(txn)
    for payment in session.exec(select(Payment).where(Payment.business_id == bid)):
        payment.payer_name, payment.payer_phone, payment.match_reason = None, None, None
        session.add(payment)
    for row in session.exec(select(PayerAlias).where(PayerAlias.business_id == bid)):
        session.delete(row)
    for invite in session.exec(select(Invite).where(Invite.business_id == bid)):
        session.delete(invite)
    expire_receipts(session, before=now, business_id=bid)
    _scrub_log(session, business_id=bid)
    for member in session.exec(select(Member).where(Member.business_id == bid)):
        session.delete(member)
    business.name = f"Deleted business {bid}"
    business.callback_token = None
    business.erase_after, business.erased_at = None, now
    session.add(business)
    session.flush()
    for person in session.exec(select(Person).where(Person.current_business_id == bid)):
        person.current_business_id = None
        session.add(person)
    session.flush()


def erase_person(session: Session, *, person: Person, now: datetime | None = None) -> Erased:
    """The person's own data; the entries they made stay (de-identified: made by an erased person)."""
    now = now or utcnow()
    identities = session.exec(select(ChannelIdentity).where(ChannelIdentity.person_id == person.id)).all()
    found = [(i.channel, i.external_user_id) for i in identities]
    phones = [person.phone] if person.phone else []
    for identity in identities:
        session.delete(identity)
    for invite in session.exec(select(Invite).where(col(Invite.phone).in_(phones))):
        invite.phone = None
        session.add(invite)
    businesses = []
    for member in session.exec(select(Member).where(Member.person_id == person.id)):
        businesses.append(member.business_id)
        session.delete(member)
    for business_id in businesses:
        _scrub_log(session, business_id=business_id, only=set(phones) | ({person.name} if person.name else set()))
    person.name, person.phone, person.telegram_user_id = None, None, None
    person.current_business_id, person.nudges = None, False
    person.erase_after, person.erased_at = None, now
    session.add(person)
    session.flush()
    return Erased(found, phones, businesses)


def _scrub_log(session: Session, *, business_id: int | None, only: set[str] | None = None) -> None:
    """Personal values out of the activity log's before/after; with `only`, just those values."""
    for entry in session.exec(select(ActivityLog).where(ActivityLog.business_id == business_id)):
        before, after = _scrubbed(entry.before, only), _scrubbed(entry.after, only)
        if before != entry.before or after != entry.after:
            entry.before, entry.after = before, after
            session.add(entry)


def _scrubbed(side: dict[str, Any] | None, only: set[str] | None) -> dict[str, Any] | None:
    if not side:
        return side
    out = dict(side)
    for key in _PERSONAL_KEYS:
        if out.get(key) is not None and (only is None or out[key] in only):
            out[key] = None
    return out


def _member(session: Session, person: Person, business: Business) -> Member | None:
    return session.exec(select(Member).where(Member.person_id == person.id, Member.business_id == business.id)).first()
