"""The one list of intents. Each handler module declares its intents here, once: the contract entry,
the handler, the questions it may ask and what takes each answer, the roles that may use it.
The contract `kavi understand` prints, Gemini's function declarations, the "not yet" answers, "help",
the role checks and the question lookups are all read from this registry."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conversations.contract import IntentSpec
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.turn import Turn

Handler = Callable[[Turn, Intent], Reply]
# Takes the text that answers a question and the slots saved with it; None: it does not answer it.
Answer = Callable[[Turn, str, dict[str, Any]], Reply | None]

# What a question's answer is, so a message that is plainly something else is never taken for it.
AMOUNT, YES_NO, CHOICE, NAME, DATE = "amount", "yes_no", "choice", "name", "date"

EVERYONE = ("admin", "staff", "viewer")
WRITERS = ("admin", "staff")  # record, invoice, customers, payments, reminders
ADMINS = ("admin",)


@dataclass(frozen=True)
class Question:
    name: str
    takes: str
    answer: Answer
    # True when it gathers an entry not recorded yet ("how much?"): "undo" then drops the question,
    # rather than removing an older entry.
    drafts: bool = False


@dataclass(frozen=True)
class Help:
    """The intent's line in "help": what it does, with examples in quotes that KAVI understands as
    this intent (tests/conversations/test_help.py reads each one back)."""

    order: int  # where the line goes: money first (10s), questions, invoices and people, fixes, settings
    en: str
    sw: str


@dataclass(frozen=True)
class Declared:
    name: str
    # None: the feature is still to come, and KAVI says so rather than pretend.
    handler: Handler | None
    roles: tuple[str, ...]
    spec: IntentSpec | None = None  # its entry in the shared contract; None for conversation commands
    questions: tuple[Question, ...] = ()
    # Interrupts any open question: "undo", "help", "speak Swahili" are never an answer.
    command: bool = False
    # Gemini may read such messages instead of the local parser (not for plain commands).
    gemini: bool = True
    # What the feature is called, for "X is coming soon".
    feature: dict[str, str] = field(default_factory=dict)
    # How people say it aloud, as sentence patterns ("{out} {amount} for {exp}"): the offline
    # recognizer listens for these (conversations/voice_vocabulary.py). None: not spoken.
    says: tuple[str, ...] = ()
    help: Help | None = None


_INTENTS: dict[str, Declared] = {}
_QUESTIONS: dict[str, tuple[str, Question]] = {}


def declare(
    name: str,
    handler: Handler | None,
    *,
    roles: tuple[str, ...],
    spec: IntentSpec | None = None,
    questions: tuple[Question, ...] = (),
    command: bool = False,
    gemini: bool = True,
    feature: dict[str, str] | None = None,
    says: tuple[str, ...] = (),
    help: Help | None = None,
) -> Declared:
    if name in _INTENTS:
        raise ValueError(f"intent {name!r} declared twice")
    declared = Declared(name, handler, roles, spec, questions, command, gemini, feature or {}, says, help)
    _INTENTS[name] = declared
    for question in questions:
        if question.name in _QUESTIONS:
            raise ValueError(f"question {question.name!r} declared twice")
        _QUESTIONS[question.name] = (name, question)
    return declared


def declared(name: str) -> Declared | None:
    _load()
    return _INTENTS.get(name)


def all_declared() -> list[Declared]:
    _load()
    return list(_INTENTS.values())


def question(name: str) -> Question | None:
    _load()
    found = _QUESTIONS.get(name)
    return found[1] if found else None


def asked_by(question_name: str) -> Declared | None:
    """The intent whose handler asks this question (its roles apply to the answer too)."""
    _load()
    found = _QUESTIONS.get(question_name)
    return _INTENTS.get(found[0]) if found else None


def help_lines(role: str, lang: str) -> list[str]:
    """What this role can do, one line per built intent that has help, in help order."""
    helps = [d.help for d in all_declared() if d.help is not None and d.handler is not None and role in d.roles]
    return [h.sw if lang == "sw" else h.en for h in sorted(helps, key=lambda h: h.order)]


def coming(lang: str) -> list[str]:
    """The features declared but not built yet, by name."""
    names = [d.feature.get(lang) or d.feature.get("en", d.name) for d in all_declared() if d.handler is None]
    return list(dict.fromkeys(names))  # one feature may have several intents (set and check a budget)


def contract() -> dict[str, IntentSpec]:
    """The shared contract, in declaration order."""
    return {d.name: d.spec for d in all_declared() if d.spec is not None}


def _load() -> None:
    # The handler modules declare on import; one import loads them all.
    import conversations.handlers  # noqa: F401
