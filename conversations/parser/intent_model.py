"""The learned intent model at run time: word and character n-grams, tf-idf, a multinomial logistic regression.

Trained by `conversations.parser.intent_training` (scikit-learn) and shipped as plain arrays in
`intent_model.npz`: no pickle, so no code runs on load and no scikit-learn version must match; the
few lines here score a message the way scikit-learn's TfidfVectorizer + LogisticRegression would.
"""

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from conversations.parser.spelling import read_as

ARTIFACT = Path(__file__).with_name("intent_model.npz")
_NUMBER = re.compile(r"\d[\d,.]*")
_TOKEN = re.compile(r"[^\W\d_]+|0|[?@#]", re.UNICODE)
_CHAR_SIZES = (2, 3, 4, 5)


def features(text: str) -> list[str]:
    """The n-grams a message is read by. Digits collapse to 0, so "1,500" and "20000" look alike
    and the model learns where an amount sits, not which amount."""
    # Words as the rules read them (shorthand spelled out, slips mended, Swahili verbs by their
    # parts): the model and the rules see one message, not two spellings of it.
    tokens = [read_as(t) for t in _TOKEN.findall(_NUMBER.sub(" 0 ", text.lower()))]
    out = ["w:" + t for t in tokens]
    out += ["b:" + a + " " + b for a, b in itertools.pairwise(tokens)]
    for token in tokens:
        padded = " " + token + " "
        for n in _CHAR_SIZES:
            if n > len(padded):
                break
            out += [padded[i : i + n] for i in range(len(padded) - n + 1)]
    return out


@dataclass(frozen=True)
class Reading:
    """The model's view of one message: intents, most likely first, with their probabilities."""

    ranked: tuple[tuple[str, float], ...]
    classes: frozenset[str] = frozenset()  # every intent the model knows

    @property
    def top(self) -> str:
        return self.ranked[0][0]

    @property
    def confidence(self) -> float:
        return self.ranked[0][1]

    def probability(self, intent: str) -> float:
        return next((p for name, p in self.ranked if name == intent), 0.0)


class IntentModel:
    """Scores messages with weights trained elsewhere."""

    def __init__(
        self,
        vocabulary: list[str],
        idf: npt.NDArray[np.float64],
        weights: npt.NDArray[np.float32],
        intercept: npt.NDArray[np.float64],
        classes: list[str],
    ) -> None:
        self.index = {f: i for i, f in enumerate(vocabulary)}
        self.idf = idf
        self.weights = weights  # (features, classes)
        self.intercept = intercept
        self.classes = classes
        self.known = frozenset(classes)

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> "IntentModel":
        with np.load(path, allow_pickle=False) as data:
            return cls(
                [str(f) for f in data["vocabulary"]],
                data["idf"].astype(np.float64),
                data["weights"],
                data["intercept"].astype(np.float64),
                [str(c) for c in data["classes"]],
            )

    def read(self, text: str) -> Reading:
        counts: dict[int, int] = {}
        for f in features(text):
            i = self.index.get(f)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        scores = self.intercept.copy()
        if counts:
            rows = np.fromiter(counts, dtype=np.intp, count=len(counts))
            tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
            x = tf * self.idf[rows]
            x /= math.sqrt(float(x @ x))
            scores += x @ self.weights[rows]
        scores -= scores.max()
        probs = np.exp(scores)
        probs /= probs.sum()
        order = np.argsort(-probs)
        return Reading(tuple((self.classes[i], float(probs[i])) for i in order[:3]), self.known)


@cache
def shipped() -> IntentModel:
    """The committed model, loaded once per process."""
    return IntentModel.load()
