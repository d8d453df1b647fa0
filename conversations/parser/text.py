"""Tokens and phrase tables: the parser's view of a message."""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from conversations.parser.spelling import read_as, unglued
from conversations.parser.swahili_verbs import split_verb

_TOKEN_RE = re.compile(
    # A transaction code ("SGH4K2L9QP"): one token, so its "4K" is never read as Ksh 4,000.
    r"[a-z]+\d+[a-z][a-z\d]*(?<=[a-z\d]{8})(?![a-z\d])"
    r"|\d(?:[\d,]*\d)?(?:\.\d+)?[a-z]*"  # 25,000  2.5k  12th  5kg (a comma after it is punctuation)
    r"|[a-z\u00c0-\u024f]+(?:['’\-][a-z\u00c0-\u024f]+)*"  # today's  m-pesa  wi-fi
    r"|[^\s\w]",  # punctuation, one mark at a time
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as the user wrote it
    low: str  # lower-cased, curly apostrophes straightened
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.low[0].isdigit()

    @property
    def is_word(self) -> bool:
        return self.low[0].isalpha()


def clean(text: str) -> str:
    """NFKC folds full-width digits and odd spaces; control characters go."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else " " for ch in text)


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def words_of(phrase: str) -> tuple[str, ...]:
    """A phrase's words as the parser reads a message's: tables and messages spelled alike."""
    return tuple(read_as(t.low) for t in tokenize(phrase))


@lru_cache(maxsize=64)
def _word_set(lows: tuple[str, ...]) -> frozenset[str]:
    return frozenset(lows)


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # first token index
    end: int  # one past the last token index
    phrase: str
    value: str


class PhraseTable:
    """Finds known phrases in a token list, longest first, in one pass."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for phrase, value in entries:
            words = words_of(phrase)
            if words:
                index.setdefault(words[0], []).append((words, phrase, value))
        for options in index.values():
            options.sort(key=lambda option: len(option[0]), reverse=True)
        self._index = index
        self._firsts = frozenset(index)
        self.words: frozenset[str] = frozenset(w for opts in index.values() for o in opts for w in o[0])

    @classmethod
    def of(cls, phrases: Iterable[str], value: str = "") -> "PhraseTable":
        return cls((p, value or p) for p in phrases)

    @classmethod
    def grouped(cls, groups: dict[str, tuple[str, ...]]) -> "PhraseTable":
        return cls((p, key) for key, phrases in groups.items() for p in phrases)

    def scan(self, lows: tuple[str, ...]) -> Iterator[Match]:
        # Most tables share no word with most messages: a set check skips the walk.
        if self._firsts.isdisjoint(_word_set(lows)):
            return
        i, n = 0, len(lows)
        while i < n:
            found = None
            for words, phrase, value in self._index.get(lows[i], ()):
                size = len(words)
                if lows[i : i + size] == words:
                    found = Match(i, i + size, phrase, value)
                    break
            if found is None:
                i += 1
                continue
            yield found
            i = found.end

    def first(self, lows: tuple[str, ...]) -> Match | None:
        return next(self.scan(lows), None)

    def all(self, lows: tuple[str, ...]) -> list[Match]:
        return list(self.scan(lows))


def _without_possessive(low: str) -> str:
    """ "last month's report" reads as "last month": rules match words, not their possessive."""
    return low[:-2] if len(low) > 4 and low.endswith(("'s", "’s")) else low


def _rejoined(tokens: list[Token]) -> list[Token]:
    """A verb a transcriber or a thumb split in two ("nime lipa", "nili uza", "ame nitumia") is one word."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        named = i > 0 and token.text[:1].isupper()  # "Ali lipa": a name, then a word
        if i + 1 < len(tokens) and tokens[i + 1].is_word and not named and split_verb(token.low, tokens[i + 1].low):
            after = tokens[i + 1]
            out.append(Token(token.text + after.text, token.low + after.low, token.start, after.end))
            i += 2
            continue
        out.append(token)
        i += 1
    return out


# Said while thinking ("Save a new client, umm, Wanjiru Kamau"): never a name, a cue or an amount. "ah"
# and "aah" stay: "540 aah no 450" corrects the amount.
_FILLERS = frozenset({"umm", "um", "uhm", "uh", "erm", "hmm", "hmmm", "eeh", "eh", "ehh", "mmh", "mhm"})


def _without_fillers(tokens: list[Token]) -> list[Token]:
    """Fillers dropped, with the commas that set them apart ("How do I, um, record …")."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        if tokens[i].low in _FILLERS:
            if i + 1 < len(tokens) and tokens[i + 1].low == "," and out and out[-1].low == ",":
                out.pop()
                i += 1
            i += 1
            continue
        out.append(tokens[i])
        i += 1
    return out


def _unglued(tokens: list[Token]) -> list[Token]:
    """Two words typed without the space between them ("mauzoleo", "lastweek") are two words."""
    out: list[Token] = []
    for token in tokens:
        parts = unglued(token.low) if token.text.islower() else None
        if parts is None:
            out.append(token)
            continue
        cut = token.start + len(parts[0])
        out.append(Token(token.text[: len(parts[0])], parts[0], token.start, cut))
        out.append(Token(token.text[len(parts[0]) :], parts[1], cut, token.end))
    return out


@dataclass(slots=True)
class Analysed:
    """A message once, tokenised, ready for every rule to read."""

    raw: str
    tokens: list[Token]
    lows: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> "Analysed":
        tokens = _without_fillers(_unglued(_rejoined(tokenize(clean(text)))))
        return cls(raw=text, tokens=tokens, lows=tuple(read_as(_without_possessive(t.low)) for t in tokens))

    @property
    def words(self) -> list[str]:
        return [t.low for t in self.tokens if t.is_word]
