"""Trains the intent model and writes `intent_model.npz`.

    .venv/bin/python -m conversations.parser.intent_training [--out PATH]

Data: the shared sets the parser was written against (`nlu_dev`, `nlu_new_intents`) and the
synthetic messages of `intent_examples`. Never the independent sets (`nlu_more_a`, `nlu_more_b`)
nor the held-out ones under bench/data: they measure the model, and a synthetic message that
happens to equal one of their lines is dropped. Deterministic: the same data gives the same file.
"""

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from conversations.parser.intent_examples import synthetic
from conversations.parser.intent_model import ARTIFACT, IntentModel, features

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TRAIN_SETS = (SHARED / "eval" / "nlu_dev.jsonl", SHARED / "eval" / "nlu_new_intents.jsonl")
MEASURE_SETS = (
    SHARED / "eval" / "nlu_more_a.jsonl",
    SHARED / "eval" / "nlu_more_b.jsonl",
    # The held-out sets helpers wrote without seeing the parser (bench/data/nlu_heldout_c ... _n).
    *sorted((ROOT / "bench" / "data").glob("nlu_heldout_*.jsonl")),
)
# Labelled lines weigh more than synthetic ones: people wrote them.
LABELLED_WEIGHT = 3.0
C = 8.0


def labelled(paths: Iterable[Path]) -> list[tuple[str, str]]:
    pairs = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                pairs.append((str(case["text"]), str(case["expect"]["intent"])))
    return pairs


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def corpus(
    train: Sequence[Path] = TRAIN_SETS, held_out: Sequence[Path] = MEASURE_SETS
) -> tuple[list[str], list[str], list[float]]:
    """Texts, intents and sample weights; no line of a held-out set, however it got there."""
    unseen = {_key(text) for text, _ in labelled(p for p in held_out if p.exists())}
    texts, intents, weights = [], [], []
    for pairs, weight in ((labelled(train), LABELLED_WEIGHT), (list(synthetic()), 1.0)):
        for text, intent in pairs:
            if _key(text) not in unseen:
                texts.append(text)
                intents.append(intent)
                weights.append(weight)
    return texts, intents, weights


def fit(texts: list[str], intents: list[str], weights: list[float]) -> IntentModel:
    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2, dtype=np.float64)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=C, max_iter=3000, random_state=0)
    model.fit(x, intents, sample_weight=np.asarray(weights))
    vocabulary = [str(f) for f in vectorizer.get_feature_names_out()]
    return IntentModel(
        vocabulary,
        vectorizer.idf_.astype(np.float64),
        model.coef_.T.astype(np.float32),
        model.intercept_.astype(np.float64),
        [str(c) for c in model.classes_],
    )


def train(train: Sequence[Path] = TRAIN_SETS, held_out: Sequence[Path] = MEASURE_SETS) -> IntentModel:
    return fit(*corpus(train, held_out))


def save(model: IntentModel, path: Path = ARTIFACT) -> None:
    vocabulary = sorted(model.index, key=model.index.__getitem__)
    with path.open("wb") as out:
        np.savez_compressed(
            out,
            vocabulary=np.array(vocabulary),
            idf=model.idf.astype(np.float32),
            weights=model.weights.astype(np.float16),
            intercept=model.intercept.astype(np.float32),
            classes=np.array(model.classes),
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    args = parser.parse_args()
    model = train()
    save(model, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {len(model.index)} features, {len(model.classes)} intents, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
