"""Messages that answer KAVI's last question or correct what was just recorded."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from conversations import matching
from conversations import state as st
from conversations.handlers import handler_for, records
from conversations.handlers.customers import PICK, pick_answer
from conversations.handlers.invoices import INVOICE_ACTION
from conversations.handlers.records import describe
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.parser import vocabulary as v
from conversations.parser.dates import find_day
from conversations.parser.names import counterparty
from conversations.parser.records import EXPENSE_CATEGORIES, INCOME_CATEGORIES, money_amount, pick_category
from conversations.parser.text import Analysed, PhraseTable
from conversations.texts import t
from conversations.turn import Turn
from finance.clock import as_utc, utcnow
from finance.errors import FinanceError
from finance.models import Transaction
from finance.money import plain
from finance.services.ledger import edit_transaction

CORRECTION_WINDOW = timedelta(minutes=30)
_OPENERS = PhraseTable.of(v.CORRECTION_OPENERS)
_IN = PhraseTable.of(
    (
        "in",
        "money in",
        "income",
        "sale",
        "sales",
        "pesa imeingia",
        "imeingia",
        "ingia",
        "mapato",
        "mauzo",
        "received",
        "nimepokea",
        "nimeuza",
        "1",
    )
)
_OUT = PhraseTable.of(
    (
        "out",
        "money out",
        "expense",
        "spent",
        "paid",
        "pesa imetoka",
        "imetoka",
        "toka",
        "matumizi",
        "nimelipa",
        "nimetumia",
        "2",
    )
)


def answer_pending(turn: Turn, text: str) -> Reply | None:
    question, slots = st.pending(turn.state)
    if question == PICK:
        return _pick_answer(turn, text, slots)
    if question in (matching.QUESTION, matching.WHICH):
        return matching.answer(turn, question, slots, text)
    if question == INVOICE_ACTION:
        return _invoice_action(turn, text, slots)
    if question == "amount":
        return _amount_answer(turn, text, slots)
    if question == "direction":
        return _direction_answer(turn, text, slots)
    return None


_SAME = PhraseTable.of(("yes", "yes same person", "same", "same person", "ndio", "ndiyo", "ni yeye", "sawa", "1"))
_NEW = PhraseTable.of(("no", "new", "new customer", "no a new customer", "hapana", "mteja mpya", "mpya", "2"))
_REQUEST = PhraseTable.of(("request via m-pesa", "request", "omba kupitia m-pesa", "omba", "stk"))
_REMIND = PhraseTable.of(("remind", "kumbusha", "remind them", "send reminder"))


def _pick_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """ "Is this Jane Achieng, 0798…?" — yes runs the request for her; no makes a new customer."""
    lows = Analysed.of(text).lows
    same, new = (bool(_SAME.first(lows)), bool(_NEW.first(lows))) if len(lows) <= 5 else (False, False)
    if same == new:
        st.clear(turn.state)
        return None
    intent = pick_answer(turn, same, slots)
    return handler_for(intent)(turn, intent)


def _invoice_action(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """The buttons under a new invoice: request the money by M-Pesa, or remind the customer."""
    lows = Analysed.of(text).lows
    name = "request_payment" if _REQUEST.first(lows) else "remind_customer" if _REMIND.first(lows) else None
    if name is None or len(lows) > 4:
        st.clear(turn.state)
        return None
    st.clear(turn.state)
    intent = Intent(name, {"invoice": slots.get("invoice")})
    return handler_for(intent)(turn, intent)


def _amount_answer(turn: Turn, text: str, slots: dict[str, object]) -> Reply | None:
    msg = Analysed.of(text)
    amount = money_amount(msg, set())
    # "paid rent 15k" is a new entry, not the answer; "15k" or "ilikuwa 1,500" is.
    new_entry = EXPENSE_CATEGORIES.first(msg.lows) or INCOME_CATEGORIES.first(msg.lows)
    if amount is None or new_entry:
        st.clear(turn.state)
        return None
    name = str(slots.pop("intent", "record_expense"))
    slots["amount"] = plain(amount.value) if amount.value >= 0 else "-" + plain(-amount.value)
    return records.record(turn, Intent(name, dict(slots)))


def _direction_answer(turn: Turn, text: str, slots: dict[str, object]) -> Reply | None:
    lows = Analysed.of(text).lows
    inbound, outbound = _IN.first(lows), _OUT.first(lows)
    if bool(inbound) == bool(outbound):
        st.clear(turn.state)
        return None
    kind = "income" if inbound else "expense"
    return records.save(turn, kind, Decimal(str(slots["amount"])), dict(slots))


def correction(turn: Turn, text: str) -> Reply | None:
    """ "no, it was 1,500" / "actually transport" / "hapana, ilikuwa jana" right after a recording."""
    if turn.state.last_transaction_id is None:
        return None
    msg = Analysed.of(text)
    opener = _OPENERS.first(msg.lows)
    if opener is None or opener.start != 0:
        return None
    txn = turn.session.get(Transaction, turn.state.last_transaction_id)
    if (
        txn is None
        or txn.deleted_at is not None
        or txn.created_by != turn.person.id
        or utcnow() - as_utc(txn.created_at) > CORRECTION_WINDOW
    ):
        return None
    day = find_day(msg, turn.today)
    skip = set(range(*day.span)) if day else set()
    amount = money_amount(msg, skip)
    table = INCOME_CATEGORIES if txn.kind == "income" else EXPENSE_CATEGORIES
    category = pick_category(table.all(msg.lows)) or pick_category(
        (EXPENSE_CATEGORIES if txn.kind == "income" else INCOME_CATEGORIES).all(msg.lows)
    )
    who = counterparty(msg, skip, set())
    if amount is None and category is None and day is None and who is None:
        return None
    if amount is not None:
        problem = records.amount_problem(turn, amount.value)
        if problem is not None:
            return problem
    try:
        edited = edit_transaction(
            turn.session,
            actor=turn.member,
            transaction_id=txn.id or 0,
            amount=amount.value if amount else None,
            category=category,
            occurred_on=day.start if day else None,
            counterparty=who,
        )
    except FinanceError:
        return None
    return Reply(t("edited", turn.lang, **describe(turn, edited)), choices=[t("undo_button", turn.lang)])
