"""Reading one message as `kavi understand` does, for the parser's regression tests."""

from datetime import date

from conversations.understand import understand


def read(text: str, today: date) -> tuple[str, dict[str, object]]:
    """(intent, slots) in the contract's form."""
    found = understand(text, today).contract()
    return str(found["intent"]), dict(found.get("slots", {}))  # type: ignore[arg-type]


def assert_reads(text: str, today: date, intent: str, slots: dict[str, object]) -> None:
    """The message is read as `intent` with every slot named in `slots` as given."""
    got_intent, got = read(text, today)
    assert got_intent == intent, (text, got_intent, got)
    for key, value in slots.items():
        assert got.get(key) == value, (text, key, got)
