"""The two types every channel speaks to the core: IncomingMessage in, Reply out."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from finance.clock import utcnow


@dataclass(frozen=True)
class Attachment:
    kind: str  # "audio" | "image" | "document"
    content_type: str
    data: bytes | None = None
    filename: str | None = None


@dataclass(frozen=True)
class IncomingMessage:
    channel: str  # "web" | "console" | "telegram" | "whatsapp" | "sms"
    sender: str  # the channel's id for the person
    text: str = ""
    display_name: str | None = None
    attachments: tuple[Attachment, ...] = ()
    # The platform's id for this message: the same id twice is handled once.
    external_id: str | None = None
    received_at: datetime = field(default_factory=utcnow)


@dataclass(frozen=True)
class Media:
    content_type: str
    filename: str
    data: bytes


@dataclass
class Reply:
    text: str
    image: Media | None = None
    document: Media | None = None
    audio: Media | None = None
    choices: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """What is kept of a reply to answer a replayed event (media by name only)."""
        data: dict[str, Any] = {"text": self.text, "choices": list(self.choices)}
        for kind in ("image", "document", "audio"):
            media = getattr(self, kind)
            if media is not None:
                data[kind] = {"content_type": media.content_type, "filename": media.filename}
        return data

    @classmethod
    def from_summary(cls, data: dict[str, Any]) -> "Reply":
        return cls(text=str(data.get("text", "")), choices=list(data.get("choices") or []))
