"""Conversation state in the database: KAVI's open questions survive a restart.

Every question gets an id. The latest one is *pending*: a typed answer that fits goes to it. A
message that does not fit sets it aside, and then only its buttons (which carry its id) answer it,
until it expires. Answering closes it."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, Session, SQLModel, select

from finance.clock import as_utc, utcnow
from finance.models.types import UTCDateTime


class ConversationState(SQLModel, table=True):
    """Per channel user: the pending question, its slots and what was just recorded."""

    __table_args__ = (UniqueConstraint("channel", "external_user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    external_user_id: str = Field(max_length=128)
    pending: str | None = Field(default=None, max_length=40)
    slots: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    # The pending question's id, the last id given, and the questions whose buttons still work.
    pending_question_id: int | None = Field(default=None)
    question_seq: int = Field(default=0)
    questions: list[dict[str, Any]] | None = Field(default=None, sa_type=JSON)
    last_transaction_id: int | None = Field(default=None, foreign_key="transaction.id")
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


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


def offer(state: ConversationState, question: str, slots: dict[str, Any] | None = None) -> int:
    """Opens a question that only its buttons answer (the Undo under a confirmation): what was
    pending stays pending, and typed messages never go to it. Returns its id."""
    kept = (state.pending, state.pending_question_id, state.slots, state.expires_at)
    number = ask(state, question, slots)
    state.pending, state.pending_question_id, state.slots, state.expires_at = kept
    return number


def clear(state: ConversationState) -> None:
    """The pending question is answered (or dropped for good): it closes, buttons included."""
    if state.pending_question_id is not None:
        close(state, state.pending_question_id)
    _unset_pending(state)


def close(state: ConversationState, question_id: int) -> None:
    """One question closes, pending or set aside (a notice that asked it never reached the person)."""
    state.questions = [q for q in _still_open(state, utcnow()) if q["id"] != question_id] or None
    if state.pending_question_id == question_id:
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
