"""POST /telegram/webhook: check Telegram's secret header, store the update, answer at once."""

import logging
import secrets
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from telegram import Update

from bot.inbox import accept
from bot.telegram_adapter import incoming
from webhooks.bodies import TelegramUpdate
from webhooks.request_body import loads_json, read_capped, validated

log = logging.getLogger(__name__)
router = APIRouter()

MAX_BODY = 1_000_000  # an update is a few kB; anything this big is not from Telegram


@router.post("/telegram/webhook")
async def telegram_webhook(request: Request) -> dict[str, object]:
    state = request.app.state
    settings = state.channel_settings
    application = getattr(state, "telegram", None)
    if application is None:
        raise HTTPException(status_code=404, detail="Telegram is not configured (TELEGRAM_BOT_TOKEN)")
    expected = settings.telegram_webhook_secret
    if not expected:  # the header is the only proof an update came from Telegram
        raise HTTPException(
            status_code=503,
            detail="the Telegram webhook is off: set TELEGRAM_WEBHOOK_SECRET (and `kavi telegram set-webhook` again)",
        )
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
    if not (given and secrets.compare_digest(given, expected)):
        raise HTTPException(status_code=403, detail="wrong or missing X-Telegram-Bot-Api-Secret-Token")
    data = loads_json(await read_capped(request, MAX_BODY))
    validated(TelegramUpdate, data)  # the fields KAVI reads, typed; python-telegram-bot checks no types
    try:
        update = Update.de_json(_tolerant(data), application.bot)
    # python-telegram-bot checks no types: a wrongly typed part it reads (a reply_markup, a date) raises
    # whatever its code meets first, AttributeError and OverflowError included. Every one is a bad update.
    except Exception as exc:
        log.warning("malformed Telegram update: %s", exc)
        raise HTTPException(status_code=400, detail="malformed update") from exc
    message = incoming(update)
    if message is None:
        log.info("ignored Telegram update %s (type not handled)", data.get("update_id"))
        return {"ok": True, "ignored": True}
    await accept(state, message)
    return {"ok": True}


def _tolerant(data: Any) -> Any:
    """Telegram's own (older) documented example updates leave out `is_bot` and `file_unique_id`, which
    python-telegram-bot requires; fill them rather than refuse a message."""
    if isinstance(data, dict):
        fixed = {key: _tolerant(value) for key, value in data.items()}
        if "file_id" in fixed:
            fixed.setdefault("file_unique_id", fixed["file_id"])
        for key in ("from", "user"):
            if isinstance(fixed.get(key), dict):
                fixed[key].setdefault("is_bot", False)
        return fixed
    if isinstance(data, list):
        return [_tolerant(item) for item in data]
    return data
