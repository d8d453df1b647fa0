"""The shape of a spoken amount: numbers as people say them pass, misheard mixtures do not."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conversations.spoken_amounts import ill_formed_amounts, well_formed
from conversations.spoken_numbers import swahili, words


@pytest.mark.parametrize(
    "said",
    [
        "mia tano",
        "elfu mbili mia tano na hamsini",
        "elfu mbili na mia tano",
        "laki moja",
        "laki moja na elfu hamsini",
        "elfu kumi na tano",
        "elfu nne na moja",
        "tisini elfu na moja",
        "elfu moja na nusu",
        "mia na hamsini",
        "two thousand five hundred",
        "four thousand and one",
        "two thousand and five hundred",
        "five hundred and fifty",
        "fifteen hundred",
        "a thousand",
        "a hundred thousand",
        "one million two hundred and thirty four thousand five hundred and sixty seven",
        "five thao",
        "tatu thao",
        "finje",
        "15,000",
        "elfu 5",
        "5 k",
        "2.5k",
    ],
)
def test_numbers_as_people_say_them_are_well_formed(said: str) -> None:
    assert well_formed(tuple(said.split())), said


@pytest.mark.parametrize(
    "said",
    [
        "four thousand moja",  # two languages in one amount
        "elfu kumi five",
        "four thousand na moja",
        "sita mia tano",  # a unit before "mia" that is not its count
        "sita elfu tano",
        "mia tano sita",  # a unit after a complete count, without "na"
        "mia tano hamsini",
        "four thousand one",  # a trailing unit after a round number
        "fifteen thousand five",
        "two hundred fifty",
        "thousand five hundred thousand",
        "elfu mia moja",  # the parser reads 1,100: not what anyone says for 100,000
        "4,000 moja",
        "5 hundred",
        "finje mbili",
        "zero",
    ],
)
def test_misheard_mixtures_are_not(said: str) -> None:
    assert not well_formed(tuple(said.split())), said


def test_each_amount_in_a_sentence_is_judged_on_its_own() -> None:
    assert ill_formed_amounts("nimelipa kodi elfu kumi na mshahara elfu tano") == []
    assert ill_formed_amounts("invoice otieno three bags at seven hundred and fifty each") == []
    assert ill_formed_amounts("paid rent four thousand one and fuel two hundred") == ["four thousand one"]
    assert ill_formed_amounts("how much did I spend this week") == []
    # Figures that are no money (a date, a phone number) are not amounts to doubt.
    assert ill_formed_amounts("Paid rent 15,000 on the 5th, call 0712345678.") == []
    assert ill_formed_amounts("paid fifteen thousand, five hundred") == ["fifteen thousand , five hundred"]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=9_999_999))
def test_amounts_as_kavi_says_them_are_well_formed(amount: int) -> None:
    # What KAVI speaks (and teaches the offline recognizer to listen for) must never be doubted.
    for said in (swahili(amount), words(amount, "en")):
        assert ill_formed_amounts(said) == [], said
