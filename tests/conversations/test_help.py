""" "help" is read from the registry: a line for what each role may do, examples KAVI understands,
and the features still to come named as such."""

import re

import pytest
from sqlalchemy.engine import Engine

from conversations.registry import all_declared, coming, help_lines
from conversations.texts import t
from conversations.understand import understand
from tests.chat import ChatTester
from tests.conftest import TODAY

_QUOTED = re.compile(r'"([^"]+)"')


def _examples(role: str, lang: str) -> list[str]:
    return [example for line in help_lines(role, lang) for example in _QUOTED.findall(line)]


@pytest.mark.parametrize("lang", ["en", "sw"])
def test_each_line_opens_with_an_example_of_its_own_intent(lang: str) -> None:
    for declared in all_declared():
        if declared.help is None:
            continue
        line = declared.help.sw if lang == "sw" else declared.help.en
        examples = _QUOTED.findall(line)
        if examples:  # "forward an M-Pesa SMS" has nothing to type
            assert understand(examples[0], TODAY).name == declared.name, (declared.name, examples[0])


@pytest.mark.parametrize("lang", ["en", "sw"])
def test_every_example_is_understood_in_a_real_chat(engine: Engine, lang: str) -> None:
    owner = ChatTester(engine, TODAY)
    owner.onboard()
    owner.say("add customer Jane Achieng 0712345678")
    owner.say("invoice Jane 5000")
    for example in _examples("admin", lang):
        owner.push(example)
        replies = [owner.pop() for _ in range(len(owner.replies))]
        assert replies, example
        for said in replies:
            assert t("unknown", "en") != said and t("unknown", "sw") != said, example
            assert "coming soon" not in said and "inakuja" not in said.lower(), example


def test_help_shows_each_role_only_what_it_may_do(engine: Engine) -> None:
    owner = ChatTester(engine, TODAY)
    owner.onboard()
    everything = owner.say("help")
    assert "Money out" in everything and "Invoices" in everything and "Settings" in everything
    assert "Coming soon" not in everything and "Budgets" in everything and "Your data" in everything
    viewer_lines = "\n".join(help_lines("viewer", "en"))
    assert "Questions" in viewer_lines and "Money out" not in viewer_lines and "Reminders" not in viewer_lines
    assert len(help_lines("staff", "en")) < len(help_lines("admin", "en"))  # settings are the admin's
    assert coming("en") == []  # every intent of the contract is built


def test_help_in_swahili(engine: Engine) -> None:
    owner = ChatTester(engine, TODAY)
    owner.onboard()
    owner.say("tumia Kiswahili")
    reply = owner.say("msaada")
    assert reply.startswith("Haya ndiyo ninayoweza") and "Pesa iliyotoka" in reply and "Inakuja" not in reply
