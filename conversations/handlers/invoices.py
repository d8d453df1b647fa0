"""create_invoice / list_invoices / cancel_invoice: the invoice as a PDF in the chat and a share link."""

import re
from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import select

from conversations import state as st
from conversations.contract import AMOUNT, IntentSpec, Slot
from conversations.dispatch import run
from conversations.display import day, foreign, money, rate
from conversations.handlers.customers import resolve_customer
from conversations.handlers.records import amount_problem
from conversations.intents import Intent
from conversations.messages import Media, Reply
from conversations.parser.text import Analysed, PhraseTable
from conversations.registry import ADMINS, CHOICE, EVERYONE, WRITERS, Help, Question, declare
from conversations.reminder_text import first_name, invoice_url
from conversations.texts import t
from conversations.turn import Turn
from finance.documents.invoice_pdf import pdf_for
from finance.errors import InvalidAmount, NotFound
from finance.models import Customer, Invoice
from finance.money import ZERO, D, MoneyError, from_cents, plain
from finance.services.invoices import (
    InvoiceClosed,
    LineIn,
    balance,
    credit_note,
    find_invoice,
    mark_sent,
    state,
)
from finance.services.invoices import (
    create_invoice as make_invoice,
)
from finance.services.invoices import (
    list_invoices as invoices_in,
)
from finance.services.rates import convert, rate_for

_VAT_RE = re.compile(r"(?i)(?:\+|\bplus\b|\bwith\b|\bna\b|\bincl\w*\b)?\s*\bvat\b")
_NO_VAT_RE = re.compile(r"(?i)\b(?:no|without|bila|excl\w*)\s+vat\b")
SHOWN = 15  # invoices listed in one message; the rest are counted
INVOICE_ACTION = "invoice_action"  # the buttons under a new invoice


def share_url(turn: Turn, invoice: Invoice) -> str | None:
    return invoice_url(turn.public_url, invoice)


def invoice_pdf(turn: Turn, invoice: Invoice) -> Media:
    return Media("application/pdf", f"{invoice.number}.pdf", pdf_for(turn.session, invoice, share_url(turn, invoice)))


def _lines(slots: dict[str, object]) -> list[LineIn] | None:
    items = slots.get("items")
    if not isinstance(items, list) or not items:
        return None
    return [
        LineIn(
            str(item.get("description") or "Item"),
            D(str(item.get("quantity") or 1)),
            D(str(item.get("unit_price"))),
        )
        for item in items
        if isinstance(item, dict) and item.get("unit_price") is not None
    ] or None


def create_invoice(turn: Turn, intent: Intent) -> Reply:
    slots = intent.slots
    try:
        lines = _lines(slots)
        total = D(str(slots["amount"])) if slots.get("amount") else None
    except MoneyError:
        return Reply(t("unknown", turn.lang))
    if not slots.get("customer") and not slots.get("customer_id") and not slots.get("phone"):
        return Reply(t("invoice_needs_customer", turn.lang))
    if lines is None and total is None:
        return Reply(t("invoice_needs_amount", turn.lang, name=slots.get("customer") or ""))
    foreign = _foreign(turn, intent, total, lines)
    if isinstance(foreign, Reply):
        return foreign
    for amount in [total] if total is not None else [line.unit_price for line in lines or []]:
        problem = amount_problem(turn, convert(amount, foreign[1]) if foreign and amount else amount or ZERO)
        if problem is not None:
            return problem
    customer = resolve_customer(turn, intent)
    if isinstance(customer, Reply):
        return customer
    text = turn.message.text
    vat = bool(slots.get("vat")) or (bool(_VAT_RE.search(text)) and not _NO_VAT_RE.search(text))
    due = date.fromisoformat(str(slots["due_date"])) if slots.get("due_date") else None
    try:
        invoice = make_invoice(
            turn.session,
            actor=turn.member,
            customer=customer,
            issued_on=turn.today,
            lines=lines,
            total=total,
            due_on=due if due and due >= turn.today else None,
            notes=str(slots["note"]) if slots.get("note") else None,
            vat=vat,
            foreign=foreign,
        )
    except InvalidAmount as exc:
        return amount_problem(turn, exc.amount) or Reply(t("unknown", turn.lang))
    mark_sent(turn.session, actor=turn.member, invoice=invoice)
    lang, cur = turn.lang, turn.business.currency
    url = share_url(turn, invoice)
    text = t(
        "invoice_created",
        lang,
        number=invoice.number,
        customer=customer.name,
        total=total_words(invoice, lang, cur),
        vat=t("invoice_vat", lang, tax=money(from_cents(invoice.tax_cents), lang, cur)) if invoice.tax_cents else "",
        due=day(invoice.due_on, turn.today, lang),
        first=first_name(customer),
        link=t("invoice_link", lang, url=url) if url else ".",
    )
    if invoice.paid_cents:
        text += t(
            "invoice_credit_used",
            lang,
            credit=money(from_cents(invoice.paid_cents), lang, cur),
            first=first_name(customer),
            owed=money(balance(invoice), lang, cur),
        )
    choices = [t("remind_button", lang)] if customer.phone else []
    if customer.phone and turn.payments is not None:
        choices.insert(0, t("request_button", lang))
    if choices:
        st.ask(turn.state, INVOICE_ACTION, {"invoice": invoice.number})
    return Reply(text, document=invoice_pdf(turn, invoice), choices=choices)


