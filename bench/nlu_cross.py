"""Cross-set figures for the intent model: fit with one independent set, measure on the other.

    .venv/bin/python bench/nlu_cross.py

The shipped model trains on nlu_dev + nlu_new_intents + synthetic messages only. Here the training
data also takes one of nlu_more_a / nlu_more_b and the other is measured, both ways, so the figure
says how far more labelled data of a style carries to messages nobody tuned to. Prints full-case
accuracy and wrong records of the rules alone, the shipped model, and the cross-trained model.
"""

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from conversations.parser.classify import MAX_PARSE_CHARS, parse
from conversations.parser.intent_gate import combine
from conversations.parser.intent_model import IntentModel, shipped
from conversations.parser.intent_training import MEASURE_SETS, SHARED, TRAIN_SETS, train

sys.path.insert(0, str(SHARED / "eval"))
from score_nlu import is_wrong_record, slot_matches  # type: ignore[import-not-found]

MORE_A, MORE_B = SHARED / "eval" / "nlu_more_a.jsonl", SHARED / "eval" / "nlu_more_b.jsonl"


def score(path: Path, read: Callable[[str, date], dict[str, object]]) -> tuple[float, int]:
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    passed = wrong = 0
    for case in cases:
        want, got = case["expect"], read(case["text"], date.fromisoformat(case["today"]))
        slots = got.get("slots") or {}
        assert isinstance(slots, dict)
        ok = got["intent"] == want["intent"] and all(
            slot_matches(k, v, slots.get(k)) for k, v in (want.get("slots") or {}).items()
        )
        passed += ok
        wrong += is_wrong_record(want, got["intent"], slots)
    return passed / len(cases), wrong


def with_model(model: IntentModel) -> Callable[[str, date], dict[str, object]]:
    def read(text: str, today: date) -> dict[str, object]:
        return combine(text, today, parse(text, today), model.read(text[:MAX_PARSE_CHARS])).contract()

    return read


def main() -> None:
    rules: Callable[[str, date], dict[str, object]] = lambda text, today: parse(text, today).contract()  # noqa: E731
    for fit_on, measured in ((MORE_A, MORE_B), (MORE_B, MORE_A)):
        held_out = [p for p in MEASURE_SETS if p != fit_on]
        cross = train((*TRAIN_SETS, fit_on), held_out)
        print(f"fit on dev + new_intents + synthetic + {fit_on.stem}; measured on {measured.stem}:")
        for label, read in (("rules alone", rules), ("shipped", with_model(shipped())), ("cross", with_model(cross))):
            full, wrong = score(measured, read)
            print(f"  {label:12s} full {full:6.1%}  wrong records {wrong}")


if __name__ == "__main__":
    main()
