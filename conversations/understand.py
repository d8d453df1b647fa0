"""One interface for understanding a message, whichever path answers."""

from datetime import date

from conversations.intents import Intent
from conversations.parser.classify import MAX_PARSE_CHARS, parse
from conversations.parser.intent_gate import combine
from conversations.parser.intent_model import shipped
from finance.clock import today_in


def understand(text: str, today: date | None = None) -> Intent:
    """The local reading of `text`: the rules, checked and filled in by the intent model; relative
    dates resolve against `today` (Nairobi by default)."""
    day = today or today_in()
    return combine(text, day, parse(text, day), shipped().read(text[:MAX_PARSE_CHARS]))
