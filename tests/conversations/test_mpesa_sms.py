"""Forwarded M-PESA confirmations, from the shared fixtures of real formats."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from conversations.parser.mpesa_sms import parse_mpesa
from conversations.understand import understand
from finance.models import Transaction
from tests.chat import ChatTester
from tests.conftest import SHARED

FIXTURES = SHARED / "fixtures" / "mpesa_sms"
TODAY = date(2026, 11, 22)


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


LABELLED = _load("labelled.jsonl")
# Real messages from public M-PESA parser projects, 2011-2026, each with its source (SOURCES.md there).
REAL = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "data" / "mpesa_real" / "labelled.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]
UNLABELLED = {case["kind"] + str(i): case for i, case in enumerate(_load("unlabelled.jsonl"))}


@pytest.mark.parametrize("case", LABELLED + REAL, ids=[f"{c['kind']}-{i}" for i, c in enumerate(LABELLED + REAL)])
def test_every_labelled_sample_parses_exactly(case: dict) -> None:
    got = understand(case["text"], date.fromisoformat(case["today"])).contract()
    expected = case["expect"]
    assert got["intent"] == expected["intent"]
    for key, value in expected["slots"].items():
        if key in ("amount", "fee"):
            assert Decimal(got["slots"][key]) == Decimal(value), key
        elif key == "counterparty":
            assert " ".join(got["slots"][key].lower().split()) == value.lower(), key
        else:
            assert got["slots"][key] == value, key
    if expected["intent"].startswith("record_"):
        assert got["slots"]["channel"] == "mpesa"


def test_the_harder_unlabelled_samples() -> None:
    by_kind = {case["kind"]: case for case in UNLABELLED.values()}
    bank = understand(by_kind["received_from_bank"]["text"], TODAY)
    assert bank.name == "record_transfer" and bank.slots["from"] == "bank" and bank.slots["to"] == "mpesa"
    reversal = understand(by_kind["reversal"]["text"], TODAY)
    assert reversal.name == "record_income" and reversal.slots["reference"] == "UBB7GI2065"
    assert "UBB7G6CRBZ" in reversal.slots["note"]
    ziidi = understand(by_kind["received_ziidi_edgecase"]["text"], TODAY)
    assert ziidi.slots["amount"] == "4870" and ziidi.slots["date"] == "2024-12-27"
    assert ziidi.name == "record_transfer" and ziidi.slots["from"] == "bank"  # the owner's own fund
    fuliza = understand(by_kind["fuliza_notice"]["text"], TODAY)
    # A Fuliza notice moves no money (the contract's edge rule): the repayment is what gets recorded.
    assert fuliza.name == "mpesa_info" and "amount" not in fuliza.slots
    # An Equity bank SMS is not an M-PESA confirmation.
    assert parse_mpesa(by_kind["not_mpesa_bank_sms"]["text"], TODAY) == []


def test_several_confirmations_in_one_message() -> None:
    text = "\n".join(case["text"] for case in LABELLED[:4])
    found = parse_mpesa(text, TODAY)
    assert [f.slots.get("reference") for f in found] == [c["expect"]["slots"]["reference"] for c in LABELLED[:4]]


def _entries(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).order_by(Transaction.id)).all())


def test_forwarded_sms_is_recorded_once_with_its_fee(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    paybill = next(c for c in LABELLED if c["expect"]["slots"].get("fee") == "5")["text"]
    reply = chat.say(paybill)
    assert "Recorded expense: Ksh 300" in reply and "TCM0P6D1HI" in reply and "Ksh 5 recorded as fees" in reply
    again = chat.say(paybill)
    assert again.startswith("Already recorded on 22 Mar 2025") and "didn't record it twice" in again
    main, fee = _entries(engine)
    assert (main.reference, main.channel, main.amount_cents, main.fee_cents) == ("TCM0P6D1HI", "mpesa", 30000, 500)
    assert (fee.category, fee.amount_cents, fee.related_to_id) == ("fees", 500, main.id)


def test_a_batch_records_each_and_reports_duplicates(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    first, second = LABELLED[0]["text"], LABELLED[1]["text"]
    chat.say(first)
    reply = chat.say(first + "\n" + second)
    assert "1 of 2 M-PESA messages recorded" in reply and "Already recorded" in reply
    assert [e.reference for e in _entries(engine)] == ["BS49OR201", "DZ12GX874"]


def test_transfers_move_money_without_touching_profit(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    withdrawal = next(c for c in LABELLED if c["kind"] == "withdraw_at_agent")["text"]
    reply = chat.say(withdrawal)
    assert "Recorded transfer: Ksh 2,100 from M-PESA to cash" in reply and "Ksh 29 recorded as fees" in reply
    transfer, fee = _entries(engine)
    assert (transfer.kind, transfer.from_account, transfer.to_account) == ("transfer", "mpesa", "cash")
    assert (fee.kind, fee.category, fee.amount_cents, fee.related_to_id) == ("expense", "fees", 2900, transfer.id)
    assert "You spent Ksh 29" in chat.say("expenses in December 2024")
