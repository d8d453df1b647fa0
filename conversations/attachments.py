"""Messages that are only a voice note, a photo or a file: an honest answer until KAVI can read them."""

from conversations.messages import Reply
from conversations.texts import t
from conversations.turn import Turn

MAX_ATTACHMENT_MB = 20


def attachment_reply(turn: Turn) -> Reply:
    attachment = turn.message.attachments[0]
    if attachment.size and attachment.size > MAX_ATTACHMENT_MB * 1024 * 1024:
        return Reply(t("attachment_too_big", turn.lang, limit=MAX_ATTACHMENT_MB))
    key = {"audio": "attachment_audio", "image": "attachment_image"}.get(attachment.kind, "attachment_document")
    return Reply(t(key, turn.lang))
