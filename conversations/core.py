"""The conversation core: IncomingMessage in, Replies out, one database transaction per message."""

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from conversations import followups, onboarding, voice_notes
from conversations.attachments import attachment_reply
from conversations.gemini.client import Gemini
from conversations.gemini.route import answer_with_gemini, wants_gemini
from conversations.gemini.settings import GeminiSettings
from conversations.handlers import handler_for
from conversations.language import detect_language
from conversations.messages import IncomingMessage, Reply
from conversations.notices import waiting_notices
from conversations.parser.text import clean
from conversations.spoken import spoken
from conversations.state import load_state
from conversations.texts import t
from conversations.turn import Turn
from conversations.understand import understand
from finance.clock import today_in
from finance.db import session_scope
from finance.errors import AccessDenied
from finance.mpesa.daraja import Daraja
from finance.mpesa.settings import DarajaSettings
from finance.services.events import FINISHED, claim_event, finish_event, lock_event
from finance.services.members import (
    business_of,
    current_membership,
    find_person,
    link_phone,
    register_person,
    set_language,
    start_business,
)
from finance.services.outbound import touch_identity

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 6000  # room for several forwarded M-PESA confirmations


class Conversation:
    """Stateless between messages: everything it remembers is in the database."""

    def __init__(
        self,
        engine: Engine | None = None,
        today: Callable[[], date] | None = None,
        gemini_settings: GeminiSettings | None = None,
        daraja_settings: DarajaSettings | None = None,
    ) -> None:
        self.engine = engine
        self._today = today
        daraja_settings = daraja_settings or DarajaSettings()
        self.public_url = daraja_settings.kavi_public_url
        # STK push only with Daraja keys; everything else about invoices works without them.
        self.payments = Daraja(daraja_settings) if daraja_settings.enabled else None
        self.gemini_settings = gemini_settings or GeminiSettings()
        # Only with a key: without one KAVI answers everything locally, offline.
        self.gemini = Gemini(self.gemini_settings) if self.gemini_settings.enabled else None

    def handle(self, message: IncomingMessage, raise_errors: bool = False) -> list[Reply]:
        """Replies to one message. A failure rolls everything back; with `raise_errors` the caller
        (the dispatcher, which retries stored events) gets the exception instead of an apology."""
        try:
            try:
                with session_scope(self.engine) as session:
                    return self._handle(session, message)
            except IntegrityError:
                # Two messages from one new person raced to create them; the other won.
                # Run once more: this time the person (or the event) is found, not made.
                with session_scope(self.engine) as session:
                    return self._handle(session, message)
        except Exception:
            if raise_errors:
                raise
            # Rolled back whole: nothing half-recorded, and a retry of the event starts clean.
            log.exception("message %s from %s:%s failed", message.external_id, message.channel, message.sender)
            return [Reply(t("failed", detect_language(message.text or "") or "en"))]

    def _handle(self, session: Session, message: IncomingMessage) -> list[Reply]:
        event = None
        if message.external_id:
            event, is_new = claim_event(
                session, channel=message.channel, external_id=message.external_id, payload=message.payload()
            )
            if not is_new:
                # Stored by a webhook before it answered, or a retry: process only if nobody has.
                event = lock_event(session, event_id=event.id or 0)
                if event.status in FINISHED:
                    return [Reply.from_summary(item) for item in event.reply or []]
        turn = self._turn(session, message)
        replies = self._respond(turn, clean(message.text or "").strip())
        # What happened while they were away (a payment came in), on channels KAVI cannot push to.
        replies = waiting_notices(session, channel=message.channel, sender=message.sender, state=turn.state) + replies
        if replies and _answers_by_voice(turn):
            said = spoken(replies[-1].text, turn.lang)
            if said:
                replies[-1] = replace(replies[-1], spoken=said, spoken_language=turn.lang)
        if event is not None:
            finish_event(session, event=event, reply=[r.summary() for r in replies])
        return replies

    def _turn(self, session: Session, message: IncomingMessage) -> Turn:
        # A voice note's words tell its language as well as typed ones do.
        said = message.text or (message.heard.text if message.heard else "")
        person = find_person(session, channel=message.channel, external_user_id=message.sender, phone=message.phone)
        if person is None:
            person = register_person(
                session,
                channel=message.channel,
                external_user_id=message.sender,
                name=message.display_name,
                language=detect_language(said) or "en",
                phone=message.phone,
            )
        # Only a clear majority switches language: a Swahili shop name is not a request for Swahili.
        elif (
            (detected := detect_language(said, margin=2)) and not person.language_fixed and detected != person.language
        ):
            set_language(session, person=person, language=detected, fixed=False)
        touch_identity(session, channel=message.channel, external_user_id=message.sender, at=message.received_at)
        member = current_membership(session, person=person)
        first_contact = member is None
        if member is None:
            member = start_business(session, founder=person)
        business = business_of(session, actor=member)
        state = load_state(session, channel=message.channel, sender=message.sender)
        today = self._today() if self._today else today_in(business.timezone)
        return Turn(
            session=session,
            message=message,
            person=person,
            member=member,
            business=business,
            state=state,
            lang=person.language,
            today=today,
            first_contact=first_contact,
            public_url=self.public_url,
            payments=self.payments,
        )

    def _respond(self, turn: Turn, text: str) -> list[Reply]:
        message = turn.message
        if message.shared_phone:
            link_phone(turn.session, person=turn.person, phone=message.shared_phone)
            return [Reply(t("phone_linked", turn.lang, phone=message.shared_phone))]
        if not text and message.heard is not None:
            return voice_notes.respond(turn, message.heard, lambda heard: self._respond_text(turn, heard))
        if not text and message.attachments:
            return [attachment_reply(turn)]
        return self._respond_text(turn, text)

    def _respond_text(self, turn: Turn, text: str) -> list[Reply]:
        if not text:
            return [Reply(t("empty", turn.lang))]
        if len(text) > MAX_MESSAGE_CHARS:
            return [Reply(t("too_long", turn.lang, length=len(text)))]
        confirmed = voice_notes.answer_confirmation(turn, text, lambda heard: self._respond_text(turn, heard))
        if confirmed is not None:
            return confirmed
        try:
            reply = followups.answer_pending(turn, text) or followups.correction(turn, text)
            if reply is not None:
                return [reply]
            intent = understand(text, turn.today)
            reply = onboarding.answer_name(turn, text, intent)
            if reply is not None:
                return [reply]
            if self.gemini and wants_gemini(text, intent, self.gemini_settings.kavi_gemini_threshold):
                reply = answer_with_gemini(turn, self.gemini, text, intent)
            else:
                reply = handler_for(intent)(turn, intent)
        except AccessDenied as exc:
            return [Reply(t("no_permission", turn.lang, role=exc.has, business=turn.business.name))]
        if turn.first_contact:
            reply = onboarding.greet_newcomer(turn, intent, reply)
        return [reply]


def _answers_by_voice(turn: Turn) -> bool:
    """A voice note gets a voice note back, unless the person chose text only; "always" speaks every time."""
    mode = turn.person.voice_replies
    return mode == "always" or (mode != "never" and turn.message.heard is not None)
