"""Reading a payment's clues: an invoice number in what the payer typed, a phone (plain or
hashed), a name in either word order or with a typo."""

import hashlib
import re
import unicodedata
from functools import lru_cache

from finance.phones import e164

_INVOICE_RE = re.compile(r"(?i)\b(?:inv(?:oice)?)\s*(?:no\.?|number|#)?\s*[-#.:/]?\s*0*(\d{1,7})\b")
_BARE_NUMBER_RE = re.compile(r"^\s*#?\s*0*(\d{1,6})\s*$")
_HASH_RE = re.compile(r"^[0-9a-f]{64}$")
_NON_WORD = re.compile(r"[^A-Z0-9 ]+")
_NON_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=65536)
def invoice_number_in(reference: str) -> int | None:
    """ "INV-0012", "inv 12", "INV0012", "Inv-12", "12", "INV-0012 John" -> 12."""
    if not reference:
        return None
    m = _INVOICE_RE.search(reference) or _BARE_NUMBER_RE.match(reference)
    return int(m.group(1)) if m else None


def invoice_number_value(number: str) -> int | None:
    digits = _NON_DIGIT.sub("", number)
    return int(digits) if digits else None


_KENYAN_E164_RE = re.compile(r"\+254(?:7\d|1[01])\d{7}")


def normal_phone(raw: str) -> str | None:
    """E.164 for Kenyan numbers written any common way; None if it is not a phone."""
    if _KENYAN_E164_RE.fullmatch(raw):  # already E.164, as most payers' phones are: nothing to read
        return raw
    return _normal_phone(raw)


@lru_cache(maxsize=131072)
def _normal_phone(raw: str) -> str | None:
    return e164(raw)


def is_hash(value: str) -> bool:
    return bool(_HASH_RE.match(value.strip().lower()))


def phone_hashes(e164: str) -> set[str]:
    """The SHA-256 hashes Daraja may send for a number, whichever way it was written before hashing."""
    digits = e164.lstrip("+")
    forms = {e164, digits, "0" + digits[3:] if digits.startswith("254") else digits}
    return {hashlib.sha256(form.encode()).hexdigest() for form in forms}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Upper case, no accents or punctuation, words sorted: "Otieno JOHN" and "john otieno" agree."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    words = _NON_WORD.sub(" ", plain).split()
    return " ".join(sorted(words))
