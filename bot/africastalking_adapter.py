"""SMS through Africa's Talking, the gateway most Kenyan businesses already use."""

import asyncio
import logging

from africastalking.SMS import SMSService
from sqlalchemy.engine import Engine

from bot.records.outbound import record_outbound
from bot.settings import ChannelSettings
from bot.sms_format import fit_sms
from bot.twilio_adapter import e164
from conversations.messages import IncomingMessage, Reply
from finance.db import session_scope

log = logging.getLogger(__name__)

CHANNEL = "sms-at"


def incoming(fields: dict[str, str]) -> IncomingMessage | None:
    message_id, sender = fields.get("id"), fields.get("from")
    if not message_id or not sender:
        return None
    phone = e164(sender)
    return IncomingMessage(
        channel=CHANNEL,
        sender=phone,
        text=fields.get("text") or "",
        external_id=message_id,
        phone=phone,
        reply_to=phone,
    )


class AfricasTalkingChannel:
    name = CHANNEL
    can_push = True

    def __init__(self, settings: ChannelSettings, engine: Engine | None) -> None:
        self.settings = settings
        self.engine = engine
        self.service = SMSService(settings.africastalking_username, settings.africastalking_api_key)
        if settings.africastalking_base_url:
            self.service._baseUrl = settings.africastalking_base_url.rstrip("/") + "/version1"

    async def fetch(self, message: IncomingMessage) -> IncomingMessage:
        return message  # SMS carries no media

    async def deliver(self, message: IncomingMessage, replies: list[Reply]) -> None:
        for reply in replies:
            await asyncio.to_thread(self.send, message.reply_to or message.sender, fit_sms(reply.text))

    async def push(self, to: str, reply: Reply) -> str:
        return await asyncio.to_thread(self.send, to, fit_sms(reply.text))

    def send(self, to: str, body: str) -> str:
        response = self.service.send(body, [to], sender_id=self.settings.africastalking_sender_id)
        recipients = (response or {}).get("SMSMessageData", {}).get("Recipients") or [{}]
        first = recipients[0]
        message_id = str(first.get("messageId") or "")
        with session_scope(self.engine) as session:
            record_outbound(
                session,
                channel="sms",
                provider="africastalking",
                provider_id=message_id or "unknown",
                to=to,
                body=body,
                status=str(first.get("status") or "unknown").lower(),
            )
        return message_id
