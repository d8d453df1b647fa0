"""Where a message KAVI starts goes, and what happens when it cannot: one place for the rules.

- A notice to a person goes to the channel they last wrote on, when that channel can push.
- A reminder to a customer goes by WhatsApp (an approved template outside the 24-hour window,
  inside `TwilioChannel.push`), else by SMS.
- A WhatsApp message that fails (Twilio's status callback) is sent again by SMS, once.
"""

import logging
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from bot.channel import Channel
from bot.records.outbound import link_fallback, needs_sms_fallback, update_status
from conversations.messages import Reply
from finance.db import session_scope

log = logging.getLogger(__name__)

CUSTOMER_CHANNELS = ("whatsapp", "sms")  # in order of preference


async def push_notice(channels: dict[str, Channel], channel: str, to: str, reply: Reply) -> bool:
    found = channels.get(channel)
    if found is None or not found.can_push:
        log.warning("no %s channel that can push a notice", channel)
        return False
    await found.push(to, reply)
    return True


async def push_to_customer(channels: dict[str, Channel], phone: str, text: str) -> bool:
    for name in CUSTOMER_CHANNELS:
        found = channels.get(name)
        if found is not None and found.can_push:
            await found.push(phone, Reply(text))
            return True
    log.warning("a customer message needs WhatsApp or SMS configured")
    return False


@dataclass(frozen=True)
class Fallback:
    """A failed WhatsApp message to send again by SMS."""

    message_id: int
    to: str
    body: str


def record_status(
    engine: Engine | None, *, provider: str, provider_id: str, status: str, error_code: str | None
) -> Fallback | None:
    """A provider's delivery status callback, recorded; the SMS to send when it is the first report
    that a WhatsApp message failed."""
    with session_scope(engine) as session:
        message, first_failure = update_status(
            session, provider=provider, provider_id=provider_id, status=status, error_code=error_code
        )
        if message is None or not needs_sms_fallback(message, first_failure):
            return None
        if message.id is None:  # it was read from the table, so it has one
            raise RuntimeError(f"outbound message {provider_id} has no id")
        return Fallback(message.id, message.to, message.body)


async def sms_fallback(channels: dict[str, Channel], engine: Engine | None, fallback: Fallback) -> None:
    """WhatsApp could not deliver (63016 outside the window, no WhatsApp on the phone...): the text by SMS."""
    sms = channels.get("sms")
    if sms is None:
        log.warning("WhatsApp message %s failed and no SMS channel is configured", fallback.message_id)
        return
    sid = await sms.push(fallback.to.removeprefix("whatsapp:"), Reply(fallback.body))
    with session_scope(engine) as session:
        link_fallback(session, failed_id=fallback.message_id, provider="twilio", fallback_provider_id=sid)
