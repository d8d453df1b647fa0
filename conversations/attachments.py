"""Messages that are only a voice note, a photo or a file: an M-PESA statement (CSV) is imported, a
receipt photo or PDF proposed as an expense; for the rest an honest answer."""

from conversations.handlers.receipts import propose
from conversations.matching import ask_about
from conversations.messages import Attachment, Reply
from conversations.receipts.scan import is_receipt
from conversations.texts import t
from conversations.turn import Turn
from finance.mpesa.statement import StatementError, read_statement
from finance.services.payments import pending_suggestions
from finance.services.statements import import_statement

MAX_ATTACHMENT_MB = 20


def attachment_reply(turn: Turn) -> Reply:
    attachment = turn.message.attachments[0]
    if attachment.size and attachment.size > MAX_ATTACHMENT_MB * 1024 * 1024:
        return Reply(t("attachment_too_big", turn.lang, limit=MAX_ATTACHMENT_MB))
    if attachment.kind == "document" and _is_csv(attachment) and attachment.data:
        return _statement(turn, attachment.data)
    if is_receipt(attachment):
        return propose(turn, attachment)
    key = {"audio": "attachment_audio", "image": "attachment_image"}.get(attachment.kind, "attachment_document")
    return Reply(t(key, turn.lang))


def _is_csv(attachment: Attachment) -> bool:
    return "csv" in attachment.content_type or (attachment.filename or "").lower().endswith(".csv")


def _statement(turn: Turn, data: bytes) -> Reply:
    """An M-PESA statement sent in chat: imported like `kavi import mpesa-statement`."""
    try:
        rows = read_statement(data)
    except StatementError as exc:
        return Reply(t("statement_unreadable", turn.lang, why=str(exc)[:120]))
    result = import_statement(turn.session, actor=turn.member, rows=rows)
    matched = t("statement_matched", turn.lang, count=result.matched, asked=result.suggested) if result.income else ""
    reply = Reply(
        t(
            "statement_imported",
            turn.lang,
            rows=result.rows,
            new=result.new,
            income=result.income,
            expenses=result.expenses,
            dupes=result.duplicates,
            matched=matched,
        )
    )
    question = next(
        (q for p in pending_suggestions(turn.session, actor=turn.member) if (q := ask_about(turn, p))), None
    )
    if question is not None:
        return Reply(reply.text + "\n\n" + question.text, choices=question.choices)
    return reply
