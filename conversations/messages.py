"""The two types every channel speaks to the core: IncomingMessage in, Reply out."""

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from finance.clock import utcnow


@dataclass(frozen=True)
class Attachment:
    kind: str  # "audio" | "image" | "document"
    content_type: str
    data: bytes | None = None
    filename: str | None = None
    # Where the channel keeps it until fetched (a Telegram file_id, a Twilio media URL).
    ref: str | None = None
    size: int | None = None


@dataclass(frozen=True)
class Heard:
    """What the recognizer made of a voice note (filled in by the bot layer before the core sees it)."""

    text: str = ""
    confidence: float = 0.0
    language: str | None = None
    engine: str = ""
    seconds: float = 0.0
    # Words the recognizer was unsure of; an amount or a name among them means "ask first".
    doubtful: tuple[str, ...] = ()
    # Why there is no text: "too_long", "too_large", "unreadable", "busy", "off"; None when heard.
    problem: str | None = None
    # The limit that was passed (seconds for too_long, MB for too_large).
    limit: float = 0.0


@dataclass(frozen=True)
class Scanned:
    """What was read off a receipt photo or PDF, before the message's transaction opened (the reading
    takes a second or more). The core finds the total, day and merchant in it."""

    text: str = ""
    engine: str = ""  # "tesseract" | "gemini" | "pdf" (a PDF's own text)
    seconds: float = 0.0
    # Why nothing was read: "unreadable" (not a picture), "off" (no OCR on this server); None when read.
    problem: str | None = None
    # Gemini vision's fields (total, date, merchant, category) when it read the picture.
    fields: dict[str, str] = field(default_factory=dict)


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
    # E.164, for channels where the sender *is* a phone number (WhatsApp, SMS).
    phone: str | None = None
    # Where replies go (a Telegram chat id, "whatsapp:+2547..."); the sender when empty.
    reply_to: str | None = None
    # A number the person shared on purpose (Telegram's contact button), E.164.
    shared_phone: str | None = None
    # What the platform wants acknowledged (a Telegram callback query id).
    ack_id: str | None = None
    # A voice note's transcript; the core treats its text as what the person typed, after checks.
    heard: Heard | None = None
    # The id of the question whose button was tapped (the text is the button's label).
    answers: int | None = None
    # For someone KAVI does not know yet: whether they wrote before (their message was kept, nothing
    # else). None where messages are not stored (the console): then nothing waits for a second message.
    wrote_before: bool | None = None
    # The language that earlier message was in ("hi" then "Duka Letu": English, whatever the name sounds like).
    earlier_language: str | None = None
    # A receipt's text (filled in before the core sees it; the core reads the picture itself when not).
    scanned: Scanned | None = None

    def payload(self) -> dict[str, Any]:
        """JSON for the inbound-event table; attachment bytes are left out (they are refetched by ref)."""
        data = asdict(self)
        data["received_at"] = self.received_at.isoformat()
        data["attachments"] = [{k: v for k, v in a.items() if k != "data"} for a in data["attachments"]]
        return data

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> "IncomingMessage":
        return cls(
            channel=data["channel"],
            sender=data["sender"],
            text=data.get("text") or "",
            display_name=data.get("display_name"),
            attachments=tuple(Attachment(**a) for a in data.get("attachments") or []),
            external_id=data.get("external_id"),
            received_at=datetime.fromisoformat(data["received_at"]) if data.get("received_at") else utcnow(),
            phone=data.get("phone"),
            reply_to=data.get("reply_to"),
            shared_phone=data.get("shared_phone"),
            ack_id=data.get("ack_id"),
            heard=_heard(data.get("heard")),
            answers=int(data["answers"]) if data.get("answers") is not None else None,
            scanned=Scanned(**data["scanned"]) if data.get("scanned") else None,
        )


def _heard(data: dict[str, Any] | None) -> Heard | None:
    if not data:
        return None
    return Heard(**{**data, "doubtful": tuple(data.get("doubtful") or ())})


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
    # Ask the person to share their phone number (channels that can, such as Telegram).
    request_phone: bool = False
    # What to say in a voice note (a short version of `text`) and in which language; None: text only.
    spoken: str | None = None
    spoken_language: str = "en"
    # The open question the choices answer; channels with buttons send it back with the tap.
    question_id: int | None = None

    def summary(self) -> dict[str, Any]:
        """What is kept of a reply to answer a replayed event (media by name only)."""
        data: dict[str, Any] = {"text": self.text, "choices": list(self.choices)}
        if self.question_id is not None:
            data["question_id"] = self.question_id
        if self.request_phone:
            data["request_phone"] = True
        for kind in ("image", "document", "audio"):
            media = getattr(self, kind)
            if media is not None:
                data[kind] = {"content_type": media.content_type, "filename": media.filename}
        return data

    @classmethod
    def from_summary(cls, data: dict[str, Any]) -> "Reply":
        return cls(
            text=str(data.get("text", "")),
            choices=list(data.get("choices") or []),
            request_phone=bool(data.get("request_phone")),
            question_id=data.get("question_id"),
        )
