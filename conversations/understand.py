"""One interface for understanding a message, whichever path answers."""

from datetime import date

from conversations.intents import Intent
from conversations.parser.classify import parse
from finance.clock import today_in


def understand(text: str, today: date | None = None) -> Intent:
    """The local parser's reading of `text`; relative dates resolve against `today` (Nairobi by default)."""
    return parse(text, today or today_in())
