"""Kenyan phone numbers in free text, normalised to E.164."""

from conversations.parser.text import Analysed
from finance.phones import e164


def find_phone(msg: Analysed, region: str = "KE") -> tuple[str, int] | None:
    """(E.164 number, token index) of the first valid mobile or fixed number."""
    for i, token in enumerate(msg.tokens):
        digits = token.low.replace(",", "")
        if not digits.isdigit() or len(digits) < 9:
            continue
        number = e164(("+" if i and msg.lows[i - 1] == "+" else "") + digits, region)
        if number:
            return number, i
    return None
