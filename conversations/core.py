"""The conversation core: IncomingMessage in, Replies out, inside the one transaction the bot layer
opens for the message."""

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import Session

from conversations import onboarding, voice_notes
from conversations import state as st
from conversations.attachments import attachment_reply
from conversations.dispatch import run
from conversations.gemini.client import Gemini
from conversations.gemini.route import Consulted, answer_with_gemini, consult, wants_gemini
from conversations.gemini.settings import GeminiSettings
from conversations.gemini.vision import ReceiptVision
from conversations.handlers.corrections import correction
from conversations.handlers.team import accept
from conversations.intents import Intent
from conversations.language import detect_language
from conversations.messages import Attachment, IncomingMessage, Reply
from conversations.notices import NoticeBox
from conversations.parser.team import join_code
from conversations.parser.text import clean
from conversations.privacy import ProcessorSettings
from conversations.receipts.scan import is_receipt
from conversations.receipts.scan import scan as scan_receipt
from conversations.registry import Question, asked_by, declared, question
from conversations.spoken import spoken
from conversations.state import load_state
from conversations.texts import t
from conversations.turn import Turn
from conversations.understand import understand
from finance.clock import today_in
from finance.errors import AccessDenied, TeamRefused
from finance.models import Member, Person
from finance.mpesa.daraja import Daraja
from finance.mpesa.settings import DarajaSettings
from finance.services.members import (
    business_of,
    current_membership,
    find_person,
    link_phone,
    register_person,
    set_language,
    start_business,
)
from finance.services.team import memberships

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 6000  # room for several forwarded M-PESA confirmations
_CAPTION_WORDS = 6


