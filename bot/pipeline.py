"""The one path every channel's messages take: hear -> handle -> speak, then the channel delivers.

Telegram, WhatsApp and SMS come through the dispatcher (stored first, answered after the webhook
acknowledged); the web chat answers in its HTTP response and the console prints. All of them handle
a message here: its event claimed once (a retry replays the stored replies), the conversation's
answer and the notices it queued kept in one transaction, notices that could not be pushed shown.
"""

import asyncio
import logging
from dataclasses import replace
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.channel import Channel
from bot.notices import waiting_notices
from bot.rate_limits import RateSettings, check
from bot.records.events import FINISHED, claim_event, finish_event, lock_event
from bot.records.models import InboundEvent
from bot.records.outbound import touch_identity
from bot.records.outbox import SessionOutbox
from bot.voice_notes import VoiceNotes
from conversations.core import Conversation
from conversations.gemini.route import Consulted
from conversations.language import detect_language
from conversations.messages import IncomingMessage, Reply
from conversations.texts import t
from finance.db import session_scope
from finance.models import ChannelIdentity

log = logging.getLogger(__name__)


class Pipeline:
    def __init__(
        self,
        conversation: Conversation,
        channels: dict[str, Channel] | None = None,
        voice: VoiceNotes | None = None,
    ) -> None:
        self.conversation = conversation
        self.channels = channels or {}
        self.voice = voice
        self.rates = RateSettings()

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.conversation.engine

    async def answer(self, message: IncomingMessage) -> list[Reply]:
        """hear -> handle -> speak, for a channel that delivers the replies itself (web chat, console)."""
        message = await self.hear(message)
        replies = await asyncio.to_thread(self.handle, message)
        return await self.speak(replies)

    async def hear(self, message: IncomingMessage) -> IncomingMessage:
        """Attachments downloaded from the platform, and a voice note turned into words."""
        channel = self.channels.get(message.channel)
        if channel is not None:
            message = await channel.fetch(message)
        if self.voice is not None:
            message = await self.voice.hear(message)
        return message

    async def speak(self, replies: list[Reply]) -> list[Reply]:
        return await self.voice.speak(replies) if self.voice is not None else replies

    def handle(self, message: IncomingMessage, raise_errors: bool = False) -> list[Reply]:
        """Replies to one message. A failure rolls everything back; with `raise_errors` the caller
        (the dispatcher, which retries stored events) gets the exception instead of an apology."""
        try:
            message = self.conversation.scan(message)
            consulted = self.conversation.consult(message)
            try:
                with session_scope(self.engine) as session:
                    return self._handle(session, message, consulted)
            except IntegrityError:
                # Two messages from one new person raced to create them; the other won.
                # Run once more: this time the person (or the event) is found, not made.
                with session_scope(self.engine) as session:
                    return self._handle(session, message, consulted)
        except Exception:
            if raise_errors:
                raise
            # Rolled back whole: nothing half-recorded, and a retry of the event starts clean.
            log.exception("message %s from %s:%s failed", message.external_id, message.channel, message.sender)
            return [Reply(t("failed", detect_language(message.text or "") or "en"))]

    def _handle(self, session: Session, message: IncomingMessage, consulted: Consulted | None) -> list[Reply]:
        event = None
        if message.external_id:
            event, is_new = claim_event(
                session, channel=message.channel, external_id=message.external_id, payload=message.payload()
            )
            if not is_new:
                # Stored by a webhook before it answered, or a retry: process only if nobody has.
                event = lock_event(session, event_id=event.id or 0)
                if event.status in FINISHED:
                    return [Reply.from_summary(item) for item in event.reply or []]
        if event is not None:
            message = _with_history(session, message, event.id or 0)
        verdict = check(
            session, channel=message.channel, sender=message.sender, at=message.received_at, settings=self.rates
        )
        if not verdict.allowed:
            # Kept (the webhook answered 200, nothing is retried) but not acted on: said once a minute.
            lang = detect_language(message.text or "") or "en"
            replies = [Reply(t("slow_down", lang))] if verdict.first_over else []
            if event is not None:
                finish_event(session, event=event, reply=[r.summary() for r in replies])
            return replies
        replies = self.conversation.respond(
            session, message, consulted, outbox=SessionOutbox(session), event_id=event.id if event else None
        )
        if not self._can_push(message.channel):
            # What happened while they were away (a payment came in), where KAVI cannot push it.
            replies = waiting_notices(session, channel=message.channel, sender=message.sender) + replies
        # When they last wrote: WhatsApp allows free-form messages for 24 hours after.
        touch_identity(session, channel=message.channel, external_user_id=message.sender, at=message.received_at)
        if event is not None:
            finish_event(session, event=event, reply=[r.summary() for r in replies])
        return replies

    def _can_push(self, channel: str) -> bool:
        found = self.channels.get(channel)
        return found is not None and found.can_push


def _with_history(session: Session, message: IncomingMessage, event_id: int) -> IncomingMessage:
    """For a sender KAVI does not know yet: whether an earlier message of theirs was kept (their "hi",
    answered with the welcome and nothing else stored)."""
    known = session.exec(
        select(ChannelIdentity.id).where(
            ChannelIdentity.channel == message.channel, ChannelIdentity.external_user_id == message.sender
        )
    ).first()
    if known is not None:
        return message
    since = message.received_at - timedelta(days=30)
    earlier = session.exec(
        select(InboundEvent).where(
            InboundEvent.channel == message.channel,
            col(InboundEvent.id) < event_id,  # stored before this one (later ones may be waiting already)
            col(InboundEvent.received_at) >= since,
            InboundEvent.payload["sender"].as_string() == message.sender,  # type: ignore[index]
        )
    ).first()
    if earlier is None:
        return replace(message, wrote_before=False)
    said = str((earlier.payload or {}).get("text") or "")
    return replace(message, wrote_before=True, earlier_language=detect_language(said))
