"""add_customer / add_supplier, and working out which customer a message means.

A name KAVI half-recognises is asked about ("Is this Jane Achieng, 0798…?") before anything
is made, so the books do not fill with near-duplicates."""

from typing import Any

from conversations import state as st
from conversations.contract import IntentSpec, Slot
from conversations.dispatch import run
from conversations.display import money
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.parser.text import Analysed, PhraseTable
from conversations.registry import EVERYONE, WRITERS, YES_NO, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.models import Customer
from finance.money import ZERO
from finance.name_match import FIRST_NAME
from finance.services.customers import (
    CustomerMatch,
    customers_with_balances,
    find_customers,
    get_customer,
    summarise_customer,
    update_phone,
)
from finance.services.customers import add_customer as create_customer
from finance.services.suppliers import add_supplier as create_supplier
from finance.services.suppliers import find_supplier, note_delivery, summarise_supplier

PICK = "customer_pick"
SHOWN_CUSTOMERS = 20  # listed in one message; the rest are counted


def shown_phone(phone: str | None) -> str:
    return f", {phone}" if phone else ""


def resolve_customer(turn: Turn, intent: Intent, create: bool = True) -> Customer | Reply:
    """The customer the intent names: known for sure, asked about, or (with `create`) made new.
    The answer to the question re-runs the intent with `customer_id` or `new_customer` set."""
    slots = intent.slots
    if slots.get("customer_id"):
        return get_customer(turn.session, actor=turn.member, customer_id=int(slots["customer_id"]))
    name, phone = slots.get("customer") or slots.get("name"), slots.get("phone")
    if not name and not phone:
        return Reply(t("invoice_needs_customer", turn.lang))
    if not slots.get("new_customer"):
        matches = find_customers(turn.session, actor=turn.member, name=name, phone=phone)
        found = _clear_match(matches, lenient=intent.name != "add_customer" and len(str(name or "").split()) == 1)
        if found is not None:
            return found
        if matches:
            candidate = matches[0].customer
            st.ask(turn.state, PICK, {"intent": intent.name, "slots": slots, "candidate": candidate.id})
            return Reply(
                t("customer_is_this", turn.lang, name=candidate.name, phone=shown_phone(candidate.phone)),
                choices=[t("same_customer", turn.lang), t("new_customer", turn.lang)],
            )
    if not create or not name:
        return Reply(t("customer_not_found", turn.lang, name=name or phone))
    return create_customer(turn.session, actor=turn.member, name=str(name), phone=phone)


def _clear_match(matches: list[CustomerMatch], lenient: bool = True) -> Customer | None:
    sure = [m for m in matches if m.sure]
    if len(sure) == 1 or (sure and sure[0].by_phone):
        return sure[0].customer
    # "Remind Jane" (a first name alone) with one Jane among the customers: her, without asking.
    # A full name spelt differently ("Jane Achang") or adding a customer is worth a question.
    if lenient and len(matches) == 1 and matches[0].score >= FIRST_NAME:
        return matches[0].customer
    return None


def known_customer(turn: Turn, name: str) -> Customer | None:
    """The customer a name clearly means, or None (no question asked)."""
    return _clear_match(find_customers(turn.session, actor=turn.member, name=name), lenient=len(name.split()) == 1)


_SAME = PhraseTable.of(("yes", "yes same person", "same", "same person", "ndio", "ndiyo", "ni yeye", "sawa", "1"))
_NEW = PhraseTable.of(("no", "new", "new customer", "no a new customer", "hapana", "mteja mpya", "mpya", "2"))


def pick_answer(turn: Turn, text: str, saved: dict[str, Any]) -> Reply | None:
    """ "Is this Jane Achieng, 0798…?" — yes runs the request for her; no makes a new customer."""
    lows = Analysed.of(text).lows
    if len(lows) > 1 and any(w[:1].isdigit() for w in lows):
        return None  # "1" is the first button; "1 USD = 129 KES" is a message of its own
    same, new = (bool(_SAME.first(lows)), bool(_NEW.first(lows))) if len(lows) <= 5 else (False, False)
    if same == new:
        return None
    slots = dict(saved.get("slots") or {})
    if same:
        slots["customer_id"] = saved.get("candidate")
    else:
        slots["new_customer"] = True
    st.clear(turn.state)
    return run(turn, Intent(str(saved.get("intent")), slots, confidence=1.0))


def add_customer(turn: Turn, intent: Intent) -> Reply:
    slots = intent.slots
    found = resolve_customer(turn, Intent(intent.name, {**slots, "customer": slots.get("name")}), create=False)
    if isinstance(found, Customer):
        if slots.get("phone") and found.phone != slots.get("phone") and not slots.get("new_customer"):
            update_phone(turn.session, actor=turn.member, customer=found, phone=str(slots["phone"]))
            return Reply(t("customer_phone_updated", turn.lang, name=found.name, phone=found.phone))
        return Reply(t("customer_exists", turn.lang, name=found.name, phone=shown_phone(found.phone)))
    if found.choices or not slots.get("name"):
        return found  # asked "Is this …?", or no name given
    customer = create_customer(turn.session, actor=turn.member, name=str(slots["name"]), phone=slots.get("phone"))
    return Reply(t("customer_added", turn.lang, name=customer.name, phone=shown_phone(customer.phone)))


