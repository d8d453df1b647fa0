"""One way to read a phone number: E.164, Kenyan numbers in any of the ways people write them."""

import re
from functools import lru_cache

import phonenumbers

# 07.. and 01.. mobiles, with or without 0 / 254 / +254 in front: the common case, read
# without phonenumbers' full parse (reconciliation reads hundreds of thousands of them).
_KENYAN_RE = re.compile(r"^(?:\+?254|0)?((?:7\d|1[01])\d{7})$")
_DIGITS_RE = re.compile(r"^\+?\d{9,15}$")


def e164(raw: str, region: str = "KE") -> str | None:
    """ "0712 345 678", "254712345678", "+254712345678" -> "+254712345678"; None if not a phone."""
    text = raw.strip().replace(" ", "").replace("-", "")
    if not _DIGITS_RE.match(text):
        return None
    kenyan = _KENYAN_RE.match(text)
    if kenyan:
        return "+254" + kenyan.group(1)
    return _parsed(text, region)


@lru_cache(maxsize=4096)
def _parsed(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
