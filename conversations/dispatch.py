"""Running an intent: its declaration's role check, then its handler, or an honest "not yet"."""

from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import Declared, declared
from conversations.texts import t
from conversations.turn import Turn
from finance.errors import AccessDenied


def run(turn: Turn, intent: Intent) -> Reply:
    found = declared(intent.name)
    if found is not None:
        check_role(turn, found)
    if found is None or found.handler is None:
        return not_yet(turn, found)
    return found.handler(turn, intent)


def check_role(turn: Turn, found: Declared) -> None:
    """Raises AccessDenied when the person's role may not use the intent (a viewer never writes)."""
    if turn.member.role not in found.roles:
        raise AccessDenied(found.roles[-1], turn.member.role)


def not_yet(turn: Turn, found: Declared | None) -> Reply:
    labels = found.feature if found else {}
    feature = labels.get(turn.lang) or labels.get("en") or t("that_feature", turn.lang)
    return Reply(t("not_yet", turn.lang, feature=feature), choices=[t("help_button", turn.lang)])
