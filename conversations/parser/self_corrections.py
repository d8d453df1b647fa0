"""Spoken self-corrections: "paid Rotich yesterday sorry I mean today" means today.

A voice note cannot be edited, so people correct themselves mid-sentence. The thing said after the
marker replaces the thing of the same kind said just before it: a day for a day, a phone for a phone,
"from the bank sorry from mpesa" (the same preposition with the same kind of object), a name for a name.
Amounts are left to `money_moved`, which already takes the amount after a correction. Nothing is
rewritten unless the two sides are of the same kind, so an apology ("for fuel, sorry for the late
entry") stays as written.
"""

import re

from conversations.parser import vocabulary as v
from conversations.parser.phones import WRITTEN_PHONE_RE
from conversations.parser.text import Token, tokenize

_MARKERS = (
    ("sorry", "i", "mean"), ("sorry", "i", "meant"), ("no", "i", "mean"), ("i", "mean"), ("i", "meant"),
    ("no", "wait"), ("nataka", "kusema"), ("namaanisha", ), ("nilimaanisha", ), ("sorry", ),
)  # fmt: skip
_FILLERS = {"uh", "um", "umm", "eh", "eeh", "er", "erm", "aah", "ah", "hmm", "like", "it", "was", "is", "ni"}
_DAY_WORDS = (
    {w for w in v.TODAY_WORDS + v.YESTERDAY_WORDS + v.DAY_BEFORE_YESTERDAY_WORDS if " " not in w}
    | set(v.WEEKDAYS)
    | {"tomorrow", "kesho"}
)
_ACCOUNT_WORDS = {
    "bank", "mpesa", "m-pesa", "cash", "mshwari", "m-shwari", "agent", "equity", "kcb", "coop", "co-op",
    "till", "pochi", "sacco", "ziidi", "wallet",
}  # fmt: skip
_PREPOSITIONS = {"to", "from", "for", "kwa", "at", "on", "of", "ya", "za", "wa", "na", "kutoka"}
_SKIPPED = {"the", "my", "our", "a", "an", "yangu", "ile", "hiyo"}
# Words that never stand for a name or a thing corrected: an apology or a new clause follows them.
_FUNCTION = {
    "i", "we", "you", "he", "she", "they", "it", "this", "that", "is", "was", "am", "are", "be", "not", "to",
    "for", "the", "late", "about", "bother", "guys", "boss", "again", "forgot", "nimesahau", "kwa", "sana",
    "and", "but", "so", "then", "na", "ni", "that's", "if", "can", "will", "please", "pls",
}  # fmt: skip
_STOPS = {".", ",", "!", "?", ";", ":"}


def _kind(token: Token) -> str:
    if token.is_number:
        return "number"
    if token.low in _DAY_WORDS:
        return "day"
    if token.low in _ACCOUNT_WORDS:
        return "account"
    if token.low in _FUNCTION or token.low in _FILLERS or not token.is_word:
        return "other"
    return "word"


def _marker_at(tokens: list[Token], i: int) -> int:
    """The length of the correction marker starting at token i, or 0."""
    for marker in _MARKERS:
        if tuple(t.low for t in tokens[i : i + len(marker)]) == marker:
            return len(marker)
    return 0


def _head(tokens: list[Token], i: int) -> int:
    """The first token at or after i that is not a filler or an article."""
    while i < len(tokens) and (tokens[i].low in _FILLERS or tokens[i].low in _SKIPPED):
        i += 1
    return i


def _replaced_from(tokens: list[Token], start: int, after: int, text: str) -> int | None:
    """Where the phrase the correction replaces begins, or None when nothing before it is of its kind."""
    if after >= len(tokens):
        return None
    if WRITTEN_PHONE_RE.match(text, tokens[after].start):
        earlier = [m for m in WRITTEN_PHONE_RE.finditer(text, 0, tokens[start].start)]
        return next((i for i, t in enumerate(tokens) if t.start == earlier[-1].start()), None) if earlier else None
    first = tokens[after]
    if first.low in _PREPOSITIONS:
        said = _head(tokens, after + 1)
        if said >= len(tokens):
            return None
        for j in range(start - 1, max(start - 9, -1), -1):
            if tokens[j].low in _STOPS:
                return None
            if tokens[j].low == first.low:
                was = _head(tokens, j + 1)
                same = was < start and _kind(tokens[was]) == _kind(tokens[said])
                return j if same and _kind(tokens[said]) in ("day", "account", "word") else None
        return None
    head = _head(tokens, after)
    if head >= len(tokens):
        return None
    kind = _kind(tokens[head])
    if kind == "day":
        for j in range(start - 1, max(start - 9, -1), -1):
            if tokens[j].low in _STOPS:
                return None
            if _kind(tokens[j]) == "day":
                connector = j > 0 and tokens[j - 1].low in _PREPOSITIONS and tokens[after].low == tokens[j - 1].low
                return j - 1 if connector else j
        return None
    if kind == "word" and head == after:
        j = start
        while j > 0 and start - j < 3 and _kind(tokens[j - 1]) == "word":
            j -= 1
        return j if j < start else None
    return None


def corrected(text: str) -> str:
    """The text with each spoken self-correction applied; unchanged when there is none."""
    if not re.search(r"\b(?:sorry|mean|meant|wait|kusema|maanisha)\b", text, re.IGNORECASE):
        return text
    tokens = tokenize(text)
    for i in range(1, len(tokens)):
        size = _marker_at(tokens, i)
        if not size:
            continue
        begin = _replaced_from(tokens, i, i + size, text)
        if begin is None:
            continue
        # Drop what was said wrong and the marker; what follows is read as if said first.
        rest = text[: tokens[begin].start] + text[tokens[i + size - 1].end :].lstrip()
        return corrected(rest)
    return text
