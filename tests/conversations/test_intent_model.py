"""The learned intent model: the shipped artifact is what the training script makes, it reads the
same way every time, and the gate keeps the rules' slots and M-PESA readings."""

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from conversations.parser.classify import parse
from conversations.parser.intent_gate import ASK, combine
from conversations.parser.intent_model import ARTIFACT, IntentModel, Reading, features, shipped
from conversations.parser.intent_training import MEASURE_SETS, corpus, labelled, save, train
from conversations.understand import understand

T = date(2026, 6, 17)


def test_features_collapse_numbers_and_keep_question_marks() -> None:
    assert features("Paid 1,500") == features("paid 20000")
    assert "w:?" in features("profit?")
    assert features("") == []


def test_the_reading_is_a_probability_ranking_and_deterministic() -> None:
    model = shipped()
    first, again = model.read("nimelipa kodi 15k"), model.read("nimelipa kodi 15k")
    assert first == again
    assert first.top == "record_expense"
    probs = [p for _, p in first.ranked]
    assert probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1.0 + 1e-9


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂", "?" * 5000, "0" * 2000, "\x00\x1f"])
def test_odd_text_is_read_without_error(text: str) -> None:
    assert shipped().read(text).top in shipped().classes


def test_training_never_sees_a_measuring_line() -> None:
    unseen = {" ".join(t.lower().split()) for t, _ in labelled(p for p in MEASURE_SETS if p.exists())}
    texts, intents, weights = corpus()
    assert len(texts) == len(intents) == len(weights) > 1000
    assert not unseen & {" ".join(t.lower().split()) for t in texts}


def test_the_shipped_artifact_is_what_training_makes(tmp_path: Path) -> None:
    """Retrain from the repo's data and compare: a stale npz (data or code changed, file not rebuilt) fails."""
    out = tmp_path / "intent_model.npz"
    save(train(), out)
    with np.load(out, allow_pickle=False) as fresh, np.load(ARTIFACT, allow_pickle=False) as shipped_file:
        assert list(fresh["classes"]) == list(shipped_file["classes"])
        assert list(fresh["vocabulary"]) == list(shipped_file["vocabulary"])
        np.testing.assert_allclose(fresh["idf"], shipped_file["idf"], atol=1e-4)
        np.testing.assert_allclose(
            fresh["weights"].astype(np.float32), shipped_file["weights"].astype(np.float32), atol=2e-2
        )
    retrained, committed = IntentModel.load(out), IntentModel.load()
    for text, _ in labelled(p for p in MEASURE_SETS if p.exists()):
        assert retrained.read(text).top == committed.read(text).top, text


def _reading(*ranked: tuple[str, float]) -> Reading:
    return Reading(ranked, frozenset(name for name, _ in ranked) | {"record_expense", "record_income", "unknown"})


def test_rules_and_model_disagreeing_on_direction_lowers_confidence_and_offers_the_other() -> None:
    rules = parse("paid rent 15k", T)
    gated = combine("paid rent 15k", T, rules, _reading(("record_income", 0.8), ("record_expense", 0.1)))
    assert gated.name == "record_expense" and gated.slots["amount"] == "15000"  # the rules' slots stay
    assert gated.confidence <= ASK
    assert [a.name for a in gated.alternatives] == ["record_income"]


def test_a_model_that_agrees_or_is_unsure_leaves_the_rules_alone() -> None:
    rules = parse("paid rent 15k", T)
    sure = rules.confidence
    assert combine("paid rent 15k", T, parse("paid rent 15k", T), _reading(("record_expense", 0.9))).confidence == sure
    unsure = combine("paid rent 15k", T, parse("paid rent 15k", T), _reading(("record_income", 0.3)))
    assert unsure.confidence == sure and not unsure.alternatives


def test_a_money_entry_only_the_model_heard_is_asked_about() -> None:
    text = "leo nimeingiza 3k za ususi"
    assert parse(text, T).name == "unknown"
    found = understand(text, T)
    assert found.name == "record_income" and found.slots["amount"] == "3000"
    assert found.confidence < 0.5 and [a.name for a in found.alternatives] == ["record_expense"]


def test_a_plan_is_not_recorded() -> None:
    # The rules know a plan themselves now (wishes.only_a_plan); the model agrees.
    for text in ("planning to buy a new fridge next month", "nitamlipa fundi Ijumaa", "should I restock sugar?"):
        assert parse(text, T).name == "unknown", text
        assert understand(text, T).name == "unknown", text


def test_mpesa_confirmations_stay_with_the_rules() -> None:
    sms = (
        "QFT4ABC123 Confirmed. Ksh1,500.00 sent to JOHN DOE 0712345678 on 17/6/26 at 10:15 AM. "
        "New M-PESA balance is Ksh3,200.00. Transaction cost, Ksh23.00."
    )
    rules = parse(sms, T)
    assert combine(sms, T, parse(sms, T), _reading(("record_income", 0.99))).contract() == rules.contract()


def test_a_number_after_paybill_is_no_amount() -> None:
    found = understand("paybill ya kampuni ni 247247 account 55", T)
    assert not (found.name.startswith("record_") and found.slots.get("amount"))


def test_commands_the_model_does_not_know_stay_with_the_rules() -> None:
    assert understand("/language sw", T).name == "set_language"
    assert understand("undo", T).name == "undo"
