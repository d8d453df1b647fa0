"""KAVI's command language as example sentences, for the offline speech recognizer.

Generated from the parser's own vocabulary (cues, categories, periods, number words) through
sentence patterns, plus the business's customer and supplier names, so the recognizer listens for
what the parser understands — in English, Swahili and the mix people actually speak. Seeded: the
same business always gets the same sentences (and the recognizer's cache stays warm).
"""

import random
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from conversations.messages import IncomingMessage
from conversations.parser import vocabulary as v
from conversations.registry import all_declared
from conversations.spoken_numbers import swahili, words
from finance.db import session_scope
from finance.models import Customer, Supplier
from finance.services.members import current_membership, find_person

MAX_NAMES = 200
# The parser knows hundreds of rare synonyms; listening for all of them makes common words harder to
# hear, so the recognizer gets the first (most common) few of each group.
_COMMON = 8
_FILLS_PER_PATTERN = 120
_SEED = 20261122

# Amounts people name: round figures, and the odd ones in between.
_AMOUNTS = sorted(
    {n * m for n in range(1, 20) for m in (10, 100, 1000, 10_000)}
    | {n * m for n in range(20, 100, 5) for m in (10, 100, 1000)}
    | {n * 100 + r for n in range(1, 100) for r in (50,)}
    | {n * 1000 + r for n in range(1, 20) for r in (100, 200, 250, 300, 400, 500, 600, 700, 750, 800, 900)}
    | {100_000 * n for n in range(1, 10)}
    | {1_000_000, 1_500_000, 2_000_000}
)

# Answers to KAVI's questions and corrections, said alone; the intents' own sentences come from
# their declarations (conversations/registry.py, `says`).
_ANSWERS = ("ndiyo", "hapana", "no it was {amount}", "actually it was {amount}", "hapana ilikuwa {sw_amount}")
_EN_PERIODS = ("", "", *(p for p in v.PERIOD_PHRASES if (p.isascii() and " " in p) or p in ("today", "yesterday")))
_SW_PERIODS = ("", "leo", "jana", "juzi", "wiki hii", "wiki iliyopita", "mwezi huu", "mwezi uliopita", "mwaka huu")
_METRIC_VERBS = ("spend", "sell", "earn", "receive", "pay")
_METRICS = ("expenses", "spending", "sales", "income", "profit", "balance", "revenue", "cash")
_STATUSES = ("unpaid", "overdue", "paid", "open", "outstanding", "pending", "all")
_UNITS = ("bags", "pieces", "kilos", "litres", "crates", "packets", "boxes", "trays", "items", "units")
_DEFAULT_NAMES = ("otieno", "wanjiku", "kamau", "achieng", "mwangi", "jane", "john", "mary", "peter", "ali")