class Conversation:
    """Stateless between messages: everything it remembers is in the database."""

    def __init__(
        self,
        engine: Engine | None = None,
        today: Callable[[], date] | None = None,
        gemini_settings: GeminiSettings | None = None,
        daraja_settings: DarajaSettings | None = None,
        can_push_to_phone: bool = False,
    ) -> None:
        self.engine = engine
        # True when WhatsApp or SMS is configured: only then is a reminder to a customer "on its way".
        self.can_push_to_phone = can_push_to_phone
        self._today = today
        daraja_settings = daraja_settings or DarajaSettings()
        self.public_url = daraja_settings.kavi_public_url
        # STK push only with Daraja keys; everything else about invoices works without them.
        self.payments = Daraja(daraja_settings) if daraja_settings.enabled else None
        self.gemini_settings = gemini_settings or GeminiSettings()
        # Only with a key: without one KAVI answers everything locally, offline.
        self.gemini = Gemini(self.gemini_settings) if self.gemini_settings.enabled else None
        self.vision = ReceiptVision(self.gemini_settings) if self.gemini_settings.enabled else None
        self.abroad = ProcessorSettings().abroad()

    def scan(self, message: IncomingMessage) -> IncomingMessage:
        """A receipt photo's text read before the message's transaction opens (OCR takes a second or
        more; Gemini vision longer). Other messages unchanged."""
        receipt = _receipt_of(message)
        if receipt is None or message.scanned is not None:
            return message
        return replace(message, scanned=scan_receipt(receipt, self.vision))

    def consult(self, message: IncomingMessage) -> Consulted | None:
        """Gemini's reading of a message, asked before its transaction opens (never inside it: the
        call may take seconds). None when Gemini is off or the local reading is sure enough."""
        text = clean(message.text or "").strip()
        if self.gemini is None or not text or len(text) > MAX_MESSAGE_CHARS:
            return None
        today = self._today() if self._today else None
        if not wants_gemini(text, understand(text, today), self.gemini_settings.kavi_gemini_threshold):
            return None
        return consult(self.gemini, self.engine, message, text, today)

    def respond(
        self,
        session: Session,
        message: IncomingMessage,
        consulted: Consulted | None = None,
        *,
        outbox: NoticeBox,
        event_id: int | None = None,
    ) -> list[Reply]:
        """KAVI's replies to one message, inside the caller's transaction. The caller (bot/pipeline.py)
        stores the event, keeps the notices handed to `outbox`, and delivers the replies."""
        # Someone new, writing for the first time: until they go on, nothing but their message is kept.
        trial = session.begin_nested() if message.wrote_before is False else None
        turn = self._turn(session, message, outbox)
        turn.event_id = event_id
        asked_before = turn.state.question_seq or 0
        replies = self._respond(turn, clean(message.text or "").strip(), consulted)
        if replies and len(memberships(session, person=turn.person)) > 1:
            # Someone in several businesses always sees which one a reply is about.
            head = t("in_business", turn.lang, business=turn.business.name)
            if not replies[0].text.startswith(head):
                replies[0] = replace(replies[0], text=f"{head}\n{replies[0].text}")
        if (turn.state.question_seq or 0) > asked_before:
            # The buttons of a question asked now carry its id, so they answer it even later.
            for reply in replies:
                if reply.choices and reply.question_id is None:
                    reply.question_id = st.pending_id(turn.state)
        if replies and _answers_by_voice(turn):
            said = spoken(replies[-1].text, turn.lang)
            if said:
                replies[-1] = replace(replies[-1], spoken=said, spoken_language=turn.lang)
        if trial is not None:
            if turn.only_welcomed:
                trial.rollback()  # a "hi" made no person, no business, no conversation state
            else:
                trial.commit()
        return replies

    def _turn(self, session: Session, message: IncomingMessage, outbox: NoticeBox) -> Turn:
        # A voice note's words tell its language as well as typed ones do.
        said = message.text or (message.heard.text if message.heard else "")
        person = find_person(session, channel=message.channel, external_user_id=message.sender, phone=message.phone)
        if person is None:
            person = register_person(
                session,
                channel=message.channel,
                external_user_id=message.sender,
                name=message.display_name,
                language=message.earlier_language or detect_language(said) or "en",
                phone=message.phone,
            )
        # Only a clear majority switches the preferred language: a Swahili shop name is not a request for Swahili.
        elif (
            (detected := detect_language(said, margin=2)) and not person.language_fixed and detected != person.language
        ):
            set_language(session, person=person, language=detected, fixed=False)
        member = current_membership(session, person=person)
        first_contact = member is None
        returning = False
        if member is None:
            # "join K7QX-M4PA" as a first message: the invited business, not a new empty one.
            member = _join_first(session, person, said, message.phone) or start_business(session, founder=person)
            first_contact = member.role == "admin" and member.created_by == person.id
            returning = first_contact and message.wrote_before is True
        business = business_of(session, actor=member)
        state = load_state(session, channel=message.channel, sender=message.sender)
        if returning:
            # The welcome asked their business's name and kept nothing: this message may be the answer.
            st.ask(state, onboarding.NAME_QUESTION)
        today = self._today() if self._today else today_in(business.timezone)
        return Turn(
            session=session,
            message=message,
            person=person,
            member=member,
            business=business,
            state=state,
            # The reply follows the language of the message (one that does not say keeps the preferred
            # one), unless the person chose a language ("speak Swahili"): that holds until changed.
            lang=person.language if person.language_fixed else detect_language(said) or person.language,
            today=today,
            first_contact=first_contact,
            public_url=self.public_url,
            payments=self.payments,
            can_push_to_phone=self.can_push_to_phone,
            outbox=outbox,
            abroad=self.abroad,
            noticed=returning,
        )

    def _respond(self, turn: Turn, text: str, consulted: Consulted | None) -> list[Reply]:
        message = turn.message
        if message.shared_phone:
            link_phone(turn.session, person=turn.person, phone=message.shared_phone)
            return [Reply(t("phone_linked", turn.lang, phone=message.shared_phone))]
        if not text and message.heard is not None:
            return voice_notes.respond(turn, message.heard, lambda heard: self._respond_text(turn, heard, None))
        if message.attachments and (not text or _captions_receipt(message, text)):
            return [attachment_reply(turn)]
        return self._respond_text(turn, text, consulted)

    def _respond_text(self, turn: Turn, text: str, consulted: Consulted | None) -> list[Reply]:
        if not text:
            return [Reply(t("empty", turn.lang))]
        if len(text) > MAX_MESSAGE_CHARS:
            return [Reply(t("too_long", turn.lang, length=len(text)))]
        confirmed = voice_notes.answer_confirmation(turn, text, lambda heard: self._respond_text(turn, heard, None))
        if confirmed is not None:
            return confirmed
        intent = understand(text, turn.today)
        try:
            reply = self._answer_question(turn, text, intent) or correction(turn, text)
            if reply is None:
                named = onboarding.answer_name(turn, text, intent)
                if named is not None:
                    return [named]
                if consulted is not None and wants_gemini(text, intent, self.gemini_settings.kavi_gemini_threshold):
                    reply = answer_with_gemini(turn, consulted, intent)
                else:
                    reply = run(turn, intent)
        except AccessDenied as exc:
            return [Reply(t("no_permission", turn.lang, role=exc.has, business=turn.business.name))]
        return [onboarding.greet_newcomer(turn, intent, reply)]

    def _answer_question(self, turn: Turn, text: str, intent: Intent) -> Reply | None:
        """The answer to KAVI's open question, or None: a message that is plainly something else (a
        forwarded M-PESA SMS, a command, a new request) sets the question aside and is handled as new."""
        tapped = turn.message.answers
        if tapped is not None and not st.resume(turn.state, tapped):
            return Reply(t("question_closed", turn.lang))
        name, slots = st.pending(turn.state)
        asked = question(name) if name else None
        if asked is None:
            return None
        asker = asked_by(asked.name)
        # A question the person's role may not answer (a viewer after a role change) is no question to them.
        may_answer = asker is None or turn.member.role in asker.roles
        if tapped is None and intent.name == "undo" and asked.drafts:
            st.clear(turn.state)  # "lunch" -> "how much?" -> "undo": drop the draft, keep the books
            return Reply(t("draft_dropped", turn.lang))
        if not may_answer or (tapped is None and _plainly_new(intent, asked)):
            st.set_aside(turn.state)
            return None
        reply = asked.answer(turn, text, slots)
        if reply is None:
            st.set_aside(turn.state)
        return reply


