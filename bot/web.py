"""The web-chat channel: JSON from the page in, JSON with text, media links and buttons out."""

from collections.abc import Callable
from typing import Any

from conversations.messages import Attachment, IncomingMessage, Media, Reply


def incoming(
    sender: str, text: str, message_id: str | None, name: str | None = None, question_id: int | None = None
) -> IncomingMessage:
    return IncomingMessage(
        channel="web",
        sender=sender,
        text=text,
        display_name=name,
        external_id=f"{sender}:{message_id}" if message_id else None,
        answers=question_id,
    )


def incoming_voice(sender: str, data: bytes, content_type: str, message_id: str | None) -> IncomingMessage:
    return IncomingMessage(
        channel="web",
        sender=sender,
        attachments=(Attachment("audio", content_type, data=data, filename="voice", size=len(data)),),
        external_id=f"{sender}:{message_id}" if message_id else None,
    )


def outgoing(reply: Reply, link: Callable[[Media], str]) -> dict[str, Any]:
    """`link` stores a media file and returns the URL the page fetches it from."""
    data: dict[str, Any] = {"text": reply.text, "choices": list(reply.choices)}
    if reply.question_id is not None:
        data["question_id"] = reply.question_id
    for kind in ("image", "document", "audio"):
        media = getattr(reply, kind)
        if media is not None:
            data[f"{kind}_url"] = link(media)
            data[f"{kind}_name"] = media.filename
    return data
