"""Kenyan phone numbers in free text, normalised to E.164 with phonenumbers."""

import phonenumbers

from conversations.parser.text import Analysed


def find_phone(msg: Analysed, region: str = "KE") -> tuple[str, int] | None:
    """(E.164 number, token index) of the first valid mobile or fixed number."""
    for i, token in enumerate(msg.tokens):
        digits = token.low.replace(",", "")
        if not digits.isdigit() or len(digits) < 9:
            continue
        text = ("+" if i and msg.lows[i - 1] == "+" else "") + digits
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), i
    return None
