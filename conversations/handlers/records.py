"""record_expense / record_income / record_transfer: validate, record, confirm with a way to undo.

Forwarded M-PESA confirmations arrive here too: with their code as the reference (the
same code twice is recorded once), the transaction cost as its own `fees` expense linked
to the entry, and several confirmations in one message recorded together.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from conversations import state as st
from conversations.budget_alerts import alerts_after
from conversations.contract import ACCOUNTS, AMOUNT, DATE, IntentSpec, Slot
from conversations.dispatch import run
from conversations.display import day, money
from conversations.handlers.recurring import start_from
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.parser.currency import rate_statement
from conversations.parser.dates import find_day
from conversations.parser.money_moved import money_amount
from conversations.parser.queries import is_question
from conversations.parser.records import EXPENSE_CATEGORIES, INCOME_CATEGORIES
from conversations.parser.text import Analysed, PhraseTable
from conversations.registry import AMOUNT as TAKES_AMOUNT
from conversations.registry import CHOICE, EVERYONE, WRITERS, YES_NO, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from conversations.understand import understand
from conversations.undo_buttons import with_undo
from finance.categories import (
    DEFAULT_EXPENSE_CATEGORY,
    DEFAULT_INCOME_CATEGORY,
    NOT_EARNED,
    categories_for,
    category_label,
)
from finance.errors import DuplicateReference, FinanceError, InvalidAmount
from finance.models import Transaction
from finance.money import CENT, MAX_AMOUNT, D, MoneyError, from_cents, plain
from finance.services.ledger import get_transaction, record_transaction
from finance.services.rates import RATE_PLACES, convert, rate_for, set_rate
from finance.services.usual import is_unusual, same_entry_just_made, usual_expense

DIRECTION_THRESHOLD = 0.5
# A reading this sure (a verb, a category) is an entry of its own, not the answer to "how much?".
_SURE_ENTRY = 0.7
_SHORT_ANSWER = 4  # words: "money in", "pesa imeingia", "it was a sale"
_ACCOUNT_NAMES = {"cash": "cash", "mpesa": "M-PESA", "mshwari": "M-Shwari", "bank": "bank"}
_KINDS = {"record_income": "income", "record_expense": "expense", "record_transfer": "transfer"}


def describe(turn: Turn, txn: Transaction) -> dict[str, str]:
    """The words a confirmation uses for an entry."""
    who = t("from_who", turn.lang, who=txn.counterparty) if txn.counterparty else ""
    category = category_label(txn.category, turn.lang)
    if txn.category == DEFAULT_EXPENSE_CATEGORY and txn.counterparty:
        category, who = txn.counterparty, ""  # "for Lipa na KCB" says more than "for other"
    return {
        "kind": t(txn.kind, turn.lang),
        "amount": money(from_cents(txn.amount_cents), turn.lang, turn.business.currency),
        "category": category,
        "who": who,
        "day": day(txn.occurred_on, turn.today, turn.lang),
        "source": _ACCOUNT_NAMES.get(txn.from_account or "", ""),
        "target": _ACCOUNT_NAMES.get(txn.to_account or "", ""),
    }


def amount_problem(turn: Turn, amount: Decimal) -> Reply | None:
    """A friendly refusal for zero, negative, absurd or sub-cent amounts."""
    if amount == 0:
        return Reply(t("amount_zero", turn.lang))
    if amount < 0:
        return Reply(t("amount_negative", turn.lang))
    if amount > MAX_AMOUNT:
        shown = money(amount, turn.lang, turn.business.currency)
        limit = money(MAX_AMOUNT, turn.lang, turn.business.currency)
        return Reply(t("amount_too_large", turn.lang, amount=shown, limit=limit))
    if amount != amount.quantize(CENT):
        return Reply(t("amount_too_precise", turn.lang, amount=amount))
    return None


def record(turn: Turn, intent: Intent) -> Reply:
    if intent.more:
        return _record_several(turn, [intent, *intent.more])
    kind = _KINDS[intent.name]
    slots = dict(intent.slots)
    if "amount" not in slots:
        st.ask(turn.state, "amount", {"intent": intent.name, **slots})
        if kind == "income":
            for_what = f" ({category_label(slots['category'], turn.lang)})" if "category" in slots else ""
            return Reply(t("ask_amount_income", turn.lang, for_what=for_what))
        label = category_label(slots.get("category", DEFAULT_EXPENSE_CATEGORY), turn.lang)
        return Reply(t("ask_amount_expense", turn.lang, category=label))
    try:
        amount = D(str(slots["amount"]))
    except MoneyError:
        return Reply(t("unknown", turn.lang))
    currency = str(slots.pop("currency", "") or "").upper()
    if currency and currency != turn.business.currency:
        # The books are in one currency: booked at the day's rate, asked once a day, never $250 as Ksh 250.
        rate = rate_for(turn.session, actor=turn.member, currency=currency, day=turn.today)
        if rate is None:
            note = slots.get("note") or turn.message.text[:500]  # the answer ("129.5") is no note
            st.ask(turn.state, "rate", {"intent": intent.name, "currency": currency, **slots, "note": note})
            said = f"{currency} {plain(amount)}"
            return Reply(t("ask_rate", turn.lang, currency=currency, said=said, home=turn.business.currency))
        slots["original"] = [currency, plain(amount)]
        amount = convert(amount, rate)
    problem = amount_problem(turn, amount)
    if problem is not None:
        return problem
    if intent.alternatives and intent.confidence < DIRECTION_THRESHOLD:
        st.ask(turn.state, "direction", slots)
        shown = money(amount, turn.lang, turn.business.currency)
        return Reply(
            t("ask_direction", turn.lang, amount=shown), choices=[t("money_in", turn.lang), t("money_out", turn.lang)]
        )
    if kind != "transfer" and not slots.get("reference"):
        twice = _asked_twice(turn, kind, amount, slots)
        if twice is not None:
            return twice
    return save(turn, kind, amount, slots, intent.meta)


def _asked_twice(turn: Turn, kind: str, amount: Decimal, slots: dict[str, Any]) -> Reply | None:
    """The same amount and category a few minutes ago is more often a message sent twice than a second
    payment: asked before it is recorded twice."""
    default = DEFAULT_INCOME_CATEGORY if kind == "income" else DEFAULT_EXPENSE_CATEGORY
    category = slots.get("category") or default
    day = date.fromisoformat(str(slots["date"])) if slots.get("date") else turn.today
    earlier = same_entry_just_made(
        turn.session, actor=turn.member, kind=kind, amount=amount, category=category, occurred_on=day
    )
    if earlier is None:
        return None
    st.ask(turn.state, "twice", {"kind": kind, "amount": plain(amount), "slots": slots})
    words = describe(turn, earlier)
    return Reply(
        t("ask_twice", turn.lang, amount=words["amount"], category=words["category"]),
        choices=[t("twice_yes", turn.lang), t("twice_no", turn.lang)],
    )


def twice_answer(turn: Turn, text: str, saved: dict[str, Any]) -> Reply | None:
    lows = Analysed.of(text).lows
    if len([w for w in lows if w.isalnum()]) > _SHORT_ANSWER + 1:
        return None
    yes, no = bool(_YES.first(lows)), bool(_NO.first(lows))
    if yes == no:
        return None
    if no:
        st.clear(turn.state)
        return Reply(t("twice_not_recorded", turn.lang))
    return save(turn, str(saved["kind"]), D(str(saved["amount"])), dict(saved.get("slots") or {}))


def save(turn: Turn, kind: str, amount: Decimal, slots: dict[str, Any], meta: dict[str, Any] | None = None) -> Reply:
    try:
        txn, fee = _store(turn, kind, amount, slots, meta or {})
    except DuplicateReference as exc:
        return Reply(_already(turn, exc))
    except InvalidAmount as exc:
        return amount_problem(turn, exc.amount) or Reply(t("unknown", turn.lang))
    st.clear(turn.state)
    turn.state.last_transaction_id = txn.id
    repeats = start_from(turn, txn, str(slots["repeat"])) if slots.get("repeat") else None
    confirmed = _confirmation(turn, txn, fee) + (f"\n{repeats}" if repeats else "")
    text = "\n\n".join([confirmed, *_unusual(turn, txn), *alerts_after(turn, txn, fee)])
    return with_undo(turn, text, txn.id, fee.id if fee else None)


def _unusual(turn: Turn, txn: Transaction) -> list[str]:
    """An expense several times the category's usual size: said, in case of an extra zero."""
    if txn.kind != "expense" or txn.id is None:
        return []
    amount = from_cents(txn.amount_cents)
    usual = usual_expense(turn.session, actor=turn.member, category=txn.category, before_id=txn.id)
    if usual is None or not is_unusual(amount, usual):
        return []
    label = category_label(txn.category, turn.lang)
    return [t("unusual_expense", turn.lang, category=label, usual=money(usual, turn.lang, turn.business.currency))]


