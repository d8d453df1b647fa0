"""`kavi understand` answers every line: each shared labelled message, mangled the ways people type
(stray punctuation, spacing, case, number formats), is read without an exception, and what it says
fits the contract's shape."""

import json
import random
import re
from datetime import date

from conversations.registry import all_declared
from conversations.understand import understand
from tests.conftest import SHARED

_PUNCTUATION = list(".,;:!?-/=@#*()'\"…💰🙏")
_DIGITS = re.compile(r"\d[\d,]*")


def _lines() -> list[str]:
    texts = []
    for path in sorted((SHARED / "eval").glob("nlu_*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _mangle(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        spot = rng.randint(0, len(chars))
        chars.insert(spot, rng.choice([*_PUNCTUATION, " ", "  ", "\n", "\t"]))
    mangled = "".join(chars)
    if rng.random() < 0.5:
        mangled = mangled.upper() if rng.random() < 0.5 else mangled.lower()

    def number(match: re.Match[str]) -> str:
        digits = match.group().replace(",", "")
        return rng.choice(
            [digits, f"{digits}.00", f"{digits},", f"ksh{digits}", f"{digits}/=", f"{digits[:1]},{digits[1:]}"]
        )

    return _DIGITS.sub(number, mangled)


def test_every_shared_line_mangled_still_gets_an_answer() -> None:
    rng = random.Random(20261202)
    names = {declared.name for declared in all_declared()}
    lines = _lines()
    assert len(lines) > 800
    for text in lines:
        for variant in (text, _mangle(text, rng), _mangle(text, rng)):
            reading = understand(variant, date(2026, 12, 2)).contract()
            json.dumps(reading)  # printable as `kavi understand` prints it
            assert reading["intent"] in names, (variant, reading)
            amount = reading["slots"].get("amount")
            if amount is not None:
                assert re.fullmatch(r"-?\d+(\.\d+)?", str(amount)), (variant, amount)
