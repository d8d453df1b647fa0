"""undo and redo: soft delete and restore, both in the activity log."""

from conversations.handlers.records import describe
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.texts import t
from conversations.turn import Turn
from finance.services.ledger import redo_last, undo_last


def undo(turn: Turn, intent: Intent) -> Reply:
    txn = undo_last(turn.session, actor=turn.member)
    if txn is None:
        return Reply(t("nothing_to_undo", turn.lang))
    turn.state.last_transaction_id = None
    return Reply(t("undone", turn.lang, **describe(turn, txn)))


def redo(turn: Turn, intent: Intent) -> Reply:
    txn = redo_last(turn.session, actor=turn.member)
    if txn is None:
        return Reply(t("nothing_to_redo", turn.lang))
    turn.state.last_transaction_id = txn.id
    return Reply(t("redone", turn.lang, **describe(turn, txn)), choices=[t("undo_button", turn.lang)])
