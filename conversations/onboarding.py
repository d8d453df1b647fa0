"""First contact: a business is made for the sender (they become its admin) and KAVI asks its name."""

import re

from conversations import state as st
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.privacy import notice
from conversations.registry import declared
from conversations.texts import t
from conversations.turn import Turn
from finance.services.members import rename_business

_INTRO_RE = re.compile(
    r"^\s*(?:(?:it'?s|it is|we are|we're|my business is|my shop is|the business is|business name is|"
    r"name is|called|it'?s called|inaitwa|jina ni|jina lake ni|biashara yangu ni|ni)\s+)+",
    re.IGNORECASE,
)
NAME_QUESTION = "business_name"
_DEED = 0.7
# Intents that mean the person is getting on with things rather than answering.
_GETTING_ON = {"query_summary", "undo", "help", "greeting", "set_language", "redo", "list_invoices"}
# Requests that name whom they are about: getting on too, once they carry that name.
_ABOUT_SOMEONE = {
    "create_invoice": "customer",
    "record_payment": "customer",
    "remind_customer": "customer",
    "request_payment": "customer",
    "add_customer": "name",
    "add_supplier": "name",
}


def _complete(intent: Intent) -> bool:
    if intent.name in _GETTING_ON:
        return True
    if intent.name in _ABOUT_SOMEONE:
        slots = intent.slots
        return bool(slots.get(_ABOUT_SOMEONE[intent.name]) or slots.get("invoice") or slots.get("phone"))
    if intent.name.startswith("record_"):
        # "paid rent" names a deed (a verb: the parser is surer); "Baraka Salon" is only a name with a trade in it.
        # "Jane paid 500": an amount with someone or a verb is a request, whichever way the money went.
        with_amount = "amount" in intent.slots and (not intent.alternatives or "counterparty" in intent.slots)
        return with_amount or intent.confidence >= _DEED
    found = declared(intent.name)
    return found is not None and intent.name not in ("unknown", "greeting") and intent.confidence >= _DEED


def business_name(text: str) -> str | None:
    name = _INTRO_RE.sub("", text).strip(" .!,\"'")
    name = " ".join(name.split())
    if not name or len(name) > 80 or not any(ch.isalpha() for ch in name):
        return None
    return name.title() if name.islower() else name


def answer_name(turn: Turn, text: str, intent: Intent) -> Reply | None:
    """Takes the reply to "What's your business called?" unless it reads as a request: then the
    request is handled, and the name asked again once nothing else is being asked."""
    question, _ = st.pending(turn.state)
    if question != NAME_QUESTION:
        return None
    if _complete(intent) or (intent.slots.get("channel") == "mpesa"):
        st.set_aside(turn.state)
        return None
    # A name says nothing of the language the person wants: "Duka la Juma" is answered in theirs.
    turn.lang = turn.person.language
    name = business_name(text)
    if name is None:
        return Reply(t("welcome", turn.lang))
    rename_business(turn.session, actor=turn.member, name=name)
    st.clear(turn.state)
    # Channels that do not come with a number (Telegram) offer a button to share it, once.
    return Reply(t("named", turn.lang, name=name), request_phone=turn.person.phone is None)


def greet_newcomer(turn: Turn, intent: Intent, reply: Reply) -> Reply:
    """An unnamed business is asked its name: on the first message (a request is done first), and again
    after a request that came instead of the name, as soon as no other question is waiting."""
    if turn.business.named or turn.state.pending is not None:
        return reply
    set_aside = any(q.get("name") == NAME_QUESTION for q in turn.state.questions or [])
    if not (turn.first_contact or set_aside):
        return reply
    st.ask(turn.state, NAME_QUESTION)
    # The first reply says what is kept and why, once (Kenya Data Protection Act).
    privacy = (
        "\n\n" + notice(turn.lang, turn.abroad, turn.public_url) if turn.first_contact and not turn.noticed else ""
    )
    if turn.first_contact and intent.name in ("greeting", "unknown", "help"):
        turn.only_welcomed = True
        return Reply(t("welcome", turn.lang) + privacy)
    return Reply(
        reply.text + "\n\n" + t("ask_name_after", turn.lang) + privacy,
        choices=reply.choices,
        image=reply.image,
        document=reply.document,
        audio=reply.audio,
        question_id=reply.question_id,  # the buttons answer the reply's own question, not the name one
    )