def list_customers(turn: Turn, intent: Intent) -> Reply:
    """ "my customers" / "wateja wenye madeni": every customer, or those who owe, most owed first."""
    owing = intent.slots.get("status") == "owing"
    rows = customers_with_balances(turn.session, actor=turn.member, owing_only=owing)
    lang, cur = turn.lang, turn.business.currency
    if not rows:
        return Reply(t("customers_none_owing" if owing else "customers_none", lang))
    total = sum((owed for _, owed in rows), ZERO)
    lines = [
        t(
            "customers_header_owing" if owing else "customers_header",
            lang,
            count=len(rows),
            total=money(total, lang, cur),
        )
    ]
    for customer, owed in rows[:SHOWN_CUSTOMERS]:
        owes = t("customer_owes", lang, amount=money(owed, lang, cur)) if owed else ""
        lines.append(f"• {customer.name}{shown_phone(customer.phone)}{owes}")
    if len(rows) > SHOWN_CUSTOMERS:
        lines.append(t("customers_more", lang, count=len(rows) - SHOWN_CUSTOMERS))
    return Reply("\n".join(lines))


def add_supplier(turn: Turn, intent: Intent) -> Reply:
    name = intent.slots.get("name")
    if not name:
        return Reply(t("unknown", turn.lang))
    existing = find_supplier(turn.session, actor=turn.member, name=str(name))
    if existing is not None:
        return Reply(t("supplier_exists", turn.lang, name=existing.name))
    supplier = create_supplier(turn.session, actor=turn.member, name=str(name), phone=intent.slots.get("phone"))
    return Reply(t("supplier_added", turn.lang, name=supplier.name, phone=shown_phone(supplier.phone)))


def customer_card(turn: Turn, customer: Customer) -> str:
    s = summarise_customer(turn.session, actor=turn.member, customer=customer)
    lang, cur = turn.lang, turn.business.currency
    return t(
        "customer_summary",
        lang,
        name=customer.name,
        phone=shown_phone(customer.phone),
        invoices=s.invoices,
        open=s.open_invoices,
        invoiced=money(s.invoiced, lang, cur),
        paid=money(s.paid, lang, cur),
        owed=money(s.owed, lang, cur),
        credit=t("customer_credit", lang, credit=money(s.credit, lang, cur)) if s.credit else "",
        days=t("customer_days", lang, days=s.average_days_to_pay) if s.average_days_to_pay is not None else "",
    )


def customer_info(turn: Turn, intent: Intent) -> Reply:
    found = resolve_customer(turn, intent, create=False)
    if isinstance(found, Reply):
        return found
    return Reply(customer_card(turn, found))


def supplier_delivery(turn: Turn, intent: Intent) -> Reply:
    """ "Bidco delivered late": remembered for the supplier's reliability score."""
    name = str(intent.slots.get("supplier") or "")
    supplier = find_supplier(turn.session, actor=turn.member, name=name)
    if supplier is None:
        supplier = create_supplier(turn.session, actor=turn.member, name=name)
    kind = str(intent.slots.get("kind") or "on_time")
    note_delivery(turn.session, actor=turn.member, supplier=supplier, kind=kind, note=turn.message.text[:500])
    turn.session.flush()
    s = summarise_supplier(turn.session, actor=turn.member, supplier=supplier)
    return Reply(
        t(
            "supplier_noted",
            turn.lang,
            name=supplier.name,
            what=t(f"delivery_{kind}", turn.lang),
            score=s.reliability,
            on_time=s.on_time,
            late=s.late,
            disputes=s.disputes,
            spent=money(s.spent, turn.lang, turn.business.currency),
        )
    )


_PARTY = IntentSpec("", {"name": Slot("string", "Name."), "phone": Slot("string", "Phone.")}, ("name",))

declare(
    "add_customer",
    add_customer,
    roles=WRITERS,
    says=("add customer {name}",),
    spec=IntentSpec("Add a customer.", _PARTY.slots, _PARTY.required),
    questions=(Question(PICK, YES_NO, pick_answer, drafts=True),),
    help=Help(
        40,
        '• Customers: "add customer Jane 0712 345 678", "my customers", "how much does Jane owe?"',
        '• Wateja: "ongeza mteja Jane 0712 345 678", "wateja wangu", "Jane anadaiwa ngapi?"',
    ),
)
declare(
    "add_supplier",
    add_supplier,
    roles=WRITERS,
    says=("add supplier {name}",),
    spec=IntentSpec("Add a supplier.", _PARTY.slots, _PARTY.required),
    help=Help(41, '• Suppliers: "add supplier Bamburi 0722 000 111"', '• Wasambazaji: "ongeza msambazaji Bamburi"'),
)
declare(
    "customer_info",
    customer_info,
    roles=EVERYONE,
    says=("how much does {name} owe", "how much does {name} owe me", "{name} ananidai ngapi"),
)
declare("supplier_delivery", supplier_delivery, roles=WRITERS, says=("{name} delivered late",))
declare(
    "list_customers",
    list_customers,
    roles=EVERYONE,
    says=("show my customers", "list my customers", "which customers owe me", "wateja wangu", "wateja wenye madeni"),
    spec=IntentSpec("List customers.", {"status": Slot("string", "Which customers.", ("all", "owing"))}),
)
