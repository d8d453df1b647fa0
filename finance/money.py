"""One way to make, store and show money.

Amounts are `Decimal` in Python, integer cents in the database (SQLite's
NUMERIC silently rounds big values), and text only at the edge, via babel.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import format_currency

CENT = Decimal("0.01")
ZERO = Decimal(0)
# The biggest single entry a small business plausibly makes; anything above is
# almost certainly a typo (an extra zero, a phone number read as an amount).
MAX_AMOUNT = Decimal("100000000")

_CURRENCY_RE = re.compile(r"^(?:ksh\.?|kes\.?|kshs\.?|sh\.?|shs\.?)\s*", re.IGNORECASE)
_SUFFIX_RE = re.compile(r"\s*(?:/-|/=|bob|shillings?|ksh|kes)$", re.IGNORECASE)
_NUMBER_RE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")


class MoneyError(ValueError):
    """Text that is not an amount of money."""


def D(value: str | int | Decimal) -> Decimal:
    """Decimal from an int, a Decimal or user text such as "Ksh 1,500", "1500/-", "2,499.50".

    Floats are refused on purpose: they cannot carry money exactly.
    """
    if isinstance(value, bool | float):
        raise MoneyError("money is never a float")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) or value.isdigit():
        result = Decimal(value)
    else:
        text = _SUFFIX_RE.sub("", _CURRENCY_RE.sub("", value.strip())).strip()
        if not _NUMBER_RE.match(text):
            raise MoneyError(f"not an amount: {value!r}")
        try:
            result = Decimal(text.replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - the regex already vetted it
            raise MoneyError(f"not an amount: {value!r}") from exc
    if not result.is_finite():
        raise MoneyError(f"not an amount: {value!r}")
    return result


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def plain(amount: Decimal) -> str:
    """The contract's form: no separators, no trailing zeros ("1500", "2499.5")."""
    text = format(amount, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_money(amount: Decimal, currency: str = "KES", locale: str = "en_KE") -> str:
    """ "Ksh 15,000" for whole amounts, "Ksh 1,500.50" otherwise."""
    whole = amount == amount.to_integral_value()
    pattern = "¤ #,##0" if whole else "¤ #,##0.00"
    return format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)


def format_foreign(amount: Decimal, currency: str, locale: str = "en_KE") -> str:
    """Money in another currency by its code, as owners write it: "USD 500", "EUR 1,250.50"."""
    whole = amount == amount.to_integral_value()
    pattern = "¤¤ #,##0" if whole else "¤¤ #,##0.00"
    return format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)


def format_rate(rate: Decimal, currency: str = "KES", locale: str = "en_KE") -> str:
    """An exchange rate with the digits it was given: "Ksh 129", "Ksh 129.5", "Ksh 0.035"."""
    return format_currency(rate, currency, format="¤ #,##0.######", locale=locale, currency_digits=False)
