"""undo and redo: soft delete and restore, both in the activity log."""

from typing import Any

from conversations import state as st
from conversations.contract import IntentSpec
from conversations.handlers.records import describe
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import CHOICE, WRITERS, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from conversations.undo_buttons import UNDO_ENTRY, with_undo
from finance.errors import NotFound
from finance.models import Transaction
from finance.services.ledger import redo_last, undo_entry, undo_last
from finance.services.payments import unapply


def undo(turn: Turn, intent: Intent) -> Reply:
    txn = undo_last(turn.session, actor=turn.member)
    if txn is None:
        return Reply(t("nothing_to_undo", turn.lang))
    return Reply(_undone(turn, txn))


def undo_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """The Undo button under a confirmation: removes the entries that message made, and only those."""
    if _words(text) not in {_words(t("undo_button", lang)) for lang in ("en", "sw")}:
        return None
    st.clear(turn.state)
    removed = []
    for transaction_id in slots.get("transaction_ids") or []:
        try:
            txn = undo_entry(turn.session, actor=turn.member, transaction_id=int(transaction_id))
        except NotFound:
            txn = None  # not theirs, or gone from the books
        if txn is not None:
            removed.append(_undone(turn, txn))
    return Reply("\n".join(removed) if removed else t("undone_already", turn.lang))


def _words(text: str) -> str:
    return " ".join(text.casefold().strip(" .!").split())


def _undone(turn: Turn, txn: Transaction) -> str:
    if turn.state.last_transaction_id == txn.id:
        turn.state.last_transaction_id = None
    text = t("undone", turn.lang, **describe(turn, txn))
    # An invoice payment comes off its invoices with its entry; a redo records it as plain income.
    numbers = unapply(turn.session, actor=turn.member, transaction_id=txn.id or 0)
    if numbers:
        text += "\n" + t("payment_unapplied", turn.lang, numbers=", ".join(numbers))
    return text


def redo(turn: Turn, intent: Intent) -> Reply:
    txn = redo_last(turn.session, actor=turn.member)
    if txn is None:
        return Reply(t("nothing_to_redo", turn.lang))
    turn.state.last_transaction_id = txn.id
    return with_undo(turn, t("redone", turn.lang, **describe(turn, txn)), txn.id)


declare(
    "undo",
    undo,
    roles=WRITERS,
    says=("undo", "undo that", "delete the last entry", "futa", "futa hiyo"),
    spec=IntentSpec("Undo the last entry."),
    command=True,
    gemini=False,
    questions=(Question(UNDO_ENTRY, CHOICE, undo_answer),),
    help=Help(
        50,
        '• Fix mistakes: "undo", "redo", "no, it was 1,500"',
        '• Rekebisha makosa: "futa", "redo", "hapana, ilikuwa 1,500"',
    ),
)
declare("redo", redo, roles=WRITERS, command=True, gemini=False)
