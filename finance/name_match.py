"""Who a typed name means: either word order, typos forgiven, a first name alone as a hint."""

from collections.abc import Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process

from finance.reconciliation.signals import name_key

SAME_NAME = 90  # rapidfuzz score at which two names are surely one party
NEAR_NAME = 75  # at or above: worth asking "Is this …?"
FIRST_NAME = 85.0  # the score given to "Jane" for "Jane Achieng"

T = TypeVar("T")


def rank_by_name(name: str, parties: Sequence[T], names: Sequence[str]) -> list[tuple[T, float]]:
    """`parties` (with their `names`) that the typed name may mean, best first, with a 0-100 score."""
    key = name_key(name)
    if not key:
        return []
    keys = {i: name_key(n) for i, n in enumerate(names)}
    scored = process.extract(key, keys, scorer=fuzz.token_sort_ratio, limit=None, score_cutoff=NEAR_NAME)
    ranked = {i: score for _, score, i in scored}
    if len(key.split()) == 1:
        for i, full in enumerate(names):
            words = full.upper().split()
            if i not in ranked and words and fuzz.ratio(words[0], key) >= SAME_NAME:
                ranked[i] = FIRST_NAME
    return [(parties[i], score) for i, score in sorted(ranked.items(), key=lambda kv: (-kv[1], kv[0]))]
