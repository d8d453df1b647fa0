"""undo and redo: soft delete and restore, both in the activity log."""

from conversations.contract import IntentSpec
from conversations.handlers.records import describe
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import WRITERS, Help, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.services.ledger import redo_last, undo_last
from finance.services.payments import unapply


def undo(turn: Turn, intent: Intent) -> Reply:
    txn = undo_last(turn.session, actor=turn.member)
    if txn is None:
        return Reply(t("nothing_to_undo", turn.lang))
    turn.state.last_transaction_id = None
    text = t("undone", turn.lang, **describe(turn, txn))
    # An invoice payment comes off its invoices with its entry; a redo records it as plain income.
    numbers = unapply(turn.session, actor=turn.member, transaction_id=txn.id or 0)
    if numbers:
        text += "\n" + t("payment_unapplied", turn.lang, numbers=", ".join(numbers))
    return Reply(text)


def redo(turn: Turn, intent: Intent) -> Reply:
    txn = redo_last(turn.session, actor=turn.member)
    if txn is None:
        return Reply(t("nothing_to_redo", turn.lang))
    turn.state.last_transaction_id = txn.id
    return Reply(t("redone", turn.lang, **describe(turn, txn)), choices=[t("undo_button", turn.lang)])


declare(
    "undo",
    undo,
    roles=WRITERS,
    says=("undo", "undo that", "delete the last entry", "futa", "futa hiyo"),
    spec=IntentSpec("Undo the last entry."),
    command=True,
    gemini=False,
    help=Help(
        50,
        '• Fix mistakes: "undo", "redo", "no, it was 1,500"',
        '• Rekebisha makosa: "futa", "redo", "hapana, ilikuwa 1,500"',
    ),
)
declare("redo", redo, roles=WRITERS, command=True, gemini=False)
