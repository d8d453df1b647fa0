"""record_expense / record_income: validate, record, confirm with a way to undo."""

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from conversations import state as st
from conversations.display import day, money
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.texts import t
from conversations.turn import Turn
from finance.categories import DEFAULT_EXPENSE_CATEGORY, DEFAULT_INCOME_CATEGORY, category_label
from finance.errors import DuplicateReference, InvalidAmount
from finance.models import Transaction
from finance.money import MAX_AMOUNT, from_cents
from finance.services.ledger import record_transaction

DIRECTION_THRESHOLD = 0.5


def describe(turn: Turn, txn: Transaction) -> dict[str, str]:
    """The words a confirmation uses for an entry."""
    who = t("from_who", turn.lang, who=txn.counterparty) if txn.counterparty else ""
    return {
        "kind": t(txn.kind, turn.lang),
        "amount": money(from_cents(txn.amount_cents), turn.lang, turn.business.currency),
        "category": category_label(txn.category, turn.lang),
        "who": who,
        "day": day(txn.occurred_on, turn.today, turn.lang),
    }


def amount_problem(turn: Turn, amount: Decimal) -> Reply | None:
    """A friendly refusal for zero, negative, absurd or sub-cent amounts."""
    shown = money(abs(amount), turn.lang, turn.business.currency)
    if amount == 0:
        return Reply(t("amount_zero", turn.lang))
    if amount < 0:
        return Reply(t("amount_negative", turn.lang))
    if amount > MAX_AMOUNT:
        limit = money(MAX_AMOUNT, turn.lang, turn.business.currency)
        return Reply(t("amount_too_large", turn.lang, amount=shown, limit=limit))
    if amount != amount.quantize(Decimal("0.01")):
        return Reply(t("amount_too_precise", turn.lang, amount=amount))
    return None


def record(turn: Turn, intent: Intent) -> Reply:
    kind = "income" if intent.name == "record_income" else "expense"
    slots = dict(intent.slots)
    if "amount" not in slots:
        st.ask(turn.state, "amount", {"intent": intent.name, **slots})
        if kind == "expense":
            label = category_label(slots.get("category", DEFAULT_EXPENSE_CATEGORY), turn.lang)
            return Reply(t("ask_amount_expense", turn.lang, category=label))
        for_what = f" ({category_label(slots['category'], turn.lang)})" if "category" in slots else ""
        return Reply(t("ask_amount_income", turn.lang, for_what=for_what))
    try:
        amount = Decimal(str(slots["amount"]))
    except InvalidOperation:
        return Reply(t("unknown", turn.lang))
    problem = amount_problem(turn, amount)
    if problem is not None:
        return problem
    if intent.alternatives and intent.confidence < DIRECTION_THRESHOLD:
        st.ask(turn.state, "direction", slots)
        shown = money(amount, turn.lang, turn.business.currency)
        return Reply(
            t("ask_direction", turn.lang, amount=shown),
            choices=[t("money_in", turn.lang), t("money_out", turn.lang)],
        )
    return save(turn, kind, amount, slots)


def save(turn: Turn, kind: str, amount: Decimal, slots: dict[str, Any]) -> Reply:
    category = slots.get("category") or (DEFAULT_INCOME_CATEGORY if kind == "income" else DEFAULT_EXPENSE_CATEGORY)
    try:
        txn = record_transaction(
            turn.session,
            actor=turn.member,
            kind=kind,
            amount=amount,
            category=category,
            occurred_on=date.fromisoformat(slots.get("date") or turn.today.isoformat()),
            counterparty=slots.get("counterparty"),
            reference=slots.get("reference"),
            channel=slots.get("channel", "cash"),
            note=turn.message.text[:500] or None,
        )
    except DuplicateReference as exc:
        return Reply(t("duplicate", turn.lang, reference=exc.reference))
    except InvalidAmount as exc:
        return amount_problem(turn, exc.amount) or Reply(t("unknown", turn.lang))
    turn.session.flush()
    st.clear(turn.state)
    turn.state.last_transaction_id = txn.id
    return Reply(t(f"recorded_{kind}", turn.lang, **describe(turn, txn)), choices=[t("undo_button", turn.lang)])
