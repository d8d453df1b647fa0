"""The web chat: the page, its message routes, and the media its replies link to.

Who is typing is the signed session cookie (webhooks/web_session.py), never a field the page sends."""

import asyncio
import secrets
from importlib.resources import files

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from sqlmodel import Session
from starlette.datastructures import UploadFile

from bot import web
from bot.pipeline import Pipeline
from bot.records.media import load_media, store_media
from bot.voice_notes import VoiceNotes
from conversations.messages import IncomingMessage, Media, Reply
from finance.db import session_scope
from webhooks.bodies import WebMessage, WebVoiceFields
from webhooks.request_body import capped_form, json_body, validated
from webhooks.web_session import ensure_session, web_sender

# A 20,000-character message, every character escaped as \uXXXX, with room to spare.
MAX_MESSAGE_BODY = 256 * 1024

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
    form = await capped_form(request, 2 * voice.settings.max_bytes + 1024 * 1024, max_files=1, max_fields=5)
    try:
        audio = form.get("audio")
        if not isinstance(audio, UploadFile):
            raise HTTPException(status_code=422, detail="send the recording as the form's `audio` file")
        fields = validated(WebVoiceFields, {k: v for k, v in form.items() if isinstance(v, str)})
        # One byte past the limit is enough to know it is too big.
        data = await audio.read(voice.settings.max_bytes + 1)
        content_type = audio.content_type or "application/octet-stream"
    finally:
        await form.close()
    if not content_type.startswith(("audio/", "video/webm", "video/mp4", "application/octet-stream")):
        raise HTTPException(status_code=415, detail="send an audio recording")
    return await _answer(request, web.incoming_voice(sender, data, content_type, fields.message_id))


async def _answer(request: Request, message: IncomingMessage) -> dict[str, object]:
    """The same pipeline as every channel; delivery is this response, with media behind links."""
    pipeline: Pipeline = request.app.state.pipeline
    replies = await pipeline.answer(message)
    return await asyncio.to_thread(_outgoing, pipeline, replies)


def _outgoing(pipeline: Pipeline, replies: list[Reply]) -> dict[str, object]:
    with session_scope(pipeline.engine) as session:

        def link(media: Media) -> str:
            return "/media/" + _store(session, media)

        return {"replies": [web.outgoing(reply, link) for reply in replies]}


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
