"""WhatsApp and SMS through Twilio: webhook form fields in, REST API messages out."""

import asyncio
import json
import logging
from dataclasses import replace

import httpx
from sqlalchemy.engine import Engine

from bot.media_links import public_media_url
from bot.records.outbound import record_outbound, within_window
from bot.settings import ChannelSettings
from bot.sms_format import fit_sms
from bot.text_split import split_text
from bot.twilio_client import twilio_client
from bot.twilio_media import MediaRefused, MediaTooBig, fetch_media
from conversations.messages import Attachment, IncomingMessage, Reply
from finance.db import session_scope
from finance.phones import e164 as to_e164

log = logging.getLogger(__name__)

WHATSAPP_LIMIT = 1600
MEDIA_LIMIT = 16 * 1024 * 1024  # WhatsApp's own limit for a message
MAX_MEDIA = 10


def e164(raw: str) -> str:
    """The sender's number from "whatsapp:+2547..." or "+2547..."; as given if it is no phone."""
    number = raw.removeprefix("whatsapp:").strip()
    return to_e164(number) or number


def incoming(form: dict[str, str], channel: str) -> IncomingMessage | None:
    sid = form.get("MessageSid") or form.get("SmsMessageSid")
    sender = form.get("From")
    if not sid or not sender:
        return None
    phone = e164(sender)
    attachments = []
    count = min(int(form.get("NumMedia") or 0) if (form.get("NumMedia") or "0").isdigit() else 0, MAX_MEDIA)
    for i in range(count):
        url = form.get(f"MediaUrl{i}")
        content_type = form.get(f"MediaContentType{i}", "application/octet-stream")
        if not url:
            continue
        kind = (
            "audio"
            if content_type.startswith("audio/")
            else "image"
            if content_type.startswith("image/")
            else "document"
        )
        attachments.append(Attachment(kind, content_type, ref=url))
    return IncomingMessage(
        channel=channel,
        sender=phone,
        text=form.get("Body") or "",
        display_name=form.get("ProfileName") or None,
        attachments=tuple(attachments),
        external_id=sid,
        phone=phone,
        reply_to=sender,
    )


class TwilioChannel:
    """One instance per channel ("whatsapp", "sms"); both send through the same Twilio account."""

    can_push = True

    def __init__(self, name: str, settings: ChannelSettings, engine: Engine | None) -> None:
        self.name = name
        self.settings = settings
        self.engine = engine
        self.client = twilio_client(settings)

    async def fetch(self, message: IncomingMessage) -> IncomingMessage:
        fetched = []
        # No client-wide auth and no automatic redirects: fetch_media decides, hop by hop, who gets the credentials.
        async with httpx.AsyncClient(follow_redirects=False, timeout=30) as http:
            for attachment in message.attachments:
                fetched.append(await self._download(http, attachment))
        return replace(message, attachments=tuple(fetched))

    async def _download(self, http: httpx.AsyncClient, attachment: Attachment) -> Attachment:
        if attachment.data is not None or not attachment.ref:
            return attachment
        credentials = (self.settings.twilio_account_sid or "", self.settings.twilio_auth_token or "")
        try:
            data = await fetch_media(
                http,
                attachment.ref,
                credentials=credentials,
                hosts=self.settings.twilio_media_host_patterns,
                limit=MEDIA_LIMIT,
            )
        except MediaTooBig as exc:
            return replace(attachment, size=exc.size)  # too big: the core says so
        except (MediaRefused, httpx.HTTPError) as exc:
            log.warning("could not fetch %s: %s", attachment.ref, exc)
            return attachment
        return replace(attachment, data=data, size=len(data))

    async def deliver(self, message: IncomingMessage, replies: list[Reply]) -> None:
        to = message.reply_to or (f"whatsapp:{message.sender}" if self.name == "whatsapp" else message.sender)
        for reply in replies:
            await asyncio.to_thread(self._send_reply, to, reply)

    def _send_reply(self, to: str, reply: Reply) -> None:
        links = [
            url
            for media in (reply.image, reply.document, reply.audio)
            if media
            for url in [public_media_url(self.engine, self.settings.kavi_public_url, media)]
            if url
        ]
        if self.name == "sms":
            document_links = links if reply.document else []
            self.send(to, fit_sms(reply.text, document_links))  # a chart's text is its one-line summary
            return
        chunks = split_text(reply.text, WHATSAPP_LIMIT) or [""]
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            self.send(to, chunk, media_url=links[:1] if last and links else None)

    def send(self, to: str, body: str, media_url: list[str] | None = None, **template: str) -> str:
        sender = self.settings.twilio_whatsapp_from if self.name == "whatsapp" else self.settings.twilio_sms_from
        params: dict[str, object] = {"from_": sender, "to": to}
        if template:
            params.update(template)
        else:
            params["body"] = body
        if media_url:
            params["media_url"] = media_url
        if self.settings.kavi_public_url:
            params["status_callback"] = f"{self.settings.kavi_public_url.rstrip('/')}/twilio/status"
        sent = self.client.messages.create(**params)
        with session_scope(self.engine) as session:
            record_outbound(
                session,
                channel=self.name,
                provider="twilio",
                provider_id=sent.sid or "",
                to=to,
                body=body,
                status=sent.status or "queued",
            )
        return sent.sid or ""

    async def push(self, to: str, reply: Reply) -> str:
        return await asyncio.to_thread(self.notify, to, reply.text)

    def notify(self, phone: str, text: str) -> str:
        """A message KAVI starts (a nudge). Outside WhatsApp's 24-hour window it must be an approved
        template: the configured ContentSid with the text as its variable."""
        to = f"whatsapp:{phone}" if self.name == "whatsapp" else phone
        if self.name == "whatsapp":
            with session_scope(self.engine) as session:
                open_window = within_window(session, channel="whatsapp", external_user_id=phone)
            if not open_window and self.settings.twilio_whatsapp_template_sid:
                return self.send(
                    to,
                    text,
                    content_sid=self.settings.twilio_whatsapp_template_sid,
                    content_variables=json.dumps({"1": text[:1000]}),
                )
        return self.send(to, fit_sms(text) if self.name == "sms" else text)
