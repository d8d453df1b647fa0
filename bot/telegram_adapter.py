"""Telegram updates in, Bot API calls out (python-telegram-bot)."""

import logging
import re
from dataclasses import replace

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.error import TelegramError

from bot.pacing import ChatPacer
from bot.text_split import split_text
from conversations.messages import Attachment, IncomingMessage, Reply
from finance.phones import e164

log = logging.getLogger(__name__)

TEXT_LIMIT = 4096
DOWNLOAD_LIMIT = 20 * 1024 * 1024  # what getFile allows a bot


def incoming(update: Update) -> IncomingMessage | None:
    """The message in an update, or None for update types KAVI does not handle (edits, joins...)."""
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    sender = str(user.id)
    display_name = user.full_name or None
    external_id = str(update.update_id)
    query = update.callback_query
    if query is not None:
        chat = query.message.chat.id if query.message else user.id
        question_id, label = button_data(query.data or "")
        return IncomingMessage(
            channel="telegram",
            sender=sender,
            text=label,
            answers=question_id,
            display_name=display_name,
            external_id=external_id,
            reply_to=str(chat),
            ack_id=query.id,
        )
    message = update.message
    if message is None:
        return None
    attachments = _attachments(message)
    shared = None
    if message.contact and message.contact.user_id == user.id:
        shared = _e164(message.contact.phone_number)
    return IncomingMessage(
        channel="telegram",
        sender=sender,
        text=message.text or message.caption or "",
        display_name=display_name,
        attachments=tuple(attachments),
        external_id=external_id,
        reply_to=str(message.chat.id),
        shared_phone=shared,
    )


def _attachments(message: Message) -> list[Attachment]:
    """Voice, audio, the largest photo size (Telegram lists them smallest first) and documents."""
    found: list[tuple[str, str, object, str | None]] = []
    if message.voice:
        found.append(("audio", message.voice.mime_type or "audio/ogg", message.voice, "voice.ogg"))
    if message.audio:
        found.append(("audio", message.audio.mime_type or "audio/mpeg", message.audio, message.audio.file_name))
    if message.photo:
        found.append(("image", "image/jpeg", message.photo[-1], "photo.jpg"))
    if message.document:
        doc = message.document
        found.append(("document", doc.mime_type or "application/octet-stream", doc, doc.file_name))
    return [
        Attachment(
            kind, content_type, ref=getattr(file, "file_id", None), size=getattr(file, "file_size", None), filename=name
        )
        for kind, content_type, file, name in found
    ]


def _e164(raw: str) -> str | None:
    # Telegram sends contacts' numbers international, without the "+".
    return e164(raw if raw.startswith("+") else "+" + raw)


class TelegramChannel:
    name = "telegram"
    can_push = True

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.pacer = ChatPacer()

    async def fetch(self, message: IncomingMessage) -> IncomingMessage:
        fetched = []
        for attachment in message.attachments:
            if attachment.data is not None or not attachment.ref:
                fetched.append(attachment)
                continue
            if attachment.size and attachment.size > DOWNLOAD_LIMIT:
                fetched.append(attachment)  # too big to download; the core says so
                continue
            try:
                file = await self.bot.get_file(attachment.ref)
                data = bytes(await file.download_as_bytearray())
            except TelegramError as exc:
                log.warning("could not download %s: %s", attachment.ref, exc)
                fetched.append(attachment)
                continue
            fetched.append(
                Attachment(
                    attachment.kind, attachment.content_type, data, attachment.filename, attachment.ref, len(data)
                )
            )
        return replace(message, attachments=tuple(fetched))

    async def push(self, to: str, reply: Reply) -> str:
        await self._send(int(to), reply)
        return ""

    async def deliver(self, message: IncomingMessage, replies: list[Reply]) -> None:
        chat_id = int(message.reply_to or message.sender)
        if message.ack_id:
            try:
                await self.bot.answer_callback_query(message.ack_id)
            except TelegramError as exc:  # an old button: the answer still goes out below
                log.info("callback query %s not acknowledged: %s", message.ack_id, exc)
        for reply in replies:
            await self._send(chat_id, reply)

    async def _send(self, chat_id: int, reply: Reply) -> None:
        markup = _markup(reply)
        chunks = split_text(reply.text, TEXT_LIMIT) if reply.text else []
        has_media = any((reply.image, reply.document, reply.audio))
        for i, chunk in enumerate(chunks):
            await self.pacer.wait(str(chat_id))
            last = i == len(chunks) - 1
            await self.bot.send_message(chat_id, chunk, reply_markup=markup if last and not has_media else None)
        if reply.image:
            await self.pacer.wait(str(chat_id))
            await self.bot.send_photo(
                chat_id,
                InputFile(reply.image.data, filename=reply.image.filename),
                reply_markup=markup if not (reply.document or reply.audio) else None,
            )
        if reply.document:
            await self.pacer.wait(str(chat_id))
            await self.bot.send_document(
                chat_id,
                InputFile(reply.document.data, filename=reply.document.filename),
                reply_markup=markup if not reply.audio else None,
            )
        if reply.audio:
            await self.pacer.wait(str(chat_id))
            await self.bot.send_voice(
                chat_id, InputFile(reply.audio.data, filename=reply.audio.filename), reply_markup=markup
            )


def _markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    if reply.choices:
        # callback_data is limited to 64 bytes; choices are short words anyway
        return InlineKeyboardMarkup(
            [[InlineKeyboardButton(c, callback_data=_callback_data(reply, c)) for c in reply.choices]]
        )
    if reply.request_phone:
        return ReplyKeyboardMarkup(
            [[KeyboardButton("📱 Share my number", request_contact=True)]], one_time_keyboard=True, resize_keyboard=True
        )
    return None


_BUTTON_RE = re.compile(r"^q(\d{1,12}):(.*)$", re.S)


def _callback_data(reply: Reply, choice: str) -> str:
    """The button's label, prefixed with the id of the question it answers ("q17:Money in")."""
    data = f"q{reply.question_id}:{choice}" if reply.question_id is not None else choice
    return data.encode()[:64].decode(errors="ignore")  # Telegram's limit is 64 bytes


def button_data(data: str) -> tuple[int | None, str]:
    """(question id, label) from a tapped button; plain labels (older buttons) have no id."""
    match = _BUTTON_RE.match(data)
    return (int(match.group(1)), match.group(2)) if match else (None, data)
