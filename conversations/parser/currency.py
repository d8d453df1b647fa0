"""A currency other than shillings named in a message ("$200", "200 dollars", "USD 200", "TSH 20k"):
the ISO code, so an amount in dollars is never booked as shillings."""

import re
from decimal import Decimal

from conversations.parser.text import Analysed

_CODES = {
    "$": "USD",
    "usd": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "dola": "USD",
    "dollari": "USD",
    "ugx": "UGX",
    "ushs": "UGX",
    "tsh": "TZS",
    "tshs": "TZS",
    "tzs": "TZS",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "rwf": "RWF",
}
NAMES = frozenset(_CODES)  # what marks a number as money in another currency: "40 dollars", "$ 40"
# Words that name a currency only in a longer phrase: "uganda shillings", "tanzania shillings".
_COUNTRY_SHILLINGS = {"uganda": "UGX", "ugandan": "UGX", "tanzania": "TZS", "tanzanian": "TZS", "tz": "TZS"}
_SHILLINGS = {"shillings", "shilingi", "sh", "shs"}


def foreign_currency(msg: Analysed) -> str | None:
    lows = msg.lows
    for i, word in enumerate(lows):
        if word in _CODES:
            return _CODES[word]
        if word in _COUNTRY_SHILLINGS and i + 1 < len(lows) and lows[i + 1] in _SHILLINGS:
            return _COUNTRY_SHILLINGS[word]
    return None


_CODE_PATTERN = "|".join(sorted((re.escape(code) for code in _CODES), key=len, reverse=True))
_NUMBER = r"(?P<rate>\d{1,6}(?:[.,]\d{1,6})?)"
_HOME = r"(?:ksh\.?|kes|sh\.?|shs\.?|shillings?|shilingi|bob)"
# "1 USD = 129 KES", "usd rate is 129.5", "rate of the dollar is 129", "dola ni 130 leo", "euro moja = 140".
_RATE_RE = re.compile(
    rf"^(?:(?:the|today'?s|leo)\s+)?(?:(?:exchange\s+)?rate\s+(?:of\s+|ya\s+|for\s+)?(?:the\s+)?)?"
    rf"(?:1\s*|one\s+)?(?P<code>{_CODE_PATTERN})(?:\s*1\b|\s+(?:moja|one))?(?:\s+(?P<word>rate))?"
    rf"\s*(?P<sep>=|:|\bis\b|\bni\b|\biko\b|\bat\b|->)?\s*(?:{_HOME}\s*)?{_NUMBER}\s*(?:{_HOME})?"
    rf"(?:\s+(?:today|leo|kwa\s+dola|each))?\s*[.!]?$",
    re.IGNORECASE,
)


def rate_statement(text: str) -> tuple[str, Decimal] | None:
    """A day's rate said outright: (currency, shillings for one unit). An amount alone ("USD 200") is
    not one: the message needs an "=", "is", "ni" or the word "rate"."""
    m = _RATE_RE.match(" ".join(text.lower().split()))
    if m is None or not (m.group("sep") or m.group("word") or "rate" in text.lower()):
        return None
    rate = Decimal(m.group("rate").replace(",", "."))
    return (_CODES[m.group("code")], rate) if rate > 0 else None
