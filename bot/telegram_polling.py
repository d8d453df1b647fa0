"""`kavi telegram --polling`: long polling for local use, through the same store-then-dispatch path."""

import asyncio
import logging

from sqlalchemy.engine import Engine
from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from bot.dispatcher import Dispatcher
from bot.inbox import store_inbound
from bot.settings import ChannelSettings
from bot.telegram_adapter import TelegramChannel, incoming
from bot.telegram_app import builder
from conversations.core import Conversation

log = logging.getLogger(__name__)


def run_polling(settings: ChannelSettings, engine: Engine) -> None:
    dispatcher: Dispatcher | None = None

    async def started(application: Application) -> None:
        nonlocal dispatcher
        dispatcher = Dispatcher(Conversation(engine), {"telegram": TelegramChannel(application.bot)})
        await dispatcher.recover()
        dispatcher.start_sweeping()

    async def stopped(application: Application) -> None:
        if dispatcher is not None:
            await dispatcher.stop()

    async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = incoming(update)
        if message is None or dispatcher is None:
            return
        # Answered here: no queue job (a worker would answer it a second time).
        event_id, is_new = await asyncio.to_thread(store_inbound, engine, message, False)
        if is_new:
            dispatcher.submit(event_id, message)

    application = builder(settings).post_init(started).post_shutdown(stopped).build()
    application.add_handler(TypeHandler(Update, on_update))
    application.run_polling(allowed_updates=["message", "callback_query"])


async def set_webhook(settings: ChannelSettings, url: str) -> bool:
    application = builder(settings).updater(None).build()
    async with application.bot as bot:
        return await bot.set_webhook(
            url=url, secret_token=settings.telegram_webhook_secret, allowed_updates=["message", "callback_query"]
        )
