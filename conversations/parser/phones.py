"""Kenyan phone numbers in free text, normalised to E.164."""

import re

import phonenumbers

from conversations.parser.text import Analysed
from finance.phones import e164

# A Kenyan mobile number written in digits, maybe spaced out ("0711 111 111", "+254 711111111").
WRITTEN_PHONE_RE = re.compile(r"(?<!\d)(?:\+?254|0)\s?[17]\d{2}\s?\d{3}\s?\d{3}(?!\d)")

# Digits said one by one ("zero seven two two …"), in a voice note or typed as heard.
_SPOKEN_DIGITS = {
    "zero": "0", "oh": "0", "sifuri": "0", "one": "1", "moja": "1", "two": "2", "mbili": "2", "three": "3",
    "tatu": "3", "four": "4", "nne": "4", "five": "5", "tano": "5", "six": "6", "sita": "6", "seven": "7",
    "saba": "7", "eight": "8", "nane": "8", "nine": "9", "tisa": "9",
}  # fmt: skip


def _spoken_phone(msg: Analysed, region: str) -> tuple[str, int] | None:
    """A number read out digit by digit: nine or more digit words in a row."""
    i = 0
    while i < len(msg.lows):
        j, digits = i, ""
        while j < len(msg.lows) and (msg.lows[j] in _SPOKEN_DIGITS or (msg.lows[j].isdigit() and len(msg.lows[j]) < 4)):
            digits += _SPOKEN_DIGITS.get(msg.lows[j], msg.lows[j])
            j += 1
        if len(digits) >= 9 and j - i >= 5:
            number = e164(digits, region)
            if number:
                return number, i
        i = max(j, i + 1)
    return None


def grouped_phone(msg: Analysed) -> tuple[str, range] | None:
    """A Kenyan number typed in groups ("0708 334 556", "+254 722 456 789"): the number and its tokens.
    Its groups are never amounts: "sent 250 to 0722 911 333" moved 250, not 911."""
    lows = msg.lows
    for i, low in enumerate(lows):
        if not low.isdigit() or not (low.startswith("0") or low.startswith("254")) or len(low) > 4:
            continue
        start = i - 1 if i and lows[i - 1] == "+" else i
        digits, j = low, i + 1
        size = 10 if low.startswith("0") else 12  # "sent 250 to 0722 911 333 500": the 500 is money
        while j < len(lows) and lows[j].isdigit() and len(lows[j]) <= 4 and len(digits) + len(lows[j]) <= size:
            digits += lows[j]
            j += 1
        if j - i >= 2 and len(digits) in (10, 12):
            number = e164(digits)
            if number:
                return number, range(start, j)
    return None


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
        return _spoken_phone(msg, region)
    for match in phonenumbers.PhoneNumberMatcher(msg.raw, region, leniency=phonenumbers.Leniency.VALID):
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        index = next((i for i, t in enumerate(msg.tokens) if t.end > match.start), 0)
        return number, index
    return None
