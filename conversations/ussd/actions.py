"""What a USSD step changes: an entry recorded, the caller's last entry undone, their language. Each
goes through the finance service the chat uses, acting as the caller's member, so roles hold."""

from conversations.display import day, money
from conversations.ussd.caller import Caller
from conversations.ussd.steps import SALE, State
from conversations.ussd.texts import u
from finance.categories import category_label
from finance.models import Transaction
from finance.money import from_cents
from finance.services.ledger import last_transaction, record_transaction, undo_last
from finance.services.members import set_language
from finance.services.payments import unapply

NOTE = "by USSD"


def record(caller: Caller, state: State) -> list[str]:
    """Records the confirmed sale or expense; the step's stored event makes a resend find it done."""
    if state.amount is None or state.category is None:
        raise ValueError("a USSD entry is confirmed only once it has an amount and a category")
    sale = state.item == SALE
    txn = record_transaction(
        caller.session,
        actor=caller.member,
        kind="income" if sale else "expense",
        amount=state.amount,
        category=state.category,
        occurred_on=caller.today,
        note=NOTE,
        source_event_id=caller.event_id,
    )
    words = describe(caller, txn)
    done = u("recorded_sale" if sale else "recorded_expense", caller.lang, **words)
    return [done, u("undo_hint", caller.lang)]


def last_entry(caller: Caller) -> Transaction | None:
    return last_transaction(caller.session, actor=caller.member)


def undo(caller: Caller) -> list[str]:
    """The caller's latest entry of their own, as "undo" in the chat: payments come off their invoices too."""
    txn = undo_last(caller.session, actor=caller.member)
    if txn is None:
        return [u("nothing_to_undo", caller.lang)]
    lines = [u("undone", caller.lang, **describe(caller, txn))]
    numbers = unapply(caller.session, actor=caller.member, transaction_id=txn.id or 0)
    if numbers:
        lines.append(u("unapplied", caller.lang, numbers=", ".join(numbers)))
    return lines


def choose_language(caller: Caller, lang: str) -> None:
    set_language(caller.session, person=caller.person, language=lang, fixed=True)


def describe(caller: Caller, txn: Transaction) -> dict[str, str]:
    return {
        "kind": u(txn.kind, caller.lang),
        "amount": money(from_cents(txn.amount_cents), caller.lang, caller.business.currency),
        "category": category_label(txn.category, caller.lang),
        "day": day(txn.occurred_on, caller.today, caller.lang),
    }
