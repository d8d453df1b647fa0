"""A notice reaches its person: pushed by the outbox sender, or, where KAVI cannot push (the web chat,
the console), shown before the answer to their next message. A notice that asks something opens its
question only then, so the person's next message answers what they have seen."""

import base64
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.records.outbox import notices_for
from conversations import state as st
from conversations.messages import Media, Reply


def open_question(session: Session, *, channel: str, to: str, payload: dict[str, Any]) -> int | None:
    """Opens the question a notice asks (its buttons carry the id returned); None when it asks none."""
    asked = payload.get("question")
    if not asked:
        return None
    state = st.load_state(session, channel=channel, sender=to)
    return st.ask(state, str(asked["name"]), dict(asked.get("slots") or {}))


def close_question(session: Session, *, channel: str, to: str, question_id: int) -> None:
    """The notice that asked it could not be sent: nobody saw the question, so nothing answers it."""
    st.close(st.load_state(session, channel=channel, sender=to), question_id)


def notice_reply(payload: dict[str, Any], question_id: int | None) -> Reply:
    image = payload.get("image")  # a nudge's chart, kept in the row as base64
    return Reply(
        str(payload.get("text") or ""),
        choices=list(payload.get("choices") or []),
        question_id=question_id,
        image=Media("image/png", "chart.png", base64.b64decode(image)) if image else None,
    )


def held(payload: dict[str, Any], now: datetime) -> bool:
    """A nudge made in the person's quiet hours waits until they end."""
    until = payload.get("not_before")
    return bool(until) and datetime.fromisoformat(str(until)) > now


def waiting_notices(session: Session, *, channel: str, sender: str) -> list[Reply]:
    """Notices for someone KAVI cannot push to, marked shown, as replies to put first."""
    replies = []
    for row in notices_for(session, channel=channel, recipient=sender):
        payload = row.payload or {}
        replies.append(notice_reply(payload, open_question(session, channel=channel, to=sender, payload=payload)))
    return replies
