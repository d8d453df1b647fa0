"""Kenyan phone numbers in free text, normalised to E.164."""

import phonenumbers

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
    # Written in groups ("0711 222 333", "+254 711-222-333"): phonenumbers' matcher reads those.
    if sum(ch.isdigit() for ch in msg.raw) < 9:
        return None
    for match in phonenumbers.PhoneNumberMatcher(msg.raw, region, leniency=phonenumbers.Leniency.VALID):
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        index = next((i for i, t in enumerate(msg.tokens) if t.end > match.start), 0)
        return number, index
    return None
