"""Receipt photos and PDFs: read (conversations/receipts/), proposed as an expense with Record, Change
and Cancel, and recorded only on Record. A total the receipt does not bear out is asked for instead;
the same photo twice is the entry made already, never a second one."""

from datetime import date
from decimal import Decimal
from typing import Any

from conversations import state as st
from conversations.display import day, money
from conversations.handlers.records import amount_problem, describe, save
from conversations.intents import Intent
from conversations.messages import Attachment, Reply
from conversations.parser.dates import find_day
from conversations.parser.money_moved import money_amount
from conversations.parser.records import EXPENSE_CATEGORIES
from conversations.parser.text import Analysed, PhraseTable
from conversations.receipts.reading import Reading, reading_of
from conversations.receipts.scan import scan
from conversations.registry import CHOICE, WRITERS, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.categories import DEFAULT_EXPENSE_CATEGORY, categories_for, category_label
from finance.models import Transaction
from finance.money import D, plain
from finance.services.receipts import drop_receipt, entry_from, keep_receipt
from finance.services.usual import usual_category

PROPOSED = "receipt"
CHANGING = "receipt_change"
_SHORT = 5  # words: an answer to the proposal, not a message of its own
_RECORD = PhraseTable.of(("record", "rekodi", "yes", "ndio", "ndiyo", "sawa", "ok", "okay", "correct", "save", "1"))
_CHANGE = PhraseTable.of(("change", "badilisha", "edit", "wrong", "si sawa", "2"))
_CANCEL = PhraseTable.of(("cancel", "ghairi", "no", "hapana", "don't", "dont", "usirekodi", "delete", "3"))


def receipt_prompt(turn: Turn, intent: Intent) -> Reply:
    """Asked in words ("can you read receipts?"): how to send one."""
    return Reply(t("receipt_prompt", turn.lang))


def propose(turn: Turn, attachment: Attachment) -> Reply:
    """A receipt just sent: the expense it shows, for the owner to confirm."""
    if turn.member.role not in WRITERS:
        return Reply(t("no_permission", turn.lang, role=turn.member.role, business=turn.business.name))
    scanned = turn.message.scanned or scan(attachment)
    if scanned.problem:
        return Reply(t(f"receipt_{scanned.problem}", turn.lang))
    reading = reading_of(scanned, turn.today, categories_for("expense"))
    if reading.total is None and reading.merchant is None and not reading.text.strip():
        return Reply(t("receipt_nothing", turn.lang))
    slots = _slots(turn, reading)
    if attachment.data:
        receipt = keep_receipt(
            turn.session,
            actor=turn.member,
            content_type=attachment.content_type,
            data=attachment.data,
            merchant=reading.merchant,
            text=reading.text,
        )
        turn.session.flush()
        earlier = entry_from(turn.session, actor=turn.member, receipt_id=receipt.id or 0)
        if earlier is not None:
            return _already(turn, earlier)
        slots["receipt"] = receipt.id
    if not reading.has_total:
        return _ask_total(turn, reading, slots)
    slots["amount"] = plain(reading.total or Decimal(0))
    return _proposal(turn, slots)


def _slots(turn: Turn, reading: Reading) -> dict[str, Any]:
    caption = Analysed.of(turn.message.text or "")
    said = EXPENSE_CATEGORIES.first(caption.lows)
    category = (
        (said.value if said else None)
        or (reading.merchant and usual_category(turn.session, actor=turn.member, counterparty=reading.merchant))
        or reading.category
        or DEFAULT_EXPENSE_CATEGORY
    )
    when = reading.day if reading.day and reading.day <= turn.today else turn.today
    slots: dict[str, Any] = {"category": category, "date": when.isoformat(), "note": _note(reading)}
    if reading.merchant:
        slots["counterparty"] = reading.merchant
    if reading.reference:
        slots["reference"] = reading.reference  # the same payment forwarded as an SMS is then one entry
    if reading.reference or "M-PESA" in reading.text.upper() or "MPESA" in reading.text.upper():
        slots["channel"] = "mpesa"
    return slots


def _note(reading: Reading) -> str:
    shop = f" from {reading.merchant}" if reading.merchant else ""
    return f"receipt{shop} (read by {reading.engine})"[:500]


