"""When a message deserves Gemini's opinion, and how its answer becomes a reply."""

import logging

from conversations.gemini.client import Gemini, GeminiUnavailable
from conversations.gemini.context import build_context
from conversations.handlers import handler_for
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.parser.text import Analysed, PhraseTable
from conversations.texts import t
from conversations.turn import Turn
from finance.services.snapshot import snapshot

log = logging.getLogger(__name__)

# Questions that want judgement, not a total: "why ...", "can I afford ...", "nishauri".
FREE_QUESTION = PhraseTable.of(
    (
        "why",
        "should i",
        "can i afford",
        "could i afford",
        "afford",
        "advice",
        "advise",
        "how can i",
        "how do i",
        "what should",
        "is it wise",
        "is it a good idea",
        "recommend",
        "suggest",
        "tips",
        "explain",
        "kwa nini",
        "mbona",
        "nishauri",
        "ushauri",
        "naweza kununua",
        "inafaa",
        "nifanye nini",
        "how to reduce",
        "how to increase",
        "compare",
        "analyse",
        "analyze",
    )
)
_NEVER = {"greeting", "help", "undo", "redo", "set_language"}


def wants_gemini(text: str, intent: Intent, threshold: float) -> bool:
    if intent.name in _NEVER:
        return False
    if intent.name == "unknown" or intent.confidence < threshold:
        return True
    free = FREE_QUESTION.first(Analysed.of(text[:500]).lows) is not None
    return free and not intent.name.startswith("record_")


def answer_with_gemini(turn: Turn, gemini: Gemini, text: str, local: Intent) -> Reply:
    """Gemini's function call through our own handlers, or its grounded text; the local reply if it fails."""
    try:
        context = build_context(snapshot(turn.session, actor=turn.member, today=turn.today), turn.lang)
        answer = gemini.ask(text, context, turn.lang, turn.today.isoformat())
    except GeminiUnavailable as exc:
        log.info("Gemini unavailable, answering locally: %s", exc)
        reply = handler_for(local)(turn, local)
        reply.text = t("gemini_fallback", turn.lang) + "\n" + reply.text
        return reply
    if answer.intent is not None:
        return handler_for(answer.intent)(turn, answer.intent)
    return Reply(answer.text or "")
