from decimal import Decimal

import pytest

from finance.money import D, MoneyError, format_money, from_cents, plain, to_cents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500", "1500"),
        ("1,500", "1500"),
        ("Ksh 1,500", "1500"),
        ("KES1500", "1500"),
        ("1500/-", "1500"),
        ("1,500 bob", "1500"),
        ("2,499.50", "2499.50"),
        ("sh. 20", "20"),
    ],
)
def test_D_reads_what_people_type(text: str, expected: str) -> None:
    assert D(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1,50,0", "12..5", "NaN", "Infinity", "1e5"])
def test_D_refuses_what_is_not_money(text: str) -> None:
    with pytest.raises(MoneyError):
        D(text)


def test_D_refuses_floats() -> None:
    with pytest.raises(MoneyError):
        D(0.1)  # type: ignore[arg-type]


def test_cents_round_trip_is_exact_for_large_values() -> None:
    big = Decimal("98765432109876.55")
    assert to_cents(big) == 9876543210987655
    assert from_cents(to_cents(big)) == big


def test_cents_round_half_up() -> None:
    assert to_cents(Decimal("0.005")) == 1
    assert to_cents(Decimal("0.004")) == 0


def test_display_with_babel() -> None:
    assert format_money(Decimal("15000")) == "Ksh 15,000"
    assert format_money(Decimal("1500.5")) == "Ksh 1,500.50"
    assert format_money(Decimal("1234567"), locale="sw_KE") == "Ksh 1,234,567"


def test_plain_is_the_contract_form() -> None:
    assert plain(Decimal("1500.00")) == "1500"
    assert plain(Decimal("2499.50")) == "2499.5"
    assert plain(Decimal("0")) == "0"