def _proposal(turn: Turn, slots: dict[str, Any]) -> Reply:
    st.ask(turn.state, PROPOSED, slots)
    words = {
        "amount": money(D(str(slots["amount"])), turn.lang, turn.business.currency),
        "merchant": slots.get("counterparty") or "",
        "day": day(date.fromisoformat(slots["date"]), turn.today, turn.lang),
        "category": category_label(slots["category"], turn.lang),
    }
    key = "receipt_proposed" if slots.get("counterparty") else "receipt_proposed_no_merchant"
    choices = [t("receipt_record", turn.lang), t("receipt_change", turn.lang), t("receipt_cancel", turn.lang)]
    return Reply(t(key, turn.lang, **words), choices=choices)


def _ask_total(turn: Turn, reading: Reading, slots: dict[str, Any]) -> Reply:
    """No total the receipt bears out: asked, with what it seemed to say as a button."""
    st.ask(turn.state, "amount", {"intent": "record_expense", **slots})
    shop = t("receipt_from", turn.lang, merchant=reading.merchant) if reading.merchant else ""
    on = t("receipt_on", turn.lang, day=day(reading.day, turn.today, turn.lang)) if reading.day else ""
    guess, choices = "", []
    if reading.total is not None and reading.total > 0:
        shown = money(reading.total, turn.lang, turn.business.currency)
        guess, choices = t("receipt_guess", turn.lang, amount=shown), [shown]
    text = t("receipt_ask_total", turn.lang, from_merchant=shop, on_day=on, guess=guess)
    return Reply(text, choices=choices)


def proposal_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """Record, Change or Cancel — or the change itself said outright ("it was 2,500", "fuel")."""
    msg = Analysed.of(text)
    if len([w for w in msg.lows if w.isalnum()]) > _SHORT:
        return None
    if _CANCEL.first(msg.lows):
        return _cancel(turn, slots)
    if _RECORD.first(msg.lows) and not _CHANGE.first(msg.lows):
        return _record(turn, slots)
    if _CHANGE.first(msg.lows):
        st.ask(turn.state, CHANGING, slots)
        return Reply(t("receipt_what_change", turn.lang))
    return _changed(turn, msg, slots)


def change_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    msg = Analysed.of(text)
    if len([w for w in msg.lows if w.isalnum()]) > _SHORT:
        return None
    if _CANCEL.first(msg.lows):
        return _cancel(turn, slots)
    return _changed(turn, msg, slots) or Reply(t("receipt_not_understood", turn.lang))


def _changed(turn: Turn, msg: Analysed, slots: dict[str, Any]) -> Reply | None:
    """The proposal again with what the owner corrected; None when they corrected nothing."""
    updated = dict(slots)
    when = find_day(msg, turn.today)
    skip = set(range(*when.span)) if when else set()
    if when is not None and when.start <= turn.today:
        updated["date"] = when.start.isoformat()
    amount = money_amount(msg, skip)
    if amount is not None:
        problem = amount_problem(turn, amount.value)
        if problem is not None:
            return problem
        updated["amount"] = plain(amount.value)
    category = EXPENSE_CATEGORIES.first(msg.lows)
    if category is not None:
        updated["category"] = category.value
    if updated == slots:
        return None
    return _proposal(turn, updated)


def _record(turn: Turn, slots: dict[str, Any]) -> Reply:
    if slots.get("receipt"):
        earlier = entry_from(turn.session, actor=turn.member, receipt_id=int(slots["receipt"]))
        if earlier is not None:
            st.clear(turn.state)
            return _already(turn, earlier)
    reply = save(turn, "expense", D(str(slots["amount"])), dict(slots))
    if slots.get("receipt"):
        reply.text = reply.text.replace("\n", "\n" + t("receipt_kept", turn.lang) + "\n", 1)
    return reply


def _already(turn: Turn, entry: Transaction) -> Reply:
    words = describe(turn, entry)
    return Reply(t("receipt_already", turn.lang, amount=words["amount"], category=words["category"], day=words["day"]))


def _cancel(turn: Turn, slots: dict[str, Any]) -> Reply:
    st.clear(turn.state)
    if slots.get("receipt"):
        drop_receipt(turn.session, actor=turn.member, receipt_id=int(slots["receipt"]))
    return Reply(t("receipt_cancelled", turn.lang))


declare(
    "read_receipt",
    receipt_prompt,
    roles=WRITERS,
    gemini=False,
    questions=(
        Question(PROPOSED, CHOICE, proposal_answer, drafts=True),
        Question(CHANGING, CHOICE, change_answer, drafts=True),
    ),
    help=Help(
        13,
        "• Send a photo or PDF of a receipt: I read the total, day and shop, and record it when you tap Record",
        "• Tuma picha au PDF ya risiti: nasoma jumla, siku na duka, na kurekodi ukibonyeza Rekodi",
    ),
)
