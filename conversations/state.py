"""Conversation state in the database: the pending question survives a restart."""

from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from finance.clock import as_utc, utcnow
from finance.models import ConversationState

PENDING_FOR = timedelta(hours=24)


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
    if state.pending is None:
        return None, {}
    if state.expires_at is not None and as_utc(state.expires_at) < utcnow():
        return None, {}
    return state.pending, dict(state.slots or {})


def ask(state: ConversationState, question: str, slots: dict[str, Any] | None = None) -> None:
    state.pending = question
    state.slots = slots or {}
    state.expires_at = utcnow() + PENDING_FOR
    state.updated_at = utcnow()


def clear(state: ConversationState) -> None:
    state.pending = None
    state.slots = None
    state.expires_at = None
    state.updated_at = utcnow()
