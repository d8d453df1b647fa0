"""Conversation state in the database: KAVI's open questions survive a restart.

Every question gets an id. The latest one is *pending*: a typed answer that fits goes to it. A
message that does not fit sets it aside, and then only its buttons (which carry its id) answer it,
until it expires. Answering closes it."""

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from finance.clock import as_utc, utcnow
from finance.models import ConversationState

PENDING_FOR = timedelta(hours=24)
KEPT_OPEN = 5  # older questions' buttons stop working beyond this many


def load_state(session: Session, *, channel: str, sender: str) -> ConversationState:
    state = session.exec(
        select(ConversationState).where(
            ConversationState.channel == channel, ConversationState.external_user_id == sender
        )
    ).first()
    if state is None:
        state = ConversationState(channel=channel, external_user_id=sender)
        session.add(state)
        session.flush()
    return state


def pending(state: ConversationState) -> tuple[str | None, dict[str, Any]]:
    """The question a typed answer goes to, and the slots saved with it."""
    if state.pending is None:
        return None, {}
    if state.expires_at is not None and as_utc(state.expires_at) < utcnow():
        return None, {}
    return state.pending, dict(state.slots or {})


def pending_id(state: ConversationState) -> int | None:
    return state.pending_question_id if pending(state)[0] is not None else None


def ask(state: ConversationState, question: str, slots: dict[str, Any] | None = None) -> int:
    """Opens a question and makes it the pending one; returns its id (its buttons carry it)."""
    number = (state.question_seq or 0) + 1
    now = utcnow()
    state.question_seq = number
    state.pending = question
    state.pending_question_id = number
    state.slots = slots or {}
    state.expires_at = now + PENDING_FOR
    state.updated_at = now
    entry = {"id": number, "name": question, "slots": state.slots, "expires": state.expires_at.isoformat()}
    state.questions = [*_still_open(state, now), entry][-KEPT_OPEN:]
    return number


def clear(state: ConversationState) -> None:
    """The pending question is answered (or dropped for good): it closes, buttons included."""
    closing = state.pending_question_id
    state.questions = [q for q in _still_open(state, utcnow()) if q["id"] != closing] or None
    _unset_pending(state)


def set_aside(state: ConversationState) -> None:
    """A message that is not the answer: typed text stops going to the question; its buttons still work."""
    _unset_pending(state)


def resume(state: ConversationState, question_id: int) -> bool:
    """A button of an open question was tapped: that question becomes pending again. False if it closed."""
    for entry in _still_open(state, utcnow()):
        if entry["id"] == question_id:
            state.pending = str(entry["name"])
            state.pending_question_id = question_id
            state.slots = dict(entry.get("slots") or {})
            state.expires_at = datetime.fromisoformat(str(entry["expires"]))
            return True
    return False


def _still_open(state: ConversationState, now: datetime) -> list[dict[str, Any]]:
    return [q for q in state.questions or [] if as_utc(datetime.fromisoformat(str(q["expires"]))) >= now]


def _unset_pending(state: ConversationState) -> None:
    state.pending = None
    state.pending_question_id = None
    state.slots = None
    state.expires_at = None
    state.updated_at = utcnow()
