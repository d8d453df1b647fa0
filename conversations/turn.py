"""One message being handled: who sent it, for which business, in which language."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session

from conversations.messages import IncomingMessage
from conversations.notices import NoticeBox
from conversations.state import ConversationState
from finance.models import Business, Member, Person


@dataclass
class Turn:
    session: Session
    message: IncomingMessage
    # Where the notices this message causes go (a reminder to a customer): the bot layer keeps them.
    outbox: NoticeBox
    person: Person
    member: Member
    business: Business
    state: ConversationState
    lang: str
    today: date
    # True on the person's very first message: the business was just created for them.
    first_contact: bool = False
    # The address customers and Safaricom reach KAVI at (share links, callbacks); None offline.
    public_url: str | None = None
    # The M-Pesa (Daraja) client when configured, for STK push requests.
    payments: Any = None
    # The stored inbound event this message came as: every entry it makes points at it.
    event_id: int | None = None
    # Whether a configured channel (WhatsApp, SMS) can message a customer's phone.
    can_push_to_phone: bool = False
    # The outside processors configured (Gemini, ElevenLabs): named in the privacy notice.
    abroad: tuple[str, ...] = ()
    # Set when the reply is only the welcome: for a newcomer nothing but their message is then kept.
    only_welcomed: bool = False
    # True when the privacy notice was given already (to a newcomer's first message, which kept nothing).
    noticed: bool = False
