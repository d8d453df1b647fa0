"""USSD through Africa's Talking: each step answered at once, inside the request, and kept once.

A USSD screen must come back in the HTTP response (the network waits seconds, not minutes), so
unlike SMS nothing is queued. Each step is stored as an inbound event keyed by (sessionId, text):
Africa's Talking resending a step finds it and gets the same screen back, and the step that
records an entry records it once, the entry pointing at that event.
"""

import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.records.events import DONE, FINISHED, claim_event, finish_event, lock_event
from bot.twilio_adapter import e164
from conversations.messages import IncomingMessage, Reply
from conversations.ussd import CHANNEL, failed, respond
from finance.db import session_scope

log = logging.getLogger(__name__)

MAX_KEY = 128  # InboundEvent.external_id


@dataclass(frozen=True)
class UssdStep:
    """One callback: Africa's Talking's fields, as posted."""

    session_id: str
    phone: str
    text: str = ""
    service_code: str = ""
    network_code: str = ""


def step_key(session_id: str, text: str) -> str:
    """The event key of one step: the session and everything typed in it so far."""
    key = f"{session_id}:{text}"
    if len(key) <= MAX_KEY:
        return key
    return f"{session_id}#{hashlib.sha256(text.encode()).hexdigest()[:40]}"


def answer(engine: Engine | None, step: UssdStep) -> str:
    """The screen ("CON ..." or "END ...") for one step; never an exception, which would leave the
    caller's phone on a network error."""
    try:
        try:
            with session_scope(engine) as session:
                return _answer(session, step)
        except IntegrityError:
            # A resend raced the first try (or one new identity another): once more, it is found.
            with session_scope(engine) as session:
                return _answer(session, step)
    except Exception:
        log.exception("USSD step of session %s failed", step.session_id)
        return failed().text


def _answer(session: Session, step: UssdStep) -> str:
    phone = e164(step.phone)
    key = step_key(step.session_id, step.text)
    message = IncomingMessage(channel=CHANNEL, sender=phone, text=step.text, external_id=key, phone=phone)
    payload = {
        **message.payload(),
        "session_id": step.session_id,
        "service_code": step.service_code,
        "network_code": step.network_code,
    }
    # Someone KAVI does not know: not even the step is kept.
    trial = session.begin_nested()
    event, is_new = claim_event(session, channel=CHANNEL, external_id=key, payload=payload)
    if not is_new:
        event = lock_event(session, event_id=event.id or 0)
        if event.status in FINISHED and event.reply:
            trial.commit()
            return Reply.from_summary(event.reply[0]).text
    screen = respond(session, phone=phone, text=step.text, event_id=event.id)
    if not screen.keep:
        trial.rollback()
        return screen.text
    finish_event(session, event=event, reply=[Reply(screen.text).summary()], status=DONE)
    trial.commit()
    return screen.text