def command_sentences(names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The example sentences, with `names` (lower case) as the people in them."""
    return _fixed_sentences() + _name_sentences(names)


def _patterns() -> tuple[str, ...]:
    return tuple(dict.fromkeys([p for declared in all_declared() for p in declared.says] + list(_ANSWERS)))


@lru_cache(maxsize=1)
def _fixed_sentences() -> tuple[str, ...]:
    slots = _slots()
    sentences: list[str] = []
    for pattern in _patterns():
        # Seeded per pattern: the same sentences whatever order the intents are declared in.
        rng = random.Random(f"{_SEED}:{pattern}")
        for _ in range(_FILLS_PER_PATTERN if "{" in pattern else 1):
            sentences.append(_fill(pattern, slots, rng, _DEFAULT_NAMES))
    rng = random.Random(_SEED)
    # Short commands said alone.
    for phrases in (v.GREETING_WORDS, v.HELP_PHRASES, v.UNDO_PHRASES, v.LIST_INVOICE_CUES):
        sentences += [p for p in phrases[:_COMMON] if _speakable(p)]
    sentences += [p for group in v.LANGUAGE_SWITCH.values() for p in group if _speakable(p)]
    sentences += [_amount(n, rng) for n in _AMOUNTS] + [_sw_amount(n, rng) for n in _AMOUNTS]
    return tuple(dict.fromkeys(s for s in sentences if s.strip()))


@lru_cache(maxsize=256)
def _name_sentences(names: tuple[str, ...]) -> tuple[str, ...]:
    if not names:
        return ()
    slots = _slots()
    with_names = [p for p in _patterns() if "{name}" in p]
    out = []
    for name in names:
        # Every sentence a name fits, once: the business's own people must outweigh the default names.
        rng = random.Random(f"{_SEED}:{name}")
        out.append(name)
        out += [_fill(pattern, slots, rng, (name,)) for pattern in with_names]
    return tuple(out)


@lru_cache(maxsize=1)
def _slots() -> dict[str, tuple[str, ...]]:
    return {
        "out": ("paid", "spent", "bought", "paid for", "purchased", "spent on"),
        "sw_out": tuple(c for c in v.EXPENSE_CUES if c.startswith(("nime", "nili", "tume")))[:_COMMON],
        # Not "made": it sounds like "paid" to the offline model, and owners say "sold" or "received".
        "in": ("received", "got", "earned", "collected", "sold"),
        "sw_in": tuple(c for c in v.INCOME_CUES if c.startswith(("nime", "nili", "tume")))[:_COMMON],
        "exp": _common(v.EXPENSE_CATEGORY_WORDS),
        "inc": _common({k: g for k, g in v.INCOME_CATEGORY_WORDS.items() if k != "other_income"}),
        "period": _EN_PERIODS,
        "sw_period": _SW_PERIODS,
        "metric_verb": _METRIC_VERBS,
        "metric": _METRICS,
        "status": _STATUSES,
        "unit": _UNITS,
        "count": tuple(words(n, "en") for n in range(1, 31)),
    }


def _fill(pattern: str, slots: dict[str, tuple[str, ...]], rng: random.Random, names: tuple[str, ...]) -> str:
    values = {key: rng.choice(options) for key, options in slots.items()}
    values["amount"] = _amount(rng.choice(_AMOUNTS), rng)
    values["sw_amount"] = _sw_amount(rng.choice(_AMOUNTS), rng)
    values["name"] = rng.choice(names)
    return " ".join(pattern.format(**values).split())


def _amount(n: int, rng: random.Random) -> str:
    said = words(n, "en")
    if n % 1000 == 0 and n < 1_000_000 and rng.random() < 0.2:
        said = f"{words(n // 1000, 'en')} k"  # "fifteen k"
    return said + rng.choice(("", "", "", " shillings", " bob"))


def _sw_amount(n: int, rng: random.Random) -> str:
    if rng.random() < 0.8 or n % 1000:
        return swahili(n)
    return f"{words(n // 1000, 'en')} thao"  # Sheng: "five thao"


def _common(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(phrase for group in table.values() for phrase in group[:_COMMON] if _speakable(phrase))


def _speakable(phrase: str) -> bool:
    return all(c.isalpha() or c == " " for c in phrase)


def business_names(session: Session, business_id: int) -> tuple[str, ...]:
    """The business's customers and suppliers, lower case, each name and its first word."""
    found: list[str] = []
    for model in (Customer, Supplier):
        rows = session.exec(select(model.name).where(model.business_id == business_id).limit(MAX_NAMES)).all()
        for name in rows:
            clean = " ".join("".join(c if c.isalpha() else " " for c in name.lower()).split())
            if clean:
                found += [clean, clean.split()[0]]
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class Listening:
    """What the recognizer needs to know about who is speaking."""

    language: str | None
    sentences: tuple[str, ...]
    names: tuple[str, ...]


def listening_for(engine: Engine | None, message: IncomingMessage) -> Listening:
    """The sender's language and their business's names (a newcomer gets the defaults)."""
    with session_scope(engine) as session:
        person = find_person(session, channel=message.channel, external_user_id=message.sender, phone=message.phone)
        member = current_membership(session, person=person) if person is not None else None
        names = business_names(session, member.business_id) if member is not None else ()
        language = person.language if person is not None else None
    return Listening(language=language, sentences=command_sentences(names), names=names)
