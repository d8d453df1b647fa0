"""Money as receipts print it ("4,805.00", "KES 2 340.00", "Ksh2,000.00", "1,234/="), with the digits OCR
most often mistakes for letters put back, only inside a number."""

import re
from decimal import Decimal

# Thousands with commas or thin spaces, or plain digits; cents after a dot (or a comma OCR made of one).
_AMOUNT = re.compile(
    r"(?<![\w.,/:])(k(?:e)?sh?s?\.?\s*)?"
    # Thousands by commas (OCR may add a space after one), or by spaces when cents or a currency show
    # it is money ("2 340.00", "Ksh5 400"), or plain digits.
    r"(\d{1,3}(?:, ?\d{3})+|\d{1,3}(?: \d{3})+(?=[.,]\d{2}\b)|(?<=[hHsS ])\d{1,3}(?: \d{3})+\b|\d+)"
    r"(?:[.,](\d{2}))?(?:\s*/=)?(?![\w%]|[.,/:-]{1,2}\d)",
    re.IGNORECASE,
)
# Letters OCR reads for digits, fixed only between digits or next to a decimal mark.
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8"})
_MIXED = re.compile(r"(?<=[\d,.])[OoDQlI|SB](?=[\d,.])|(?<=\d)[OoDQ](?=\b)")


_DOUBLED_MARK = re.compile(r"(\d)[,.] ?[,.](\d{3})")  # "1,.921.00": a speck read as a second mark


def repaired(line: str) -> str:
    return _DOUBLED_MARK.sub(r"\1,\2", _MIXED.sub(lambda m: m.group(0).translate(_LOOKALIKES), line))


def amounts_in(line: str) -> list[tuple[Decimal, bool]]:
    """Amounts on a printed line, left to right, each with whether it had cents or a currency (a price,
    not a count or a code)."""
    found = []
    for match in _AMOUNT.finditer(repaired(line)):
        currency, number, cents = match.group(1), match.group(2), match.group(3)
        if " " in number.replace(", ", ",") and not (cents or currency):
            continue  # "12 345" without cents or currency: two numbers
        whole = number.replace(",", "").replace(" ", "")
        if len(whole) > 9:
            continue  # a phone, a till or a receipt number, not money on a receipt
        value = Decimal(whole) + (Decimal(cents) / 100 if cents else 0)
        priced = bool(cents) or bool(currency) or "/=" in match.group(0)
        found.append((value, priced))
    return found