def _foreign(
    turn: Turn, intent: Intent, total: Decimal | None, lines: list[LineIn] | None
) -> tuple[str, Decimal] | Reply | None:
    """An invoice in dollars is made at the day's rate, asked for once a day, never as shillings."""
    currency = str(intent.slots.get("currency") or "").upper()
    if not currency or currency == turn.business.currency:
        return None
    rate = rate_for(turn.session, actor=turn.member, currency=currency, day=turn.today)
    if rate is not None:
        return currency, rate
    said = total if total is not None else sum((line.quantity * line.unit_price for line in lines or []), ZERO)
    st.ask(turn.state, "rate", {"intent": intent.name, **intent.slots, "currency": currency, "said": plain(said)})
    home = turn.business.currency
    return Reply(t("ask_rate", turn.lang, currency=currency, said=f"{currency} {plain(said)}", home=home))


def total_words(invoice: Invoice, lang: str, cur: str) -> str:
    """ "Ksh 64,500", or for an invoice in dollars "USD 500 (Ksh 64,500 at 1 USD = Ksh 129)"."""
    home = money(from_cents(invoice.total_cents), lang, cur)
    if not invoice.currency or invoice.original_total_cents is None or invoice.rate is None:
        return home
    said = foreign(from_cents(invoice.original_total_cents), lang, invoice.currency)
    return t(
        "invoice_foreign_total",
        lang,
        said=said,
        home=home,
        currency=invoice.currency,
        rate=rate(invoice.rate, lang, cur),
    )


def describe_state(turn: Turn, invoice: Invoice) -> str:
    now = state(invoice, turn.today)
    due = day(invoice.due_on, turn.today, turn.lang)
    return t(f"state_{now}", turn.lang, due=due, days=(turn.today - invoice.due_on).days)


def list_invoices(turn: Turn, intent: Intent) -> Reply:
    which = str(intent.slots.get("status") or "unpaid")
    customer = None
    if intent.slots.get("customer") or intent.slots.get("customer_id"):
        found = resolve_customer(turn, intent, create=False)
        if isinstance(found, Reply):
            return found
        customer = found
    invoices = invoices_in(turn.session, actor=turn.member, which=which, today=turn.today, customer=customer)
    lang, cur = turn.lang, turn.business.currency
    which_words = t(f"which_{which}", lang) if which in ("unpaid", "overdue", "paid", "all") else ""
    who = f" — {customer.name}" if customer else ""
    if not invoices:
        return Reply(" ".join(t("invoices_none", lang, which=which_words, who=who).split()))
    customers = turn.session.exec(select(Customer).where(Customer.business_id == turn.business.id))
    names = {c.id: c.name for c in customers}
    paid_list = which == "paid"
    total = sum((from_cents(i.total_cents) if paid_list else balance(i) for i in invoices), ZERO)
    head = t(
        "invoices_header_paid" if paid_list else "invoices_header",
        lang,
        count=len(invoices),
        which=which_words,
        who=who,
        total=money(total, lang, cur),
    )
    lines = [" ".join(head.split())]
    for invoice in invoices[:SHOWN]:
        shown = from_cents(invoice.total_cents) if paid_list else balance(invoice)
        said = ""
        if invoice.currency and invoice.original_total_cents is not None and shown == from_cents(invoice.total_cents):
            said = f" ({foreign(from_cents(invoice.original_total_cents), lang, invoice.currency)})"
        lines.append(
            f"• {invoice.number} · {names.get(invoice.customer_id, '?')} · {money(shown, lang, cur)}{said} · "
            f"{describe_state(turn, invoice)}"
        )
    if len(invoices) > SHOWN:
        lines.append(t("invoices_more", lang, count=len(invoices) - SHOWN))
    return Reply("\n".join(lines))


