"""Readings from a blind set (T), each of which was wrong or missing before its fix."""

from datetime import date

import pytest

from tests.conversations.readings import assert_reads
from tests.conversations.readings import read as read_on

TODAY = date(2026, 12, 4)


def read(text: str) -> tuple[str, dict[str, object]]:
    return read_on(text, TODAY)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        # someone else paying, said first, is money in
        ("Mzee paid for the function, 48,000 cash", "record_income", {"amount": "48000", "counterparty": "Mzee"}),
        ("Uber paid out 14,600 to my account today", "record_income", {"amount": "14600"}),
        ("Today's cash from the water kiosk: 3,675", "record_income", {"amount": "3675"}),
        # work done for a customer is a service; rent collected is other income
        ("Leo nimeshona suits mbili, nimelipwa 9,000", "record_income", {"category": "services"}),
        ("Nimepokea kodi ya chumba 4,000 kutoka kwa mpangaji wangu", "record_income", {"category": "other_income"}),
        (
            "I have been paid by one Onyango two thousand five hundred for the repair of his gearbox.",
            "record_income",
            {"amount": "2500", "category": "services", "counterparty": "Onyango"},
        ),
        # where it happened names no purpose
        ("lunch for me and the boys at the garage 650", "record_expense", {"category": "meals", "amount": "650"}),
        ("Kindly record that I fuelled the Axio with 4,000 at Rubis", "record_expense", {"amount": "4000"}),
        ("I have send money to Omosh for the tyres, ten thousand", "record_expense", {"amount": "10000"}),
        ("nime-deposit 3,000 cash kwa agent", "record_transfer", {"amount": "3000", "from": "cash"}),
        ("sent 5k to mshwari, saving for tyres", "record_transfer", {"to": "mshwari"}),
        ("Failed. Unable to authorise transaction. Please try again later.", "mpesa_info", {}),
        ("How much did Uber pay me in October?", "query_summary", {"metric": "income", "counterparty": "Uber"}),
        ("Nina alama gani ya mkopo?", "credit_score", {}),
        (
            "Yawa, is it possible for me to buy a generator of forty five thousand without suffering?",
            "can_afford",
            {"amount": "45000", "item": "generator"},
        ),
        ("Nani aliingiza ile entry ya Otieno?", "activity_log", {}),
        ("Misawa jaduong", "greeting", {}),
        # names written as titles, with particles, or said before the invoice word
        ("Invoice Kisumu Day School 25k for the class photos", "create_invoice", {"customer": "Kisumu Day School"}),
        ("Nakuru Water Point invoice ya 12k, due tarehe 5", "create_invoice", {"customer": "Nakuru Water Point"}),
        ("invoice ya... ya Grace Atieno, for two dresses", "create_invoice", {"customer": "Grace Atieno"}),
        ("switch to the, the car hire one, I mean Ouma Cabs", "switch_business", {"name": "Ouma Cabs"}),
        ("switch to the salon one", "switch_business", {"name": "Salon"}),
    ],
)
def test_read(text: str, intent: str, slots: dict[str, object]) -> None:
    assert_reads(text, TODAY, intent, slots)


def test_a_lone_number_word_is_never_money() -> None:
    # "the car hire one" once became a KES 1 expense
    intent, slots = read("switch to the car hire one")
    assert "amount" not in slots
    assert intent == "switch_business"


def test_my_account_is_no_counterparty() -> None:
    _, slots = read("received 5,000 to my account")
    assert slots.get("counterparty") is None


def test_the_price_words_still_count_money() -> None:
    assert read("nimelipa rent elfu moja")[1]["amount"] == "1000"
    assert read("paid two hundred")[1]["amount"] == "200"
