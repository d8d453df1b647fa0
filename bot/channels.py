"""The channels this deployment is configured for, ready to deliver replies."""

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from bot.channel import Channel
from bot.settings import ChannelSettings

log = logging.getLogger(__name__)


@dataclass
class Channels:
    by_name: dict[str, Channel] = field(default_factory=dict)
    telegram: Any = None  # the python-telegram-bot Application, when Telegram is configured

    async def start(self) -> None:
        if self.telegram is not None:
            try:
                await self.telegram.initialize()
            except Exception as exc:  # the Bot API unreachable at start: keep serving, sends retry later
                log.warning("Telegram not initialised: %s", exc)

    async def stop(self) -> None:
        if self.telegram is not None:
            await self.telegram.shutdown()


def build_channels(settings: ChannelSettings, engine: Engine | None) -> Channels:
    channels = Channels()
    if settings.telegram_enabled:
        from bot.telegram_adapter import TelegramChannel
        from bot.telegram_app import webhook_application

        channels.telegram = webhook_application(settings)
        channels.by_name["telegram"] = TelegramChannel(channels.telegram.bot)
    if settings.twilio_enabled:
        from bot.twilio_adapter import TwilioChannel

        if settings.twilio_whatsapp_from:
            channels.by_name["whatsapp"] = TwilioChannel("whatsapp", settings, engine)
        if settings.twilio_sms_from:
            channels.by_name["sms"] = TwilioChannel("sms", settings, engine)
    if settings.africastalking_enabled:
        from bot.africastalking_adapter import CHANNEL, AfricasTalkingChannel

        channels.by_name[CHANNEL] = AfricasTalkingChannel(settings, engine)
        channels.by_name.setdefault("sms", channels.by_name[CHANNEL])  # the SMS fallback without Twilio SMS
    return channels