def _store(
    turn: Turn, kind: str, amount: Decimal, slots: dict[str, Any], meta: dict[str, Any]
) -> tuple[Transaction, Transaction | None]:
    """The entry and, when the message shows a transaction cost, its own linked `fees` entry."""
    reference = slots.get("reference")
    if reference and meta.get("reference_suffix"):
        reference += meta["reference_suffix"]
    if kind == "transfer":
        category = "transfer"
    else:
        default = DEFAULT_INCOME_CATEGORY if kind == "income" else DEFAULT_EXPENSE_CATEGORY
        category = slots.get("category") or default
        if category not in categories_for(kind):
            category = default  # "money in" chosen for "paid ... for rent": rent is no income category
    note = slots.get("note") or (turn.message.text[:500] or None)
    if slots.get("account"):
        note = f"account {slots['account']}; {note}"
    when = date.fromisoformat(slots.get("date") or turn.today.isoformat())
    channel = slots.get("channel", "cash")
    txn = record_transaction(
        turn.session,
        actor=turn.member,
        kind=kind,
        amount=amount,
        category=category,
        occurred_on=when,
        counterparty=slots.get("counterparty"),
        reference=reference,
        channel=channel,
        phone=slots.get("phone"),
        fee=D(str(slots.get("fee") or 0)),
        note=note[:500] if note else None,
        from_account=slots.get("from"),
        to_account=slots.get("to"),
        source_event_id=turn.event_id,
        receipt_id=int(slots["receipt"]) if slots.get("receipt") else None,
        original=(str(slots["original"][0]), D(str(slots["original"][1]))) if slots.get("original") else None,
    )
    fee_entry = None
    fee = D(str(slots.get("fee") or 0))
    if fee > 0:
        fee_entry = record_transaction(
            turn.session,
            actor=turn.member,
            kind="expense",
            amount=fee,
            category="fees",
            occurred_on=when,
            counterparty="M-PESA" if channel == "mpesa" else None,
            channel=channel,
            note=f"transaction cost of {reference}" if reference else "transaction cost",
            related_to_id=txn.id,
            source_event_id=turn.event_id,
        )
    turn.session.flush()
    return txn, fee_entry


