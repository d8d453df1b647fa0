"""Pronunciations in the CMU phone set for the offline recognizer's dictionary.

English words come from CMUdict (shipped with pocketsphinx). Swahili and Sheng words and Kenyan
names are missing from it, but Swahili spelling is phonemic, so letters map to phones by rule.
"""

import re
from functools import lru_cache
from pathlib import Path

from pocketsphinx import get_model_path

CMUDICT = Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"

# Longest spellings first: "ng'" before "ng" before "n".
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("ng'", "NG"), ("ch", "CH"), ("sh", "SH"), ("th", "TH"), ("dh", "DH"), ("gh", "G"), ("ny", "N Y"),
    ("ng", "NG G"), ("ph", "F"), ("ck", "K"),
    ("a", "AA"), ("e", "EH"), ("i", "IY"), ("o", "OW"), ("u", "UW"),
    ("b", "B"), ("c", "K"), ("d", "D"), ("f", "F"), ("g", "G"), ("h", "HH"), ("j", "JH"), ("k", "K"),
    ("l", "L"), ("m", "M"), ("n", "N"), ("p", "P"), ("q", "K"), ("r", "R"), ("s", "S"), ("t", "T"),
    ("v", "V"), ("w", "W"), ("x", "K S"), ("y", "Y"), ("z", "Z"),
)  # fmt: skip
_WORD_RE = re.compile(r"^[a-z']+$")


@lru_cache(maxsize=1)
def cmudict() -> dict[str, list[str]]:
    """Word -> its pronunciations (CMUdict lists variants as "word(2)")."""
    entries: dict[str, list[str]] = {}
    with CMUDICT.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, phones = line.strip().partition(" ")
            if not phones:
                continue
            entries.setdefault(word.split("(")[0], []).append(phones.split("#")[0].strip())
    return entries


def by_rule(word: str) -> str:
    """Phones for a word spelt the Swahili way; letters outside a-z are dropped."""
    phones: list[str] = []
    rest = word.lower()
    while rest:
        for spelling, sound in _SPELLINGS:
            if rest.startswith(spelling):
                phones.append(sound)
                rest = rest[len(spelling) :]
                break
        else:
            rest = rest[1:]
    # A doubled letter ("kk" in a name) is one sound.
    out: list[str] = []
    for phone in " ".join(phones).split():
        if not out or out[-1] != phone or phone in {"AA", "EH", "IY", "OW", "UW"}:
            out.append(phone)
    return " ".join(out)


def pronunciations(word: str) -> list[str]:
    """All the ways the recognizer should accept for a word: CMUdict's, else by rule."""
    word = word.lower()
    if not _WORD_RE.match(word):
        return []
    known = cmudict().get(word)
    if known:
        return known
    guessed = by_rule(word)
    return [guessed] if guessed else []
