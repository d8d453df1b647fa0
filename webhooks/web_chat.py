"""The web chat: the page, its message route, and the media its replies link to."""

import asyncio
import secrets
from importlib.resources import files

from fastapi import APIRouter, Depends, File, Form, Header, HTTPException, Request, Response, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from sqlmodel import Session

from bot import web
from bot.pipeline import Pipeline
from bot.records.media import load_media, store_media
from bot.voice_notes import VoiceNotes
from conversations.messages import IncomingMessage, Media, Reply
from finance.db import session_scope

# Generous: a too-long message still gets a friendly reply from the core; beyond this is not chat.
MAX_TEXT = 20_000

router = APIRouter()


class WebMessage(BaseModel):
    sender: str = Field(min_length=8, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")
    text: str = Field(default="", max_length=MAX_TEXT)
    message_id: str | None = Field(default=None, max_length=128)
    name: str | None = Field(default=None, max_length=80)
    # Set when the text is a tapped button: the question it answers.
    question_id: int | None = Field(default=None, ge=1)


def require_token(request: Request, x_kavi_token: str | None = Header(default=None)) -> None:
    expected: str | None = request.app.state.web_token
    if expected and not (x_kavi_token and secrets.compare_digest(x_kavi_token, expected)):
        raise HTTPException(status_code=401, detail="missing or wrong X-Kavi-Token")


@router.get("/", response_class=HTMLResponse)
def page() -> HTMLResponse:
    return HTMLResponse(files("webhooks").joinpath("static/chat.html").read_text(encoding="utf-8"))


@router.post("/web/messages", dependencies=[Depends(require_token)])
async def post_message(body: WebMessage, request: Request) -> dict[str, object]:
    return await _answer(request, web.incoming(body.sender, body.text, body.message_id, body.name, body.question_id))


@router.post("/web/voice", dependencies=[Depends(require_token)])
async def post_voice(
    request: Request,
    audio: UploadFile = File(...),
    sender: str = Form(min_length=8, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$"),
    message_id: str | None = Form(default=None, max_length=128),
) -> dict[str, object]:
    """A clip recorded in the page (MediaRecorder: WebM/Opus, or MP4/AAC on Safari)."""
    voice: VoiceNotes = request.app.state.voice
    # One byte past the limit is enough to know it is too big; the rest is never read.
    data = await audio.read(voice.settings.max_bytes + 1)
    content_type = audio.content_type or "application/octet-stream"
    if not content_type.startswith(("audio/", "video/webm", "video/mp4", "application/octet-stream")):
        raise HTTPException(status_code=415, detail="send an audio recording")
    return await _answer(request, web.incoming_voice(sender, data, content_type, message_id))


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