def _confirmation(turn: Turn, txn: Transaction, fee: Transaction | None) -> str:
    words = describe(turn, txn)
    key = {"income": "recorded_income", "expense": "recorded_expense", "transfer": "recorded_transfer"}[txn.kind]
    if txn.category in NOT_EARNED:
        key = "recorded_not_earned"
    if txn.original_currency and txn.original_cents is not None:
        said = f"{txn.original_currency} {plain(from_cents(txn.original_cents))}"
        words["amount"] += " " + t("at_rate", turn.lang, said=said)
    text = t(key, turn.lang, **words)
    if txn.reference:
        text = text.replace("\n", f" {t('reference', turn.lang, reference=txn.reference)}\n", 1)
    if fee is not None:
        text += "\n" + t("fee_recorded", turn.lang, amount=money(from_cents(fee.amount_cents), turn.lang))
    return text


def _already(turn: Turn, exc: DuplicateReference) -> str:
    try:
        existing = get_transaction(turn.session, actor=turn.member, transaction_id=exc.existing_id)
    except FinanceError:
        return t("duplicate", turn.lang, reference=exc.reference)
    return t(
        "already_recorded",
        turn.lang,
        reference=exc.reference,
        day=day(existing.occurred_on, turn.today, turn.lang),
        **{k: v for k, v in describe(turn, existing).items() if k != "day"},
    )


def _record_several(turn: Turn, intents: list[Intent]) -> Reply:
    """Several forwarded confirmations: each recorded (or reported) on its own line."""
    lines = []
    recorded = 0
    made: list[int | None] = []
    stored: list[Transaction | None] = []
    for intent in intents:
        if intent.name not in _KINDS or "amount" not in intent.slots:
            continue
        amount = D(str(intent.slots["amount"]))
        if amount_problem(turn, amount) is not None:
            continue
        try:
            # A savepoint each, so one duplicate does not undo the others.
            with turn.session.begin_nested():
                txn, fee = _store(turn, _KINDS[intent.name], amount, dict(intent.slots), intent.meta)
            line = _confirmation(turn, txn, None).split("\n")[0].removeprefix("✅ ").removeprefix("🔁 ")
            if fee is not None:
                line += " " + t("fee_recorded", turn.lang, amount=money(from_cents(fee.amount_cents), turn.lang))
            lines.append("• " + line)
            turn.state.last_transaction_id = txn.id
            made += [txn.id, fee.id if fee else None]
            stored += [txn, fee]
            recorded += 1
        except DuplicateReference as exc:
            lines.append("• " + _already(turn, exc))
    header = t("recorded_several", turn.lang, count=recorded, total=len(intents))
    text = "\n\n".join([header + "\n" + "\n".join(lines), *alerts_after(turn, *stored)])
    return with_undo(turn, text, *made) if recorded else Reply(text)


_YES = PhraseTable.of(("yes", "ndio", "ndiyo", "yeah", "yep", "again", "tena", "sawa", "ok", "okay", "record it"))
_NO = PhraseTable.of(("no", "hapana", "la", "nope", "don't", "dont", "usirekodi", "cancel", "sent twice"))
_IN = PhraseTable.of(
    (
        "in", "money in", "income", "sale", "sales", "pesa imeingia", "imeingia", "ingia", "mapato", "mauzo",
        "received", "nimepokea", "nimeuza", "1",
    )
)  # fmt: skip
_OUT = PhraseTable.of(
    (
        "out", "money out", "expense", "spent", "paid", "pesa imetoka", "imetoka", "toka", "matumizi", "nimelipa",
        "nimetumia", "2",
    )
)  # fmt: skip


