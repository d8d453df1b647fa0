"""Due dates on invoices are the next such day after today (the contract's Days rule)."""

from datetime import date

import pytest

from conversations.understand import understand

SUNDAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "today", "due"),
    [
        ("invoice Jane 5,000 due Friday", SUNDAY, "2026-11-27"),
        ("invoice Jane 5,000 due sunday", SUNDAY, "2026-11-29"),  # today is Sunday: next week's
        ("invoice Jane 5000 due 30th", SUNDAY, "2026-11-30"),
        ("invoice Jane 5000 due on the 5th", SUNDAY, "2026-12-05"),
        ("invoice Jane 5000 due 30th", date(2026, 11, 30), "2026-12-30"),
        ("invoice Jane 5000 due 31st", SUNDAY, "2026-12-31"),  # November has no 31st
    ],
)
def test_due_day_is_the_next_such_day(text: str, today: date, due: str) -> None:
    assert understand(text, today).slots.get("due_date") == due
