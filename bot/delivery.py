"""Where a message KAVI starts goes, and what happens when it cannot: one place for the rules.

- A notice to a person goes to the channel they last wrote on, when that channel can push.
- A reminder to a customer goes by WhatsApp (an approved template outside the 24-hour window,
  inside `TwilioChannel.push`), else by SMS.
- A WhatsApp message that fails (Twilio's status callback) is sent again by SMS, once.
"""

import logging

from sqlalchemy.engine import Engine

from bot.channel import Channel
from conversations.messages import Reply
from finance.db import session_scope
from finance.services.outbound import link_fallback

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


async def sms_fallback(
    channels: dict[str, Channel], engine: Engine | None, message_id: int, to: str, body: str
) -> None:
    """WhatsApp could not deliver (63016 outside the window, no WhatsApp on the phone...): the text by SMS."""
    sms = channels.get("sms")
    if sms is None:
        log.warning("WhatsApp message %s failed and no SMS channel is configured", message_id)
        return
    sid = await sms.push(to.removeprefix("whatsapp:"), Reply(body))
    with session_scope(engine) as session:
        link_fallback(session, failed_id=message_id, provider="twilio", fallback_provider_id=sid)