def amount_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """ "How much?" answered: "15k" or "ilikuwa 1,500 jana" is; "paid rent 15k" or "received 5,000 from
    Kamau" is a new entry of its own, never the amount of the one asked about."""
    msg = Analysed.of(text)
    amount = money_amount(msg, set())
    if amount is None or EXPENSE_CATEGORIES.first(msg.lows) or INCOME_CATEGORIES.first(msg.lows):
        return None
    reading = understand(text, turn.today)
    if reading.name != "unknown" and not reading.name.startswith("record_"):
        return None  # a question or a command with a number in it
    if reading.confidence >= _SURE_ENTRY or reading.slots.get("counterparty"):
        return None
    name = str(slots.pop("intent", "record_expense"))
    slots["amount"] = plain(amount.value) if amount.value >= 0 else "-" + plain(-amount.value)
    if find_day(msg, turn.today) is not None and reading.slots.get("date"):
        slots["date"] = reading.slots["date"]  # "ilikuwa 350 jana"
    return record(turn, Intent(name, dict(slots)))


def rate_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """ "1 USD = ? KES" answered with the rate ("129.5"), or with what it all came to ("32,375")."""
    slots = dict(slots)
    # What was said in the other currency: an entry's amount, or an invoice's total ("said").
    currency, said = str(slots.pop("currency")), D(str(slots.pop("said", None) or slots.get("amount") or 0))
    told = rate_statement(text)
    if told is not None:
        if told[0] != currency:
            return None  # the rate of another currency: kept by set_rate, this question still open
        rate = told[1]
    else:
        msg = Analysed.of(text)
        found = money_amount(msg, set())
        if found is None or len([w for w in msg.lows if w.isalpha()]) > 3 or found.value <= 0:
            return None
        reading = understand(text, turn.today)
        if reading.name != "unknown" and reading.confidence >= _SURE_ENTRY:
            return None  # "sold paint 4500" is a sale of its own, never the rate or the total
        # No rate to shillings is a thousand or more; such a number is the total in shillings.
        rate = found.value / said if found.value >= 1000 and said else found.value
    try:
        set_rate(turn.session, actor=turn.member, currency=currency, day=turn.today, rate=rate.quantize(RATE_PLACES))
    except FinanceError:
        return Reply(t("rate_refused", turn.lang))
    name = str(slots.pop("intent", "record_expense"))
    st.clear(turn.state)
    # The entry or invoice that asked, made now at the day's rate.
    return run(turn, Intent(name, {**slots, "currency": currency}, confidence=1.0))


def direction_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """ "Money in or out?" answered in a word or two: a message with an amount of its own ("paid rent
    10k") or a question ("how much came in?") is something else."""
    msg = Analysed.of(text)
    if len(msg.lows) > _SHORT_ANSWER or is_question(msg) or money_amount(msg, set()) is not None:
        return None
    inbound, outbound = _IN.first(msg.lows), _OUT.first(msg.lows)
    if bool(inbound) == bool(outbound):
        return None
    kind = "income" if inbound else "expense"
    return save(turn, kind, D(str(slots["amount"])), dict(slots))


def mpesa_info(turn: Turn, intent: Intent) -> Reply:
    """A failed transaction or a balance notice: nothing moved, so nothing is recorded."""
    return Reply(t("mpesa_nothing_moved", turn.lang))


# Asked by record() for any of the three kinds; declared once, with record_expense (handlers/payments.py).
RECORD_QUESTIONS = (
    Question("amount", TAKES_AMOUNT, amount_answer, drafts=True),
    Question("direction", CHOICE, direction_answer, drafts=True),
    Question("twice", YES_NO, twice_answer, drafts=True),
    Question("rate", TAKES_AMOUNT, rate_answer, drafts=True),
)

declare(
    "record_transfer",
    record,
    roles=WRITERS,
    spec=IntentSpec(
        "Record money moved between the owner's own accounts (not income or expense).",
        {
            "amount": AMOUNT,
            "from": Slot("string", "Source account.", ACCOUNTS),
            "to": Slot("string", "Destination account.", ACCOUNTS),
            "date": DATE,
        },
        ("amount", "from", "to"),
    ),
)
declare(
    "mpesa_info",
    mpesa_info,
    roles=EVERYONE,
    help=Help(12, "• Forward an M-Pesa confirmation SMS: I record it", "• Nitumie ujumbe wa M-Pesa: nitaurekodi"),
)
