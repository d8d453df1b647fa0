"""The messaging tables: inbound events (idempotency) and their reply deliveries, the outbox, outbound
provider messages and served media. One SQLModel metadata with finance's tables, so Alembic sees all."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class InboundEvent(SQLModel, table=True):
    """Every message, update or callback, keyed by the platform's own id: a retry finds it here."""

    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    external_id: str = Field(max_length=128)
    status: str = Field(default="received", max_length=12, index=True)  # workers look for "received"
    payload: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    # What KAVI answered, so a replay gets the same answer and nothing twice.
    reply: list[dict[str, Any]] | None = Field(default=None, sa_type=JSON)
    attempts: int = Field(default=0)
    error: str | None = Field(default=None, max_length=500)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    processed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ReplyDelivery(SQLModel, table=True):
    """One reply to an inbound event, claimed ("sending") before it is sent and "sent" after: a retry
    sends only unclaimed replies, so the one in flight at a crash goes at most once, never twice."""

    __table_args__ = (UniqueConstraint("event_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="inboundevent.id")
    position: int  # the reply's place in the event's answer; -1 is the "gave up" notice
    status: str = Field(default="sending", max_length=12)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Outbox(SQLModel, table=True):
    """Outgoing nudges; the unique key makes a scheduler that runs twice send once."""

    __table_args__ = (UniqueConstraint("business_id", "kind", "subject", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id")
    kind: str = Field(max_length=40)
    subject: str = Field(max_length=80)
    period: str = Field(max_length=20)
    payload: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    status: str = Field(default="pending", max_length=12)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MediaFile(SQLModel, table=True):
    """Bytes served once by an unguessable, expiring link (charts, PDFs, voice notes)."""

    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(max_length=64, unique=True)
    content_type: str = Field(max_length=80)
    filename: str = Field(max_length=120)
    data: bytes = Field(sa_type=LargeBinary)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OutboundMessage(SQLModel, table=True):
    """A message KAVI sent through a provider, followed through its delivery status callbacks."""

    __table_args__ = (UniqueConstraint("provider", "provider_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)  # whatsapp | sms
    provider: str = Field(max_length=20)  # twilio | africastalking
    provider_id: str = Field(max_length=64)  # Twilio's MessageSid
    to: str = Field(max_length=40)
    body: str = Field(max_length=2000)
    status: str = Field(default="queued", max_length=16)
    error_code: str | None = Field(default=None, max_length=10)
    # Set on the WhatsApp message once its text has gone by SMS instead.
    fallback_id: int | None = Field(default=None, foreign_key="outboundmessage.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RateCount(SQLModel, table=True):
    """Messages counted per key (a sender, a business) and minute: a flood is slowed, never stored twice."""

    key: str = Field(primary_key=True, max_length=160)
    minute: int = Field(primary_key=True, sa_type=BigInteger)  # minutes since the epoch
    count: int = Field(default=0)
