"""A currency other than shillings named in a message ("$200", "200 dollars", "USD 200", "TSH 20k"):
the ISO code, so an amount in dollars is never booked as shillings."""

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
