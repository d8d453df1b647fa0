"""Words as the parser reads them: SMS shorthand spelled out, near-misses of KAVI's own words
("recieved", "expence") read as the word meant, Swahili money verbs in the form the cue tables know.

Only words the parser does not know are corrected, only towards words it does, and only by the slips
people make inside a word: two letters swapped, one dropped or doubled, a vowel or c/s/k for another.
The first and last letters are never changed ("mshwari" is no "shwari", "taking" no "takings"), and a
word two known words are equally near is left alone.
"""

import re
from functools import cache, lru_cache

from conversations.parser import swahili_verbs
from conversations.parser import vocabulary as v

_WORD = re.compile(r"[a-z]+")
# Typed the short way; spelled out before any rule reads them.
SHORTHAND: dict[str, str] = {
    "rcvd": "received", "rcv": "received", "recvd": "received", "rec'd": "received", "frm": "from",
    "tdy": "today", "tday": "today", "2day": "today", "yday": "yesterday", "ystdy": "yesterday",
    "bght": "bought", "pd": "paid", "pymt": "payment", "pmt": "payment", "paymt": "payment",
    "amt": "amount", "inv": "invoice", "wk": "week", "mnth": "month", "mth": "month", "exp": "expense",
    "payed": "paid", "thru": "through", "cust": "customer", "sld": "sold",
    "nmbuy": "nimenunua", "nmebuy": "nimenunua", "nimebuy": "nimenunua", "nmesell": "nimeuza",
    "nimesell": "nimeuza", "nmepay": "nimelipa", "nimepay": "nimelipa", "amepay": "amelipa",
    "ameclear": "amelipa", "wameclear": "wamelipa", "amesettle": "amelipa", "wamesettle": "wamelipa",
    "wamepay": "wamelipa", "nimereceive": "nimepokea", "nmereceive": "nimepokea",
    "restocked": "restock", "restocking": "restock", "budjet": "budget", "budgt": "budget", "buget": "budget",
    "budegt": "budget", "budjets": "budgets", "bajet": "bajeti", "bujeti": "bajeti", "budjeti": "bajeti",
}  # fmt: skip


_LOOKALIKE = {"a": "e", "e": "ai", "i": "ey", "o": "u", "u": "o", "y": "i", "c": "sk", "s": "c", "k": "c"}


@cache
def _known() -> frozenset[str]:
    """Every word of KAVI's vocabulary of five letters or more: what a slip may be read as."""
    tables: list[tuple[str, ...]] = [
        v.EXPENSE_CUES,
        v.INCOME_CUES,
        v.INVOICE_WORDS,
        v.CUSTOMER_WORDS,
        v.SUPPLIER_WORDS,
        v.REMIND_WORDS,
        v.REQUEST_WORDS,
        v.BUDGET_WORDS,
        v.FORECAST_WORDS,
        v.EXPORT_WORDS,
        v.CHART_WORDS,
        v.CREDIT_WORDS,
        tuple(v.MONTHS),
        tuple(v.WEEKDAYS),
        tuple(v.NUMBER_WORDS),
    ]
    for groups in (v.EXPENSE_CATEGORY_WORDS, v.INCOME_CATEGORY_WORDS, v.METRIC_WORDS):
        tables.extend(groups.values())
    words = {w for table in tables for phrase in table for w in _WORD.findall(phrase)}
    return frozenset(w for w in words if len(w) >= 5)


@cache
def _missing_a_letter() -> dict[str, frozenset[str]]:
    """Each known word with one inner letter left out, to the words it comes from ("electricty")."""
    out: dict[str, set[str]] = {}
    for word in _known():
        for i in range(1, len(word) - 1):
            out.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return {short: frozenset(words) for short, words in out.items()}


def _slips(low: str) -> set[str]:
    """Known words one inner slip away from `low`."""
    known = _known()
    inner = range(1, len(low) - 1)
    found = set(_missing_a_letter().get(low, ()))
    found.update(w for i in inner if (w := low[:i] + low[i + 1 :]) in known)
    found.update(w for i in range(1, len(low) - 2) if (w := low[:i] + low[i + 1] + low[i] + low[i + 2 :]) in known)
    found.update(
        w for i in inner for other in _LOOKALIKE.get(low[i], "") if (w := low[:i] + other + low[i + 1 :]) in known
    )
    return found


@lru_cache(maxsize=8192)
def read_as(low: str) -> str:
    """The word the parser reads for the word written (lower-cased)."""
    if low in SHORTHAND:
        return swahili_verbs.canonical(SHORTHAND[low])
    if low.startswith(("nme", "nli")) and len(low) > 5 and low[3] not in "aeiou":
        return read_as("ni" + low[1:])  # Sheng drops the vowel: "nmewithdraw" is "nimewithdraw"
    verb = swahili_verbs.canonical(low)
    if verb != low or len(low) < 6 or not low.isalpha() or low in _known():
        return verb
    found = _slips(low)
    return found.pop() if len(found) == 1 else low
