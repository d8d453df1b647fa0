"""The FastAPI application: web chat, channel webhooks, media, health."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.channel import Channel
from bot.dispatcher import Dispatcher
from bot.settings import ChannelSettings
from conversations.core import Conversation
from finance.db import default_engine
from webhooks import africastalking, telegram, twilio, web_chat
from webhooks.settings import WebSettings

log = logging.getLogger(__name__)


def create_app(
    engine: Engine | None = None,
    settings: WebSettings | None = None,
    channel_settings: ChannelSettings | None = None,
    conversation: Conversation | None = None,
) -> FastAPI:
    settings = settings or WebSettings()
    channel_settings = channel_settings or ChannelSettings()
    engine = engine or default_engine()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        channels: dict[str, Channel] = {}
        if channel_settings.telegram_enabled:
            from bot.telegram_adapter import TelegramChannel
            from bot.telegram_app import webhook_application

            application = webhook_application(channel_settings)
            try:
                await application.initialize()
            except Exception as exc:  # the Bot API unreachable at start: keep serving, sends retry later
                log.warning("Telegram not initialised: %s", exc)
            app.state.telegram = application
            channels["telegram"] = TelegramChannel(application.bot)
        if channel_settings.twilio_enabled:
            from bot.twilio_adapter import TwilioChannel

            if channel_settings.twilio_whatsapp_from:
                channels["whatsapp"] = TwilioChannel("whatsapp", channel_settings, engine)
            if channel_settings.twilio_sms_from:
                channels["sms"] = TwilioChannel("sms", channel_settings, engine)
        if channel_settings.africastalking_enabled:
            from bot.africastalking_adapter import CHANNEL, AfricasTalkingChannel

            channels[CHANNEL] = AfricasTalkingChannel(channel_settings, engine)
            channels.setdefault("sms", channels[CHANNEL])  # the SMS fallback when Twilio has no SMS number
        app.state.dispatcher = Dispatcher(app.state.conversation, channels)
        recovered = await app.state.dispatcher.recover()
        if recovered:
            log.info("picked up %d unfinished inbound events", recovered)
        app.state.dispatcher.start_sweeping()
        try:
            yield
        finally:
            await app.state.dispatcher.stop()
            if getattr(app.state, "telegram", None) is not None:
                await app.state.telegram.shutdown()

    app = FastAPI(title="KAVI", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.conversation = conversation or Conversation(engine)
    app.state.web_token = settings.kavi_web_token
    app.state.channel_settings = channel_settings
    app.state.telegram = None
    app.include_router(web_chat.router)
    app.include_router(telegram.router)
    app.include_router(twilio.router)
    app.include_router(africastalking.router)

    @app.get("/health")
    def health() -> JSONResponse:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as exc:  # any database failure means unhealthy, whatever its type
            log.warning("health check failed: %s", exc)
            return JSONResponse({"status": "unhealthy", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": engine.dialect.name})

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "problems": problems}, status_code=422)

    return app
