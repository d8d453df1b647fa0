"""When a message deserves Gemini's opinion, and how its answer becomes a reply."""

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Engine

from conversations.dispatch import run
from conversations.gemini.client import Answer, Gemini, GeminiUnavailable
from conversations.gemini.context import build_context
from conversations.intents import Intent
from conversations.language import detect_language
from conversations.messages import IncomingMessage, Reply
from conversations.parser.text import Analysed, PhraseTable
from conversations.registry import declared
from conversations.texts import t
from conversations.turn import Turn
from finance.clock import today_in
from finance.db import session_scope
from finance.services.members import business_of, current_membership, find_person
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


@dataclass(frozen=True)
class Consulted:
    """Gemini's answer, got before the message's transaction began; `answer` None: it failed."""

    answer: Answer | None


def wants_gemini(text: str, intent: Intent, threshold: float) -> bool:
    found = declared(intent.name)
    if found is not None and not found.gemini:
        return False
    if intent.name == "unknown" or intent.confidence < threshold:
        return True
    free = FREE_QUESTION.first(Analysed.of(text[:500]).lows) is not None
    return free and not intent.name.startswith("record_")


def consult(
    gemini: Gemini, engine: Engine | None, message: IncomingMessage, text: str, today: date | None
) -> Consulted:
    """Reads the business's context in a short session of its own, then asks Gemini with no database
    transaction open: its seconds on the network never hold the writers' lock."""
    with session_scope(engine) as session:
        person = find_person(session, channel=message.channel, external_user_id=message.sender, phone=message.phone)
        member = current_membership(session, person=person) if person is not None else None
        if person is None or member is None:
            return Consulted(None)
        business = business_of(session, actor=member)
        day = today or today_in(business.timezone)
        lang = detect_language(text) or person.language
        context = build_context(snapshot(session, actor=member, today=day), lang)
    try:
        return Consulted(gemini.ask(text, context, lang, day.isoformat()))
    except GeminiUnavailable as exc:
        log.info("Gemini unavailable, answering locally: %s", exc)
        return Consulted(None)


def answer_with_gemini(turn: Turn, consulted: Consulted, local: Intent) -> Reply:
    """Gemini's function call through our own handlers, or its grounded text; the local reply if it failed."""
    answer = consulted.answer
    if answer is None:
        reply = run(turn, local)
        reply.text = t("gemini_fallback", turn.lang) + "\n" + reply.text
        return reply
    if answer.intent is not None:
        return run(turn, answer.intent)
    return Reply(answer.text or "")
