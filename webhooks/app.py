"""The FastAPI application: web chat, channel webhooks, media, health."""

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.channels import build_channels
from bot.dispatcher import Dispatcher
from bot.log_masking import install as mask_phones_in_logs
from bot.outbox_sender import OutboxSender
from bot.pipeline import Pipeline
from bot.settings import ChannelSettings
from bot.voice_notes import VoiceNotes
from conversations.core import Conversation
from finance.db import default_engine
from webhooks import africastalking, invoice_page, mpesa, privacy_page, telegram, twilio, ussd, web_chat
from webhooks.channel_report import channel_report
from webhooks.security_headers import SecurityHeaders
from webhooks.settings import WebSettings
from webhooks.web_session import WebSessions

log = logging.getLogger(__name__)


def create_app(
    engine: Engine | None = None,
    settings: WebSettings | None = None,
    channel_settings: ChannelSettings | None = None,
    conversation: Conversation | None = None,
    voice: VoiceNotes | None = None,
) -> FastAPI:
    settings = settings or WebSettings()
    channel_settings = channel_settings or ChannelSettings()
    engine = engine or default_engine()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        mask_phones_in_logs()  # every process, uvicorn's workers included
        for channel, said in channel_report(settings, channel_settings):
            log.log(logging.WARNING if said.startswith("refused") else logging.INFO, "%s: %s", channel, said)
        channels = build_channels(channel_settings, engine)
        await channels.start()
        app.state.telegram = channels.telegram
        app.state.channels = channels.by_name
        app.state.pipeline = Pipeline(app.state.conversation, channels.by_name, app.state.voice)
        # With KAVI_INPROCESS_WORKER=0 a separate `kavi worker` answers; this process only stores and acks.
        dispatcher = (
            Dispatcher(app.state.conversation, channels.by_name, voice=app.state.voice)
            if settings.kavi_inprocess_worker
            else None
        )
        app.state.dispatcher = dispatcher
        if dispatcher is not None:
            recovered = await dispatcher.recover()
            if recovered:
                log.info("picked up %d unfinished inbound events", recovered)
            dispatcher.start_sweeping()
        # Notices and reminders go out from whichever process answers messages.
        outbox = OutboxSender(engine, channels.by_name) if settings.kavi_inprocess_worker else None
        if outbox is not None:
            outbox.start()
        try:
            yield
        finally:
            if outbox is not None:
                await outbox.stop()
            if dispatcher is not None:
                await dispatcher.stop()
            await channels.stop()

    app = FastAPI(title="KAVI", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.conversation = conversation or Conversation(engine, can_push_to_phone=channel_settings.can_push_to_phone)
    # Loaded once per process: the Whisper model (when there is one) is the slow part of starting.
    app.state.voice = voice or VoiceNotes(engine)
    app.state.web_token = settings.kavi_web_token
    app.state.web_sessions = _web_sessions(settings)
    app.state.channel_settings = channel_settings
    app.state.telegram = None
    app.state.channels = {}
    app.state.dispatcher = None
    app.state.pipeline = Pipeline(app.state.conversation, {}, app.state.voice)
    app.include_router(web_chat.router)
    app.include_router(telegram.router)
    app.include_router(twilio.router)
    app.include_router(africastalking.router)
    app.include_router(ussd.router)
    app.include_router(mpesa.router)
    app.include_router(invoice_page.router)
    app.include_router(privacy_page.router)
    app.mount("/static", StaticFiles(packages=[("webhooks", "static")]), name="static")
    app.add_middleware(SecurityHeaders)

    @app.get("/health")
    def health() -> JSONResponse:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as exc:  # any database failure means unhealthy, whatever its type
            log.warning("health check failed: %s", exc)
            return JSONResponse({"status": "unhealthy", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": engine.dialect.name, **app.state.voice.status()})

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "problems": problems}, status_code=422)

    return app


def _web_sessions(settings: WebSettings) -> WebSessions | None:
    """None (the web chat refuses) when it is open beyond this machine with no secret to sign sessions:
    a secret made up here would differ between workers and restarts, and sessions with it."""
    if settings.kavi_session_secret:
        return WebSessions(settings.kavi_session_secret.get_secret_value().encode())
    if settings.kavi_web_token:
        return None
    log.info("KAVI_SESSION_SECRET is not set: web-chat sessions last until KAVI restarts")
    return WebSessions(secrets.token_bytes(32))
