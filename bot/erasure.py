"""Data that must not outlive its purpose, run by the scheduler every hour: deletions whose seven days
of grace are over (finance/services/erasure.py erases the books' side; the messages, outbox rows and
conversation state of that person go here), media past its expiry, and stored message texts and receipt
pictures older than the retention period."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, delete, select

from bot.rate_limits import forget_before
from bot.records.events import RECEIVED
from bot.records.models import InboundEvent, MediaFile, OutboundMessage, Outbox
from conversations.state import ConversationState
from finance.clock import utcnow
from finance.db import session_scope
from finance.services.erasure import Erased, due, erase_business, erase_person
from finance.services.receipts import expire_receipts

log = logging.getLogger(__name__)


class RetentionSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Days a handled message's text (and what KAVI answered) is kept; then only that it happened.
    kavi_message_retention_days: int = 90


@dataclass(frozen=True)
class Swept:
    businesses: int
    people: int
    media: int
    messages: int


def sweep(engine: Engine, now: datetime | None = None, settings: RetentionSettings | None = None) -> Swept:
    now = now or utcnow()
    settings = settings or RetentionSettings()
    with session_scope(engine) as session:
        businesses, people = due(session, now=now)
        for business in businesses:
            erase_business(session, business=business, now=now)
        for person in people:
            _scrub(session, erase_person(session, person=person, now=now))
        media = session.exec(delete(MediaFile).where(col(MediaFile.expires_at) <= now)).rowcount  # type: ignore[call-overload]
        kept_until = now - timedelta(days=settings.kavi_message_retention_days)
        messages = _expire_messages(session, kept_until)
        expire_receipts(session, before=kept_until)
        forget_before(session, at=now)
    swept = Swept(len(businesses), len(people), int(media or 0), messages)
    if swept.businesses or swept.people:
        log.info("erased %d businesses and %d people after their grace period", swept.businesses, swept.people)
    return swept


_ERASED = {"erased": True}


def _scrub(session: Session, erased: Erased) -> None:
    """The person's messages, what was sent to them, and their conversation state."""
    ids = {external for _, external in erased.identities} | set(erased.phones)
    for channel, external in erased.identities:
        for state in session.exec(
            select(ConversationState).where(
                ConversationState.channel == channel, ConversationState.external_user_id == external
            )
        ):
            session.delete(state)
    for event in session.exec(select(InboundEvent).where(col(InboundEvent.payload).is_not(None))):
        payload = event.payload or {}
        if payload.get("sender") in ids or payload.get("phone") in ids:
            event.payload, event.reply = dict(_ERASED), None
            session.add(event)
    for row in session.exec(select(Outbox).where(col(Outbox.payload).is_not(None))):
        payload = row.payload or {}
        if payload.get("to") in ids or payload.get("phone") in ids:
            row.payload = dict(_ERASED)
            session.add(row)
    for phone in erased.phones:
        for message in session.exec(select(OutboundMessage).where(col(OutboundMessage.to).contains(phone))):
            message.to, message.body = "erased", ""
            session.add(message)
    session.flush()


def _expire_messages(session: Session, before: datetime) -> int:
    """Handled messages older than the retention period keep that they happened, not what they said."""
    count = 0
    old = session.exec(
        select(InboundEvent).where(
            col(InboundEvent.received_at) < before,
            col(InboundEvent.status) != RECEIVED,  # one still waiting for its answer keeps its text
            col(InboundEvent.payload).is_not(None),
        )
    )
    for event in old:
        if (event.payload or {}).get("expired") or (event.payload or {}).get("erased"):
            continue
        event.payload, event.reply = {"expired": True, "channel": (event.payload or {}).get("channel")}, None
        session.add(event)
        count += 1
    session.flush()
    return count
