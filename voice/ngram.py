"""A small back-off trigram language model in ARPA format, estimated from example sentences.

The offline recognizer listens for KAVI's own command language only; these example sentences are
that language. Absolute discounting with back-off (Ney et al.), which suits a small corpus.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from math import log10

BOS, EOS = "<s>", "</s>"
# Small: the example sentences are the language, not a sample of it, so little mass is kept for
# word orders never seen.
DISCOUNT = 0.1


def arpa(sentences: Iterable[str], order: int = 3) -> str:
    counts: list[Counter[tuple[str, ...]]] = [Counter() for _ in range(order + 1)]
    for sentence in sentences:
        words = [BOS, *sentence.split(), EOS]
        if len(words) < 3:
            continue
        for n in range(1, order + 1):
            for i in range(len(words) - n + 1):
                counts[n][tuple(words[i : i + n])] += 1
    counts[1].pop((BOS,), None)
    total = sum(counts[1].values())
    prob: list[dict[tuple[str, ...], float]] = [{} for _ in range(order + 1)]
    # Unigrams: discounted counts plus an even share of what was discounted.
    spare = DISCOUNT * len(counts[1]) / total
    for (w,) in counts[1]:
        prob[1][(w,)] = (counts[1][(w,)] - DISCOUNT) / total + spare / len(counts[1])
    backoff: list[dict[tuple[str, ...], float]] = [{} for _ in range(order + 1)]
    for n in range(2, order + 1):
        followers: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        history_total: Counter[tuple[str, ...]] = Counter()
        for gram, c in counts[n].items():
            followers[gram[:-1]].append(gram)
            history_total[gram[:-1]] += c
        for history, grams in followers.items():
            seen = history_total[history]
            for gram in grams:
                prob[n][gram] = (counts[n][gram] - DISCOUNT) / seen
            left = DISCOUNT * len(grams) / seen
            lower_seen = sum(_lower(prob, gram[1:], backoff) for gram in grams)
            backoff[n - 1][history] = left / max(1e-9, 1.0 - lower_seen)
    lines = ["\\data\\"]
    lines += [f"ngram {n}={len(prob[n]) + (1 if n == 1 else 0)}" for n in range(1, order + 1)]
    for n in range(1, order + 1):
        lines += ["", f"\\{n}-grams:"]
        if n == 1:
            lines.append(f"-99.0000 {BOS} {_log(backoff[1].get((BOS,), 1.0)):.4f}")
        for gram in sorted(prob[n]):
            text = f"{log10(prob[n][gram]):.4f} {' '.join(gram)}"
            if n < order:
                text += f" {_log(backoff[n].get(gram, 1.0)):.4f}"
            lines.append(text)
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)


def _lower(prob: list[dict[tuple[str, ...], float]], gram: tuple[str, ...], backoff: list[dict]) -> float:
    """P(gram) from the lower orders, backing off as the decoder will."""
    n = len(gram)
    if gram in prob[n]:
        return prob[n][gram]
    if n == 1:
        return 0.0
    return backoff[n - 1].get(gram[:-1], 1.0) * _lower(prob, gram[1:], backoff)


def _log(value: float) -> float:
    return log10(value) if value > 0 else -99.0