def cancel_invoice(turn: Turn, intent: Intent) -> Reply:
    """A credit note for part or all of an invoice: sent invoices are corrected, never edited."""
    number = str(intent.slots.get("invoice") or "")
    try:
        invoice = find_invoice(turn.session, actor=turn.member, number=number)
        amount = D(str(intent.slots["amount"])) if intent.slots.get("amount") else None
        note = credit_note(
            turn.session, actor=turn.member, invoice=invoice, amount=amount, reason=turn.message.text[:300]
        )
    except NotFound:
        return Reply(t("invoice_not_found", turn.lang, number=number or "?"))
    except InvoiceClosed:
        return Reply(t("invoice_closed", turn.lang, number=invoice.number, state=describe_state(turn, invoice)))
    except InvalidAmount as exc:
        return amount_problem(turn, exc.amount) or Reply(
            t("amount_too_large", turn.lang, amount=exc.amount, limit=money(balance(invoice), turn.lang))
        )
    customer = turn.session.get(Customer, invoice.customer_id)
    assert customer is not None
    text = t(
        "credit_note_done",
        turn.lang,
        note=note.number,
        amount=money(from_cents(note.total_cents), turn.lang, turn.business.currency),
        number=invoice.number,
        state=describe_state(turn, invoice),
    )
    return Reply(text, document=invoice_pdf(turn, note))


_REQUEST = PhraseTable.of(("request via m-pesa", "request", "omba kupitia m-pesa", "omba", "stk"))
_REMIND = PhraseTable.of(("remind", "kumbusha", "remind them", "send reminder"))


def invoice_action(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """The buttons under a new invoice: request the money by M-Pesa, or remind the customer."""
    lows = Analysed.of(text).lows
    name = "request_payment" if _REQUEST.first(lows) else "remind_customer" if _REMIND.first(lows) else None
    if name is None or len(lows) > 4:
        return None
    st.clear(turn.state)
    return run(turn, Intent(name, {"invoice": slots.get("invoice")}))


declare(
    "create_invoice",
    create_invoice,
    roles=WRITERS,
    says=(
        "invoice {name} {amount}",
        "invoice {name} for {amount}",
        "invoice {name} {count} {unit} of {exp} at {amount}",
        "create an invoice for {name} of {amount}",
        "send {name} an invoice for {amount} due in {count} days",
        "ankara kwa {name} {sw_amount}",
        "tuma ankara kwa {name} ya {sw_amount}",
    ),
    spec=IntentSpec(
        "Create an invoice for a customer.",
        {"customer": Slot("string", "Customer name."), "amount": AMOUNT, "due_date": Slot("string", "Due date, ISO.")},
        ("customer",),
    ),
    questions=(Question(INVOICE_ACTION, CHOICE, invoice_action),),
    help=Help(
        30,
        '• Invoices: "invoice Otieno 3 bags of cement at 750 due Friday", "unpaid invoices"',
        '• Ankara: "invoice Otieno 3 bags of cement at 750 due Friday", "ankara ambazo hazijalipwa"',
    ),
)
declare(
    "list_invoices",
    list_invoices,
    roles=EVERYONE,
    says=(
        "show me my {status} invoices",
        "show my {status} invoices",
        "{status} invoices",
        "list {status} invoices",
        "who owes me",
        "who owes me money",
        "nionyeshe ankara ambazo hazijalipwa",
        "nionyeshe ankara zilizochelewa",
        "nani ananidai",
        "nani hajalipa",
    ),
    spec=IntentSpec(
        "List invoices.",
        {
            "status": Slot("string", "Which invoices.", ("unpaid", "overdue", "paid", "all")),
            "customer": Slot("string", "Only this customer's."),
        },
    ),
)
declare(
    "cancel_invoice",
    cancel_invoice,
    roles=ADMINS,  # a credit note takes money off what a customer owes
    says=("cancel invoice {count}", "credit note invoice {count} {amount}"),
)
