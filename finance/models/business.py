"""Who: businesses, the people who use KAVI, and their membership and roles."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class Role(StrEnum):
    admin = "admin"
    staff = "staff"
    viewer = "viewer"


class Business(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    currency: str = Field(default="KES", max_length=3)
    timezone: str = Field(default="Africa/Nairobi", max_length=64)
    # Overdue invoices: customers are reminded by KAVI only once the owner turned this on.
    auto_remind: bool = Field(default=False)
    kra_pin: str | None = Field(default=None, max_length=20)
    mpesa_till: str | None = Field(default=None, max_length=20)
    mpesa_paybill: str | None = Field(default=None, max_length=20)
    # Days an invoice gives to pay when the message names no due date.
    invoice_due_days: int = Field(default=7)
    # Gap-free numbering: the next number is taken under a row lock in the invoice's own transaction.
    next_invoice_number: int = Field(default=1)
    next_credit_note_number: int = Field(default=1)
    # Safaricom signs nothing: M-Pesa callback URLs carry this unguessable token.
    callback_token: str | None = Field(default=None, max_length=64, unique=True)
    # Onboarding names the business after the first useful exchange.
    named: bool = Field(default=False)
    # The founding person's id; no foreign key, since person also points at business.
    created_by: int | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Deletion asked for by an admin: erased (de-identified) after the grace period unless cancelled.
    erase_after: datetime | None = Field(default=None, sa_type=UTCDateTime)
    erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str | None = Field(default=None, max_length=120)
    phone: str | None = Field(default=None, max_length=20, unique=True)
    telegram_user_id: int | None = Field(default=None, sa_type=BigInteger, unique=True)
    language: str = Field(default="en", max_length=5)
    # True once the person chose a language; detection no longer overrides it.
    language_fixed: bool = Field(default=False)
    # When KAVI answers with a voice note too: "auto" (when spoken to), "always", or "never" (text only).
    voice_replies: str = Field(default="auto", max_length=8)
    # True: summaries, budgets and forecasts come with their chart ("always send charts").
    chart_replies: bool = Field(default=False)
    # Scheduled nudges: off altogether ("stop reminders"), or the kinds turned off one by one, and the
    # hours (local, minutes after midnight) nothing is pushed; what falls in them waits for the morning.
    nudges: bool = Field(default=True)
    nudges_off: str = Field(default="", max_length=200)
    quiet_from: int = Field(default=21 * 60)
    quiet_to: int = Field(default=7 * 60)
    current_business_id: int | None = Field(default=None, foreign_key="business.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # "delete my data": personal data erased after the grace period unless "cancel deletion" came first.
    erase_after: datetime | None = Field(default=None, sa_type=UTCDateTime)
    erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ChannelIdentity(SQLModel, table=True):
    """How a channel names a person (a web-chat id, a console user, a WhatsApp number)."""

    __table_args__ = (UniqueConstraint("channel", "external_user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    external_user_id: str = Field(max_length=128)
    person_id: int = Field(foreign_key="person.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # When they last wrote on this channel: WhatsApp's 24-hour window is counted from it.
    last_seen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Member(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("business_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: str = Field(default=Role.staff, max_length=10)
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
