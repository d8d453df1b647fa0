"""Messages KAVI sent through providers, and when people last wrote (WhatsApp's 24-hour window)."""

from datetime import datetime, timedelta

from sqlmodel import Session, select

from bot.records.models import OutboundMessage
from finance.clock import as_utc, utcnow
from finance.models import ChannelIdentity

WHATSAPP_WINDOW = timedelta(hours=24)
FAILED_STATES = ("failed", "undelivered")


def touch_identity(session: Session, *, channel: str, external_user_id: str, at: datetime) -> None:
    identity = session.exec(
        select(ChannelIdentity).where(
            ChannelIdentity.channel == channel, ChannelIdentity.external_user_id == external_user_id
        )
    ).first()
    if identity is not None:
        identity.last_seen_at = at
        session.add(identity)


def within_window(session: Session, *, channel: str, external_user_id: str, now: datetime | None = None) -> bool:
    """True when the person wrote in the last 24 hours, so a free-form WhatsApp message may go out."""
    seen = session.exec(
        select(ChannelIdentity.last_seen_at).where(
            ChannelIdentity.channel == channel, ChannelIdentity.external_user_id == external_user_id
        )
    ).first()
    return seen is not None and (now or utcnow()) - as_utc(seen) < WHATSAPP_WINDOW


def record_outbound(
    session: Session, *, channel: str, provider: str, provider_id: str, to: str, body: str, status: str
) -> OutboundMessage:
    message = OutboundMessage(
        channel=channel, provider=provider, provider_id=provider_id, to=to, body=body[:2000], status=status
    )
    session.add(message)
    session.flush()
    return message


def update_status(
    session: Session, *, provider: str, provider_id: str, status: str, error_code: str | None
) -> tuple[OutboundMessage | None, bool]:
    """(the message, whether this callback is the one that first reported it failed)."""
    message = session.exec(
        select(OutboundMessage)
        .where(OutboundMessage.provider == provider, OutboundMessage.provider_id == provider_id)
        .with_for_update()
    ).first()
    if message is None:
        return None, False
    already_failed = message.status in FAILED_STATES
    message.status = status
    message.error_code = error_code or message.error_code
    message.updated_at = utcnow()
    session.add(message)
    session.flush()
    return message, status in FAILED_STATES and not already_failed


def needs_sms_fallback(message: OutboundMessage, first_failure: bool) -> bool:
    return message.channel == "whatsapp" and first_failure and message.fallback_id is None


def link_fallback(session: Session, *, failed_id: int, provider: str, fallback_provider_id: str) -> None:
    failed = session.get(OutboundMessage, failed_id)
    fallback = session.exec(
        select(OutboundMessage).where(
            OutboundMessage.provider == provider, OutboundMessage.provider_id == fallback_provider_id
        )
    ).first()
    if failed is not None and fallback is not None:
        failed.fallback_id = fallback.id
        session.add(failed)