def _join_first(session: Session, person: Person, said: str, phone: str | None) -> Member | None:
    joining = join_code(said)
    if joining is None:
        return None
    try:
        return accept(session, person, phone, joining.slots.get("code"))[0]
    except TeamRefused:
        return None  # a wrong code: the join handler says so, in a business of their own


def _receipt_of(message: IncomingMessage) -> Attachment | None:
    text = clean(message.text or "").strip()
    if text and not _captions_receipt(message, text):
        return None
    return next((a for a in message.attachments if is_receipt(a)), None)


def _captions_receipt(message: IncomingMessage, text: str) -> bool:
    """A few words sent with a receipt photo ("fuel", "stock ya leo") describe it; a longer text is a
    message of its own."""
    return any(is_receipt(a) for a in message.attachments) and len(text.split()) <= _CAPTION_WORDS


def _plainly_new(intent: Intent, asked: Question) -> bool:
    """Never an answer, whatever the question: a forwarded M-PESA confirmation, or a command."""
    if intent.slots.get("channel") == "mpesa" or intent.more or intent.name == "mpesa_info":
        return True
    found = declared(intent.name)
    return found is not None and found.command


def _answers_by_voice(turn: Turn) -> bool:
    """A voice note gets a voice note back, unless the person chose text only; "always" speaks every time."""
    mode = turn.person.voice_replies
    return mode == "always" or (mode != "never" and turn.message.heard is not None)
