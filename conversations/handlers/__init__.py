"""One handler per intent. A handler takes the turn and the intent and returns a Reply."""

from collections.abc import Callable

from conversations.handlers import basics, records, summary, undo
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.turn import Turn

Handler = Callable[[Turn, Intent], Reply]

HANDLERS: dict[str, Handler] = {
    "record_expense": records.record,
    "record_income": records.record,
    "record_transfer": records.record,
    "query_summary": summary.summary,
    "undo": undo.undo,
    "redo": undo.redo,
    "greeting": basics.greeting,
    "help": basics.help_,
    "unknown": basics.unknown,
    "set_language": basics.language,
}


def handler_for(intent: Intent) -> Handler:
    """Intents whose services come later answer honestly instead of pretending."""
    return HANDLERS.get(intent.name, basics.not_yet)
