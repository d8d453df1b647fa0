"""The Undo button under a confirmation: it opens a question holding the entries that message made,
which only the button answers, so it removes those entries even when tapped after newer ones
(typing "undo" still removes the latest). handlers/undo.py declares the question and its answer."""

from conversations import state as st
from conversations.messages import Reply
from conversations.texts import t
from conversations.turn import Turn

UNDO_ENTRY = "undo_entry"


def with_undo(turn: Turn, text: str, *transaction_ids: int | None) -> Reply:
    """A confirmation with the Undo button for the entries it confirms."""
    ids = [i for i in transaction_ids if i]
    question_id = st.offer(turn.state, UNDO_ENTRY, {"transaction_ids": ids}) if ids else None
    return Reply(text, choices=[t("undo_button", turn.lang)], question_id=question_id)
