"""The web chat: the page, its message and upload routes, its history, and the media its replies link to.

Who is typing is the signed session cookie (webhooks/web_session.py), never a field the page sends."""

import asyncio
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from sqlmodel import Session
from starlette.datastructures import UploadFile

from bot import web
from bot.erasure import RetentionSettings
from bot.pipeline import Pipeline
from bot.records.media import load_media, store_media
from bot.voice_notes import VoiceNotes
from bot.web_history import history, keep_media
from conversations.attachments import MAX_ATTACHMENT_MB
from conversations.messages import IncomingMessage, Media, Reply
from finance.db import session_scope
from webhooks.bodies import WebMessage
from webhooks.bodies import WebVoiceFields as WebFileFields
from webhooks.request_body import capped_form, json_body, validated
from webhooks.web_session import ensure_session, session_of, web_sender

# A 20,000-character message, every character escaped as \uXXXX, with room to spare.
MAX_MESSAGE_BODY = 256 * 1024
MAX_FILE_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024
# Types a statement or a PDF arrives as (Windows browsers call a CSV an Excel file; Android, sometimes plain text).
_DOCUMENT_TYPES = ("text/csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel",
                   "text/plain", "application/pdf")  # fmt: skip
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff\\/\"]")

router = APIRouter()


def require_token(request: Request, x_kavi_token: str | None = Header(default=None)) -> None:
    expected: str | None = request.app.state.web_token
    if expected and not (x_kavi_token and secrets.compare_digest(x_kavi_token, expected)):
        raise HTTPException(status_code=401, detail="missing or wrong X-Kavi-Token")


@router.get("/", response_class=HTMLResponse)
def page(request: Request) -> HTMLResponse:
    response = HTMLResponse(files("webhooks").joinpath("static/chat.html").read_text(encoding="utf-8"))
    ensure_session(request, response)
    return response


@router.post("/web/messages", dependencies=[Depends(require_token)])
async def post_message(request: Request, sender: str = Depends(web_sender)) -> dict[str, object]:
    body = await json_body(request, WebMessage, MAX_MESSAGE_BODY)
    return await _answer(request, web.incoming(sender, body.text, body.message_id, body.name, body.question_id))


@router.post("/web/voice", dependencies=[Depends(require_token)])
async def post_voice(request: Request, sender: str = Depends(web_sender)) -> dict[str, object]:
    """A clip recorded in the page (MediaRecorder: WebM/Opus, or MP4/AAC on Safari)."""
    voice: VoiceNotes = request.app.state.voice
    # Room for a clip somewhat over the limit, so that it gets the core's friendly "too long" answer.
    sent = await _form_file(request, "audio", voice.settings.max_bytes, 2 * voice.settings.max_bytes + 1024 * 1024)
    if not sent.content_type.startswith(("audio/", "video/webm", "video/mp4", "application/octet-stream")):
        raise HTTPException(status_code=415, detail="send an audio recording")
    return await _answer(request, web.incoming_voice(sender, sent.data, sent.content_type, sent.message_id))


@router.post("/web/attachments", dependencies=[Depends(require_token)])
async def post_attachment(request: Request, sender: str = Depends(web_sender)) -> dict[str, object]:
    """A file picked with the paperclip, the same shape as a voice clip: a receipt photo (kind "image"),
    an M-PESA statement CSV or a PDF (kind "document")."""
    sent = await _form_file(request, "file", MAX_FILE_BYTES, MAX_FILE_BYTES + 5 * 1024 * 1024)
    kind = _kind(sent.content_type, sent.filename)
    if kind is None:
        raise HTTPException(status_code=415, detail="send a photo, a CSV statement or a PDF")
    message = web.incoming_file(
        sender, kind, sent.data, sent.content_type, sent.filename, sent.message_id, size=sent.size
    )
    return await _answer(request, message)


@dataclass(frozen=True)
class _SentFile:
    data: bytes  # at most one byte past the limit
    content_type: str
    filename: str
    size: int  # as sent
    message_id: str | None


async def _form_file(request: Request, field: str, max_bytes: int, body_limit: int) -> _SentFile:
    """The form's one file (`field`) and its message_id: at most `max_bytes` + 1 of it read (enough to
    know it is too big, and say so), the size it declared kept."""
    form = await capped_form(request, body_limit, max_files=1, max_fields=5)
    try:
        upload = form.get(field)
        if not isinstance(upload, UploadFile):
            raise HTTPException(status_code=422, detail=f"send the file as the form's `{field}` file")
        fields = validated(WebFileFields, {k: v for k, v in form.items() if isinstance(v, str)})
        data = await upload.read(max_bytes + 1)
        # The name as the person's device gave it, without a path or what no column keeps.
        name = _UNSAFE_NAME.sub("", (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()[-120:]
        return _SentFile(
            data,
            upload.content_type or "application/octet-stream",
            name or field,
            upload.size or len(data),
            fields.message_id,
        )
    finally:
        await form.close()


def _kind(content_type: str, filename: str) -> str | None:
    if content_type.startswith("image/"):
        return "image"
    if content_type.split(";")[0].strip() in _DOCUMENT_TYPES or filename.lower().endswith((".csv", ".pdf")):
        return "document"
    return None


@router.get("/web/history", dependencies=[Depends(require_token)])
def get_history(request: Request) -> dict[str, object]:
    """This session's conversation as kept (within the retention period): shown again after a reload."""
    sender = session_of(request)
    if sender is None:
        return {"messages": []}
    retention = timedelta(days=RetentionSettings().kavi_message_retention_days)
    with session_scope(request.app.state.conversation.engine) as session:
        return {"messages": history(session, sender=sender, retention=retention)}


async def _answer(request: Request, message: IncomingMessage) -> dict[str, object]:
    """The same pipeline as every channel; delivery is this response, with media behind links."""
    pipeline: Pipeline = request.app.state.pipeline
    replies = await pipeline.answer(message)
    return await asyncio.to_thread(_outgoing, pipeline, replies, message.external_id)


def _outgoing(pipeline: Pipeline, replies: list[Reply], external_id: str | None) -> dict[str, object]:
    with session_scope(pipeline.engine) as session:

        def link(media: Media) -> str:
            return web.MEDIA_PATH + _store(session, media)

        shown: list[dict[str, Any]] = [web.outgoing(reply, link) for reply in replies]
        # Kept with the message, so the history links them too (and a retried message gets them again).
        return {"replies": keep_media(session, external_id=external_id, shown=shown)}


def _store(session: Session, media: Media) -> str:
    return store_media(session, content_type=media.content_type, filename=media.filename, data=media.data)


@router.get("/media/{token}")
def media(token: str, request: Request) -> Response:
    with session_scope(request.app.state.conversation.engine) as session:
        found = load_media(session, token=token)
        if found is None:
            raise HTTPException(status_code=404, detail="no such file, or the link has expired")
        return Response(
            content=found.data,
            media_type=found.content_type,
            headers={
                "Content-Disposition": f'inline; filename="{found.filename}"',
                "Cache-Control": "private",
            },
        )
