"""KAVI by USSD (*384*...#) for feature phones with no data bundle: a numbered menu over the same
person, business, services and roles as the chat. One step in, one screen out, inside the
transaction the bot layer opens for the step (bot/ussd.py keeps each step once).

    steps.py    the state machine over Africa's Talking's "*"-joined text (no database)
    screens.py  each state as a CON/END screen of at most 182 characters
    views.py    today, this month, balance, unpaid invoices, last entries
    actions.py  record, undo, language: the finance services, as the caller's member
    texts.py    English and Swahili
"""

from datetime import date

from sqlmodel import Session

from conversations.registry import declared
from conversations.ussd.caller import Caller
from conversations.ussd.screens import Screen, failed, render, stranger
from conversations.ussd.steps import MENU, walk
from finance.clock import today_in
from finance.services.members import business_of, current_membership, find_person

CHANNEL = "ussd"

__all__ = ["CHANNEL", "Screen", "failed", "respond"]


def respond(
    session: Session, *, phone: str, text: str, event_id: int | None = None, today: date | None = None
) -> Screen:
    """The screen for one step. Found by phone as on SMS and WhatsApp; someone KAVI has never met is
    sent to a chat channel first (a menu is no place to name a business), and nothing is made for them."""
    person = find_person(session, channel=CHANNEL, external_user_id=phone, phone=phone)
    member = current_membership(session, person=person) if person is not None else None
    if person is None or member is None:
        return stranger()
    business = business_of(session, actor=member)
    allowed = {item for item, intent in MENU.values() if member.role in _roles(intent)}
    state = walk(text, lang=person.language, allowed=allowed)
    caller = Caller(
        session=session,
        person=person,
        member=member,
        business=business,
        lang=state.lang,
        today=today or today_in(business.timezone),
        event_id=event_id,
    )
    return render(caller, state)


def _roles(intent: str) -> tuple[str, ...]:
    found = declared(intent)
    return found.roles if found is not None else ()
