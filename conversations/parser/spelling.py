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
    "bal": "balance", "tdy": "today", "tday": "today", "2day": "today", "yday": "yesterday", "ystdy": "yesterday",
    "bght": "bought", "pd": "paid", "pymt": "payment", "pmt": "payment", "paymt": "payment",
    "amt": "amount", "inv": "invoice", "wk": "week", "mnth": "month", "mth": "month", "exp": "expense",
    "payed": "paid", "thru": "through", "cust": "customer", "sld": "sold", "nilipa": "nililipa", "nlipa": "nililipa",
    "elf": "elfu", "elfo": "elfu", "efu": "elfu", "lakh": "laki",
    "nmbuy": "nimenunua",
    "fuelled": "fuel", "fueled": "fuel", "refuelled": "fuel", "refueled": "fuel",
    "restocked": "restock", "restocking": "restock", "budjet": "budget", "budgt": "budget", "buget": "budget",
    "budegt": "budget", "budjets": "budgets", "bajet": "bajeti", "bujeti": "bajeti", "budjeti": "bajeti",
    "skul": "school", "skuli": "school", "shule": "school", "mshara": "mshahara", "mshahra": "mshahara",
}  # fmt: skip


# Sheng puts a Swahili subject and tense on an English verb ("nimepay", "amesend", "order imepaid"):
# read as the Swahili verb with the same root, which the verb reader then places.
_HYBRID = re.compile(
    r"^(ni|n|tu|a|wa|i|zi|ya)(me|li|sha)(pay|paid|send|sent|buy|bought|sell|sold|receive|received"
    r"|clear|cleared|settle|settled)$"
)
_HYBRID_ROOTS = {
    "pay": "lipa", "paid": "lipa", "clear": "lipa", "cleared": "lipa", "settle": "lipa", "settled": "lipa",
    "send": "tuma", "sent": "tuma", "buy": "nunua", "bought": "nunua", "sell": "uza", "sold": "uza",
    "receive": "pokea", "received": "pokea",
}  # fmt: skip


def _hybrid(low: str) -> str | None:
    m = _HYBRID.match(low)
    if m is None:
        return None
    subject, tense, verb = m.groups()
    root = _HYBRID_ROOTS[verb]
    if subject in ("i", "zi", "ya") and root == "lipa":
        return "imelipwa"  # "order imepaid": the thing has been paid; who paid, the words around say
    return swahili_verbs.canonical(("ni" if subject == "n" else subject) + tense + root)


_PREFIX_HYPHEN = re.compile(r"^((?:ni|n|tu|a|wa|i|zi|ya)(?:me|li|sha|ta))-([a-z]{3,})$")
_STRETCH = re.compile(r"([a-z])\1+")


@cache
def _greetings() -> frozenset[str]:
    return frozenset(w for phrase in v.GREETING_WORDS for w in _WORD.findall(phrase))


def _unstretched(low: str) -> str | None:
    """ "heyy", "hiiii", "sasaa", "helloo": a letter held for feeling, read as the word it stretches."""
    if not _STRETCH.search(low) or low in _known() or low in _greetings():
        return None
    for squeezed in (_STRETCH.sub(r"\1", low), _STRETCH.sub(r"\1\1", low), low[:-1]):
        if squeezed in _greetings() or squeezed in _known():
            return squeezed
    return None


_LOOKALIKE = {"a": "e", "e": "ai", "i": "ey", "o": "u", "u": "o", "y": "i", "c": "sk", "s": "c", "k": "c"}


@cache
def _known() -> frozenset[str]:
    """Every word of KAVI's vocabulary of five letters or more: what a slip may be read as."""
    return frozenset(w for w in _vocabulary() if len(w) >= 5)


@cache
def _vocabulary() -> frozenset[str]:
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
    return frozenset(w for table in tables for phrase in table for w in _WORD.findall(phrase))


@cache
def _time_words() -> frozenset[str]:
    days = (*v.PERIOD_PHRASES, *v.TODAY_WORDS, *v.YESTERDAY_WORDS, *v.DAY_BEFORE_YESTERDAY_WORDS, *v.WEEKDAYS)
    return frozenset(w for phrase in days for w in _WORD.findall(phrase) if len(w) >= 3)


@lru_cache(maxsize=4096)
def unglued(low: str) -> tuple[str, str] | None:
    """A word of KAVI's and a day or period typed without the space ("mauzoleo" is "mauzo leo",
    "lastweek" "last week"), else None. Only with a time word: "paybill" and "withdraw" are words."""
    times = _time_words()
    if len(low) < 7 or not low.isalpha() or low in times or low in _vocabulary() or read_as(low) != low:
        return None
    words = _vocabulary() | times
    for i in range(len(low) - 3, 2, -1):  # the longest known first part
        left, right = low[:i], low[i:]
        if left in words and right in words and (left in times or right in times):
            return left, right
    return None


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
    prefixed = _PREFIX_HYPHEN.match(low)
    if prefixed:
        return read_as(prefixed[1] + prefixed[2])  # "nime-deposit", "ame-send": one Sheng word
    if low.startswith(("nme", "nli")) and len(low) > 5 and low[3] not in "aeiou":
        return read_as("ni" + low[1:])  # Sheng drops the vowel: "nmewithdraw" is "nimewithdraw"
    hybrid = _hybrid(low)
    if hybrid is not None:
        return hybrid
    stretched = _unstretched(low)
    if stretched is not None:
        return stretched
    verb = swahili_verbs.canonical(low)
    if verb != low or len(low) < 6 or not low.isalpha() or low in _known():
        return verb
    found = _slips(low)
    return found.pop() if len(found) == 1 else low
