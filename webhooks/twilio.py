"""Twilio webhooks: WhatsApp and SMS messages, and delivery status callbacks.

Every request's X-Twilio-Signature is checked against the URL Twilio was given (our
public URL behind a proxy) and all posted fields; a bad one gets 403 and changes nothing.
"""

import asyncio
import logging

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request
from fastapi.responses import Response
from twilio.request_validator import RequestValidator

from bot.delivery import record_status, sms_fallback
from bot.inbox import accept
from bot.twilio_adapter import incoming
from webhooks.request_body import capped_form

log = logging.getLogger(__name__)
router = APIRouter()

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
MAX_BODY = 64_000
# Twilio's SIDs are 34 characters, statuses a word, error codes five digits: longer ones are not Twilio's,
# and fit neither the event key nor the outbound message's columns (64, 16 and 10 characters).
MAX_SID, MAX_STATUS, MAX_ERROR_CODE = 64, 16, 10


async def _verified_form(request: Request) -> dict[str, str]:
    settings = request.app.state.channel_settings
    if settings.twilio_account_sid and not settings.twilio_auth_token:
        # Signatures are made with the auth token: without it none can be checked, so none is taken.
        raise HTTPException(status_code=503, detail="the Twilio webhooks are off: set TWILIO_AUTH_TOKEN")
    if not settings.twilio_enabled:
        raise HTTPException(status_code=404, detail="Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)")
    form = {key: value for key, value in (await capped_form(request, MAX_BODY)).items() if isinstance(value, str)}
    url = str(request.url)
    if settings.kavi_public_url:  # behind a proxy Twilio signed the public address, not ours
        query = f"?{request.url.query}" if request.url.query else ""
        url = settings.kavi_public_url.rstrip("/") + request.url.path + query
    signature = request.headers.get("X-Twilio-Signature", "")
    if not RequestValidator(settings.twilio_auth_token).validate(url, form, signature):
        log.warning("rejected a Twilio request with a bad signature for %s", url)
        raise HTTPException(status_code=403, detail="invalid X-Twilio-Signature")
    return form


async def _message(request: Request, channel: str) -> Response:
    form = await _verified_form(request)
    count = form.get("NumMedia") or "0"
    if not (count.isascii() and count.isdigit()):  # "²" is a digit to str.isdigit(), not to int()
        raise HTTPException(status_code=400, detail="NumMedia is not a number")
    message = incoming(form, channel)
    if message is None:
        raise HTTPException(status_code=400, detail="no MessageSid or From")
    if len(message.external_id or "") > MAX_SID:
        raise HTTPException(status_code=400, detail="a MessageSid longer than Twilio's")
    await accept(request.app.state, message)
    return Response(EMPTY_TWIML, media_type="text/xml")


@router.post("/twilio/whatsapp")
async def whatsapp(request: Request) -> Response:
    return await _message(request, "whatsapp")


@router.post("/twilio/sms")
async def sms(request: Request) -> Response:
    return await _message(request, "sms")


@router.post("/twilio/status")
async def status(request: Request, background: BackgroundTasks) -> Response:
    form = await _verified_form(request)
    sid = form.get("MessageSid") or form.get("SmsSid")
    state = form.get("MessageStatus") or form.get("SmsStatus")
    if not sid or not state:
        raise HTTPException(status_code=400, detail="no MessageSid or MessageStatus")
    if len(sid) > MAX_SID or len(state) > MAX_STATUS or len(form.get("ErrorCode") or "") > MAX_ERROR_CODE:
        raise HTTPException(status_code=400, detail="a MessageSid, MessageStatus or ErrorCode longer than Twilio's")
    engine = request.app.state.conversation.engine
    fallback = await asyncio.to_thread(
        record_status, engine, provider="twilio", provider_id=sid, status=state, error_code=form.get("ErrorCode")
    )
    if fallback is not None:
        background.add_task(sms_fallback, request.app.state.channels, engine, fallback)
    return Response(EMPTY_TWIML, media_type="text/xml")
