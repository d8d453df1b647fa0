"""People, their channel identities, businesses and memberships."""

import secrets

from sqlmodel import Session, col, select

from finance.errors import NotFound
from finance.models import Business, ChannelIdentity, Member, Person, Role
from finance.services.access import require_role
from finance.services.activity import log_activity

DEFAULT_BUSINESS_NAME = "My business"


def find_person(session: Session, *, channel: str, external_user_id: str, phone: str | None = None) -> Person | None:
    """By the channel's id for them; for phone channels (WhatsApp, SMS) by number, so one person
    who writes on both is one record."""
    identity = session.exec(
        select(ChannelIdentity).where(
            ChannelIdentity.channel == channel, ChannelIdentity.external_user_id == external_user_id
        )
    ).first()
    if identity is not None:
        return session.get(Person, identity.person_id)
    if phone:
        person = session.exec(select(Person).where(Person.phone == phone)).first()
        if person is not None:
            _add_identity(session, person=person, channel=channel, external_user_id=external_user_id)
            return person
    return None


def _saved_id(row: Person | Business) -> int:
    """The primary key of a row already flushed; a row without one is a caller's bug."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id: it must be flushed first")
    return row.id


def _add_identity(session: Session, *, person: Person, channel: str, external_user_id: str) -> None:
    session.add(ChannelIdentity(channel=channel, external_user_id=external_user_id, person_id=_saved_id(person)))
    session.flush()


def register_person(
    session: Session,
    *,
    channel: str,
    external_user_id: str,
    name: str | None = None,
    language: str = "en",
    phone: str | None = None,
) -> Person:
    person = Person(name=name, language=language, phone=phone)
    session.add(person)
    session.flush()
    _add_identity(session, person=person, channel=channel, external_user_id=external_user_id)
    return person


def link_phone(session: Session, *, person: Person, phone: str) -> Person:
    """A Telegram user shared their number. If that number already belongs to someone (they wrote
    on WhatsApp first), this identity joins that person, who keeps their business."""
    owner = session.exec(select(Person).where(Person.phone == phone)).first()
    if owner is None or owner.id == person.id:
        person.phone = phone
        session.add(person)
        session.flush()
        return person
    for identity in session.exec(select(ChannelIdentity).where(ChannelIdentity.person_id == person.id)).all():
        identity.person_id = owner.id or 0
        session.add(identity)
    if owner.telegram_user_id is None and person.telegram_user_id is not None:
        telegram_id, person.telegram_user_id = person.telegram_user_id, None
        session.add(person)
        session.flush()
        owner.telegram_user_id = telegram_id
        session.add(owner)
    session.flush()
    return owner


def start_business(session: Session, *, founder: Person, name: str = DEFAULT_BUSINESS_NAME) -> Member:
    """A new business whose founder is its first admin."""
    business = Business(
        name=name,
        named=name != DEFAULT_BUSINESS_NAME,
        created_by=founder.id,
        callback_token=secrets.token_urlsafe(24),
    )
    session.add(business)
    session.flush()
    member = Member(
        business_id=_saved_id(business), person_id=_saved_id(founder), role=Role.admin, created_by=founder.id
    )
    session.add(member)
    founder.current_business_id = business.id
    session.add(founder)
    session.flush()
    log_activity(session, actor=member, action="create", entity="business", entity_id=business.id, after={"name": name})
    return member


def current_membership(session: Session, *, person: Person) -> Member | None:
    """The membership the person is working in: the current business, else their first."""
    query = select(Member).where(Member.person_id == person.id)
    if person.current_business_id is not None:
        member = session.exec(query.where(Member.business_id == person.current_business_id)).first()
        if member is not None:
            return member
    return session.exec(query.order_by(col(Member.id))).first()


def business_of(session: Session, *, actor: Member) -> Business:
    business = session.get(Business, actor.business_id)
    if business is None:
        raise NotFound(f"business {actor.business_id}")
    return business


def rename_business(session: Session, *, actor: Member, name: str) -> Business:
    require_role(actor, Role.admin)
    business = business_of(session, actor=actor)
    before = {"name": business.name}
    business.name = name
    business.named = True
    session.add(business)
    log_activity(
        session,
        actor=actor,
        action="rename",
        entity="business",
        entity_id=business.id,
        before=before,
        after={"name": name},
    )
    session.flush()
    return business


def set_language(session: Session, *, person: Person, language: str, fixed: bool) -> Person:
    person.language = language
    person.language_fixed = person.language_fixed or fixed
    session.add(person)
    session.flush()
    return person


VOICE_REPLY_MODES = ("auto", "always", "never")


def set_voice_replies(session: Session, *, person: Person, mode: str) -> Person:
    """When KAVI also answers this person with a voice note: auto (when they sent one), always, never."""
    if mode not in VOICE_REPLY_MODES:
        raise ValueError(f"unknown voice reply mode {mode!r}")
    person.voice_replies = mode
    session.add(person)
    session.flush()
    return person


def callback_token(session: Session, *, business: Business) -> str:
    """The unguessable token in this business's M-Pesa callback URLs (made on first use for
    businesses created before M-Pesa)."""
    if not business.callback_token:
        business.callback_token = secrets.token_urlsafe(24)
        session.add(business)
        session.flush()
    return business.callback_token


def business_by_callback_token(session: Session, token: str) -> Business | None:
    if not token or len(token) > 64:
        return None
    return session.exec(select(Business).where(Business.callback_token == token)).first()


def update_business(
    session: Session,
    *,
    actor: Member,
    paybill: str | None = None,
    till: str | None = None,
    kra_pin: str | None = None,
    invoice_due_days: int | None = None,
) -> Business:
    """What invoices print and how customers pay: admins only."""
    require_role(actor, Role.admin)
    business = business_of(session, actor=actor)
    before = {"paybill": business.mpesa_paybill, "till": business.mpesa_till, "kra_pin": business.kra_pin}
    if paybill:
        business.mpesa_paybill = paybill
    if till:
        business.mpesa_till = till
    if kra_pin:
        business.kra_pin = kra_pin
    if invoice_due_days is not None and 0 <= invoice_due_days <= 365:
        business.invoice_due_days = invoice_due_days
    session.add(business)
    after = {"paybill": business.mpesa_paybill, "till": business.mpesa_till, "kra_pin": business.kra_pin}
    log_activity(
        session, actor=actor, action="edit", entity="business", entity_id=business.id, before=before, after=after
    )
    return business


def set_chart_replies(session: Session, *, person: Person, on: bool) -> Person:
    """Whether this person's summaries, budgets and forecasts come with a chart."""
    person.chart_replies = on
    session.add(person)
    session.flush()
    return person
