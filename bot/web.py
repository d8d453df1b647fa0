"""The web-chat channel: JSON from the page in, JSON with text, media links and buttons out."""

from collections.abc import Callable
from typing import Any

from conversations.messages import Attachment, IncomingMessage, Media, Reply

# Where a reply's stored media is served (webhooks/web_chat.py); the token follows.
MEDIA_PATH = "/media/"
MEDIA_KINDS = ("image", "document", "audio")


def incoming(
    sender: str, text: str, message_id: str | None, name: str | None = None, question_id: int | None = None
) -> IncomingMessage:
    return IncomingMessage(
        channel="web",
        sender=sender,
        text=text,
        display_name=name,
        external_id=_event_key(sender, message_id),
        answers=question_id,
    )


def incoming_voice(sender: str, data: bytes, content_type: str, message_id: str | None) -> IncomingMessage:
    return incoming_file(sender, "audio", data, content_type, "voice", message_id)


def incoming_file(
    sender: str,
    kind: str,
    data: bytes,
    content_type: str,
    filename: str,
    message_id: str | None,
    size: int | None = None,
) -> IncomingMessage:
    """A file sent from the page: a voice clip ("audio"), a photo ("image"), a statement or PDF ("document")."""
    return IncomingMessage(
        channel="web",
        sender=sender,
        attachments=(Attachment(kind, content_type, data=data, filename=filename, size=size or len(data)),),
        external_id=_event_key(sender, message_id),
    )


def _event_key(sender: str, message_id: str | None) -> str | None:
    return f"{sender}:{message_id}" if message_id else None


def outgoing(reply: Reply, link: Callable[[Media], str]) -> dict[str, Any]:
    """`link` stores a media file and returns the URL the page fetches it from."""
    data: dict[str, Any] = {"text": reply.text, "choices": list(reply.choices)}
    if reply.question_id is not None:
        data["question_id"] = reply.question_id
    for kind in MEDIA_KINDS:
        media = getattr(reply, kind)
        if media is not None:
            data[f"{kind}_url"] = link(media)
            data[f"{kind}_name"] = media.filename
    return data
