"""Putting a payment the engine is unsure of to the owner, and reading the answer.

"KSh 5,000 from JANE ACHIENG — for INV-0012 (Jane Achieng, Ksh 5,000)? Yes / Another invoice /
Not an invoice". A yes (or another invoice) teaches KAVI the payer, so their next payment is
matched without asking."""

from typing import Any

from sqlmodel import Session

from conversations import state as st
from conversations.display import money
from conversations.messages import Reply
from conversations.parser.text import Analysed, PhraseTable
from conversations.texts import t
from conversations.turn import Turn
from finance.errors import NotFound
from finance.models import Customer, Payment
from finance.money import from_cents
from finance.reconciliation.signals import invoice_number_in
from finance.services.invoices import balance, find_invoice, invoice_by_number
from finance.services.payments import Outcome, confirm, pending_suggestions

QUESTION = "payment_match"
WHICH = "payment_invoice"
CHOICES = ["match_yes", "match_another", "match_none"]

_YES = PhraseTable.of(("yes", "yes same", "ndio", "ndiyo", "sawa", "correct", "yeah", "yep", "ok", "1"))
_ANOTHER = PhraseTable.of(("another", "another invoice", "other", "nyingine", "ankara nyingine", "2"))
_NONE = PhraseTable.of(("not an invoice", "not", "no", "none", "hapana", "si ya ankara", "3"))


def payer_of(payment: Payment) -> str:
    return payment.payer_name or payment.reference or "?"


def question_values(session: Session, payment: Payment, lang: str) -> dict[str, Any] | None:
    """The words of the question for a suggested payment; None when it no longer applies."""
    if not payment.suggestion:
        return None
    first = payment.suggestion[0]
    invoice = invoice_by_number(session, business_id=payment.business_id, number=first["invoice"])
    if invoice is None:
        return None
    customer = session.get(Customer, invoice.customer_id)
    numbers = " + ".join(s["invoice"] for s in payment.suggestion or [])
    return {
        "amount": money(from_cents(payment.amount_cents), lang),
        "payer": payer_of(payment),
        "number": numbers,
        "customer": customer.name if customer else "?",
        "balance": money(balance(invoice), lang),
        "reason": payment.match_reason or "",
    }


def ask_about(turn: Turn, payment: Payment) -> Reply | None:
    values = question_values(turn.session, payment, turn.lang)
    if values is None:
        return None
    st.ask(turn.state, QUESTION, {"payment_id": payment.id})
    return Reply(t("match_question", turn.lang, **values), choices=[t(c, turn.lang) for c in CHOICES])


def _next_question(turn: Turn) -> Reply | None:
    for payment in pending_suggestions(turn.session, actor=turn.member):
        reply = ask_about(turn, payment)
        if reply is not None:
            return reply
    return None


def _with_next(turn: Turn, text: str) -> Reply:
    following = _next_question(turn)
    if following is None:
        return Reply(text)
    return Reply(text + "\n\n" + following.text, choices=following.choices)


def answer(turn: Turn, question: str, slots: dict[str, Any], text: str) -> Reply | None:
    """The owner's answer, or None when the message is something else (then the question lapses)."""
    payment = turn.session.get(Payment, int(slots.get("payment_id") or 0))
    if payment is None or payment.business_id != turn.business.id:
        st.clear(turn.state)
        return None
    lows = Analysed.of(text).lows
    if question == WHICH or (invoice_number_in(text) is not None and len(lows) <= 3):
        if invoice_number_in(text) is None:
            return None
        try:
            invoice = find_invoice(turn.session, actor=turn.member, number=text)
        except NotFound:
            return Reply(t("invoice_not_found", turn.lang, number=text.strip()))
        st.clear(turn.state)
        return _with_next(
            turn, applied_words(turn, confirm(turn.session, actor=turn.member, payment=payment, invoice=invoice))
        )
    if len(lows) > 4:
        return None
    if _ANOTHER.first(lows):
        st.ask(turn.state, WHICH, {"payment_id": payment.id})
        return Reply(t("match_which", turn.lang))
    if _YES.first(lows) and payment.suggestion:
        number = payment.suggestion[0]["invoice"]
        invoice = find_invoice(turn.session, actor=turn.member, number=number)
        st.clear(turn.state)
        outcome = confirm(turn.session, actor=turn.member, payment=payment, invoice=invoice)
        return _with_next(
            turn, applied_words(turn, outcome) + "\n" + t("match_learned", turn.lang, payer=payer_of(payment))
        )
    if _NONE.first(lows):
        st.clear(turn.state)
        confirm(turn.session, actor=turn.member, payment=payment, invoice=None)
        amount = money(from_cents(payment.amount_cents), turn.lang)
        return _with_next(turn, t("match_ignored", turn.lang, amount=amount, payer=payer_of(payment)))
    return None


def applied_words(turn: Turn, outcome: Outcome) -> str:
    """ "• INV-0003: Ksh 2,000 → Ksh 3,000 still owed" per invoice, and any credit kept."""
    lang = turn.lang
    lines = []
    for invoice, amount in outcome.applied:
        left = balance(invoice)
        state = t("payment_settled", lang) if left <= 0 else t("payment_left", lang, owed=money(left, lang))
        lines.append(t("payment_applied", lang, number=invoice.number, amount=money(amount, lang), state=state))
    if outcome.credit > 0:
        customer = turn.session.get(Customer, outcome.payment.customer_id) if outcome.payment.customer_id else None
        key = "payment_credit" if outcome.applied else "payment_no_invoice"
        lines.append(t(key, lang, credit=money(outcome.credit, lang), customer=customer.name if customer else "?"))
    return "\n".join(lines)
