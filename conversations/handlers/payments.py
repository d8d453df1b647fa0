"""Money in and getting paid: record_expense / record_income (a customer's money in becomes an invoice
payment), record_payment, remind_customer, request_payment, and the questions about unsure matches."""

from typing import Any
from urllib.parse import quote

from conversations import matching
from conversations.contract import AMOUNT, DATE, EXPENSE_CATEGORIES, INCOME_CATEGORIES, IntentSpec, Slot
from conversations.display import money
from conversations.handlers import records
from conversations.handlers.customers import known_customer, resolve_customer
from conversations.handlers.records import RECORD_QUESTIONS, amount_problem
from conversations.intents import Intent
from conversations.matching import applied_words, ask_about
from conversations.messages import Reply
from conversations.registry import CHOICE, WRITERS, Help, Question, declare
from conversations.reminder_text import first_name, reminder_text
from conversations.texts import t
from conversations.turn import Turn
from conversations.undo_buttons import with_undo
from finance.errors import NotFound
from finance.models import Customer, Invoice
from finance.money import ZERO, D, MoneyError, from_cents
from finance.mpesa.daraja import DarajaError
from finance.services.invoices import balance, find_invoice, open_invoices, owed_by
from finance.services.ledger import transaction_by_reference
from finance.services.members import callback_token
from finance.services.payment_requests import record_stk_request
from finance.services.payments import PaymentIn, receive


def _invoice_and_customer(turn: Turn, intent: Intent) -> tuple[Invoice | None, Customer] | Reply:
    number = intent.slots.get("invoice")
    if number:
        try:
            invoice = find_invoice(turn.session, actor=turn.member, number=str(number))
        except NotFound:
            return Reply(t("invoice_not_found", turn.lang, number=number))
        customer = turn.session.get(Customer, invoice.customer_id)
        assert customer is not None
        return invoice, customer
    found = resolve_customer(turn, intent, create=intent.name == "record_payment")
    return found if isinstance(found, Reply) else (None, found)


def _owed_by(turn: Turn, customer: Customer) -> list[Invoice]:
    return owed_by(turn.session, business_id=turn.business.id or 0, customer=customer)


def record_payment(turn: Turn, intent: Intent) -> Reply:
    found = _invoice_and_customer(turn, intent)
    if isinstance(found, Reply):
        return found
    invoice, customer = found
    try:
        amount = D(str(intent.slots["amount"])) if intent.slots.get("amount") else None
    except MoneyError:
        return Reply(t("unknown", turn.lang))
    if amount is None:
        if invoice is None:
            return Reply(t("payment_needs_amount", turn.lang, name=first_name(customer)))
        amount = balance(invoice)  # "Jane paid INV-0003": the whole of it
    problem = amount_problem(turn, amount)
    if problem is not None:
        return problem
    reference = str(intent.slots.get("reference") or "") or None
    source = "sms" if reference else "cash"
    # Told in chat: it counts for the business's today, whatever the server's clock says.
    pin = PaymentIn(amount, turn.message.received_at, source, reference=reference, occurred_on=turn.today)
    outcome = receive(turn.session, actor=turn.member, pin=pin, invoice=invoice, customer=customer)
    if outcome.duplicate:
        return Reply(t("payment_duplicate", turn.lang, code=reference))
    code = f" ({reference})" if reference else ""
    text = t("payment_recorded", turn.lang, amount=money(amount, turn.lang), customer=customer.name, code=code)
    details = applied_words(turn, outcome)
    return with_undo(turn, text + ("\n" + details if details else ""), outcome.payment.transaction_id)


def remind_customer(turn: Turn, intent: Intent) -> Reply:
    """A polite reminder to the customer by WhatsApp or SMS; at most one a day per invoice."""
    found = _invoice_and_customer(turn, intent)
    if isinstance(found, Reply):
        return found
    invoice, customer = found
    invoices = [invoice] if invoice is not None and balance(invoice) > 0 else _owed_by(turn, customer)
    if not invoices:
        return Reply(t("nothing_owed", turn.lang, name=customer.name))
    lang = turn.lang
    numbers = ", ".join(i.number for i in invoices)
    total = money(sum((balance(i) for i in invoices), ZERO), lang)
    oldest = invoices[0]
    text = reminder_text(turn.business, customer, invoices, turn.today, lang, turn.public_url)
    if not turn.can_push_to_phone:
        return _to_forward(turn, customer, text)
    if not customer.phone:
        return Reply(t("needs_phone", lang, name=first_name(customer)))
    fresh = [
        turn.outbox.queue(
            business_id=turn.business.id or 0,
            kind="reminder",
            subject=f"invoice:{i.id}",
            period=turn.today.isoformat(),
            payload={"phone": customer.phone, "customer": customer.name, "text": text}
            if i is oldest
            else {"covered_by": oldest.number},
        )
        for i in invoices
    ]
    if not fresh[0]:
        return Reply(t("reminder_already", lang, customer=customer.name, numbers=numbers))
    return Reply(
        t(
            "reminder_queued",
            lang,
            customer=customer.name,
            phone=customer.phone,
            numbers=numbers,
            total=total,
            text=text,
        )
    )


def _to_forward(turn: Turn, customer: Customer, text: str) -> Reply:
    """No channel can reach the customer: the reminder ready to forward, and nothing marked as sent."""
    link = ""
    if customer.phone:
        link = "\n" + t(
            "reminder_wa_link", turn.lang, url=f"https://wa.me/{customer.phone.lstrip('+')}?text={quote(text)}"
        )
    return Reply(t("reminder_to_forward", turn.lang, customer=customer.name, text=text, link=link))


def request_payment(turn: Turn, intent: Intent) -> Reply:
    """An STK push: the customer's phone asks for their M-Pesa PIN; the callback records the payment."""
    if turn.payments is None or not turn.public_url:
        return Reply(t("stk_unavailable", turn.lang))
    found = _invoice_and_customer(turn, intent)
    if isinstance(found, Reply):
        return found
    invoice, customer = found
    if invoice is None:
        owed = _owed_by(turn, customer)
        invoice = owed[0] if owed else None
    try:
        amount = D(str(intent.slots["amount"])) if intent.slots.get("amount") else None
    except MoneyError:
        return Reply(t("unknown", turn.lang))
    amount = amount or (balance(invoice) if invoice else None)
    if amount is None:
        return Reply(t("nothing_owed", turn.lang, name=customer.name))
    problem = amount_problem(turn, amount)
    if problem is not None:
        return problem
    phone = customer.phone or intent.slots.get("phone")
    if not phone:
        return Reply(t("needs_phone", turn.lang, name=first_name(customer)))
    token = callback_token(turn.session, business=turn.business)
    # Daraja refuses URLs containing "mpesa": the neutral alias of /mpesa/stk/callback/{token}.
    callback = f"{turn.public_url.rstrip('/')}/payments/stk/callback/{token}"
    try:
        ack = turn.payments.stk_push(
            phone=str(phone),
            amount=amount,
            account_reference=invoice.number if invoice else turn.business.name[:12],
            description=f"Pay {invoice.number}" if invoice else "Payment",
            callback_url=callback,
        )
    except DarajaError as exc:
        return Reply(t("stk_failed_to_send", turn.lang, why=str(exc)[:120]))
    record_stk_request(
        turn.session,
        actor=turn.member,
        checkout_request_id=ack.checkout_request_id,
        merchant_request_id=ack.merchant_request_id,
        customer=customer,
        invoice=invoice,
        phone=str(phone),
        amount=amount,
    )
    for_invoice = t("stk_for", turn.lang, number=invoice.number) if invoice else ""
    return Reply(
        t(
            "stk_sent",
            turn.lang,
            amount=money(amount, turn.lang),
            customer=customer.name,
            phone=phone,
            for_invoice=for_invoice,
        )
    )


def income_or_payment(turn: Turn, intent: Intent) -> Reply:
    """Money in. From a customer who owes ("Jane paid 1,000") it is an invoice payment; a forwarded
    M-PESA confirmation is recorded and then matched against open invoices like any payment."""
    slots = intent.slots
    who = slots.get("counterparty")
    if who and not slots.get("reference") and not intent.more and intent.name in ("record_income", "record_expense"):
        customer = known_customer(turn, str(who))
        if customer is not None and _owed_by(turn, customer) and _paid_in(intent):
            return record_payment(
                turn, Intent("record_payment", {"customer_id": customer.id, "amount": slots.get("amount")})
            )
    reply = records.record(turn, intent)
    if not open_invoices(turn.session, business_id=turn.business.id or 0):
        return reply
    lines, question = [], None
    for each in [intent, *intent.more]:
        if each.name != "record_income" or not each.slots.get("reference"):
            continue
        txn = transaction_by_reference(turn.session, actor=turn.member, reference=str(each.slots["reference"]))
        if txn is None or txn.deleted_at is not None:
            continue
        pin = PaymentIn(
            from_cents(txn.amount_cents),
            turn.message.received_at,
            "sms",
            reference=txn.reference,
            payer_name=str(each.slots.get("counterparty") or ""),
            payer_phone=str(each.slots.get("phone") or ""),
            account=str(each.slots.get("account") or ""),
        )
        outcome = receive(turn.session, actor=turn.member, pin=pin, record_income=False, transaction_id=txn.id)
        if outcome.duplicate:
            continue
        if outcome.applied:
            lines.append(applied_words(turn, outcome))
        elif outcome.suggested and question is None:
            question = ask_about(turn, outcome.payment)
    if not lines and question is None:
        return reply
    text = "\n".join([reply.text, *lines] + ([question.text] if question else []))
    return Reply(text, choices=question.choices if question else reply.choices)


def _paid_in(intent: Intent) -> bool:
    """Money in for sure, or the "in or out?" question KAVI would otherwise ask."""
    return intent.name == "record_income" or any(a.name == "record_income" for a in intent.alternatives)


def _match_answer(question: str) -> Any:
    def answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
        return matching.answer(turn, question, slots, text)

    return answer


def _entry(description: str, categories: tuple[str, ...], who: str) -> IntentSpec:
    return IntentSpec(
        description,
        {
            "amount": AMOUNT,
            "category": Slot("string", "Expense category." if "rent" in categories else "Income category.", categories),
            "counterparty": Slot("string", who),
            "date": DATE,
            "reference": Slot("string", "M-PESA or bank code."),
            "note": Slot("string", "Short note."),
            "repeat": Slot("string", "How often it repeats, when the message says so.", ("daily", "weekly", "monthly")),
        },
        ("amount",),
    )


declare(
    "record_expense",
    income_or_payment,
    roles=WRITERS,
    says=(
        "{out} {amount} for {exp}",
        "{out} {exp} {amount}",
        "i {out} {amount} for {exp}",
        "{out} {amount} on {exp}",
        "i {out} {amount} shillings for {exp} {period}",
        "{out} {exp} {amount} {period}",
        "{exp} {amount}",
        "{exp} {amount} {period}",
        "{out} {amount} to {name}",
        "{out} {name} {amount} for {exp}",
        "{sw_out} {exp} {sw_amount}",
        "{sw_out} {sw_amount} kwa {exp}",
        "{sw_out} {exp} {sw_amount} {sw_period}",
        "{sw_out} {exp} ya {sw_amount}",
        "{sw_out} {exp} {amount}",
        "{sw_out} {amount} kwa {exp}",
        "{sw_out} shilingi {sw_amount} kwa {exp}",
        "{exp} {sw_amount}",
        "{exp} {sw_amount} {sw_period}",
    ),
    spec=_entry("Record money the business paid out.", EXPENSE_CATEGORIES, "Who was paid."),
    questions=RECORD_QUESTIONS,
    help=Help(
        10,
        '• Money out: "paid rent 15k", "fuel 2,000 yesterday"',
        '• Pesa iliyotoka: "nimelipa kodi 15k", "mafuta 2,000 jana"',
    ),
)
declare(
    "record_income",
    income_or_payment,
    roles=WRITERS,
    says=(
        "{in} {amount}",
        "{in} {amount} {period}",
        "record sale of {amount}",
        "record a sale of {amount}",
        "i {in} {amount} {period}",
        "{in} {amount} from {name}",
        "{name} paid {amount}",
        "{name} paid me {amount}",
        "{inc} {amount}",
        "{inc} {amount} {period}",
        "{in} {amount} for {inc}",
        "sold {count} {unit} at {amount}",
        "sold {count} {unit} of {exp} at {amount} each",
        "{sw_in} {sw_amount}",
        "{sw_in} {sw_amount} {sw_period}",
        "{sw_in} {sw_amount} kutoka kwa {name}",
        "{sw_in} shilingi {sw_amount}",
        "{sw_in} {amount}",
        "{name} amelipa {sw_amount}",
        "{name} amenilipa {sw_amount}",
        "nimeuza {count} {unit} kwa {sw_amount}",
    ),
    spec=_entry("Record money the business received.", INCOME_CATEGORIES, "Who paid."),
    help=Help(
        11,
        '• Money in: "sold 4,500 today", "received 12,000 from Kariuki"',
        '• Pesa iliyoingia: "nimeuza 4,500 leo", "nimepokea 12,000 kutoka kwa Kariuki"',
    ),
)
declare(
    "record_payment",
    record_payment,
    roles=WRITERS,
    says=("{name} paid {amount} for invoice {count}",),
    spec=IntentSpec(
        "Record a customer's payment against an invoice.",
        {
            "customer": Slot("string", "Customer name."),
            "amount": AMOUNT,
            "invoice": Slot("string", "Invoice number, e.g. INV-0007."),
        },
    ),
    questions=(
        Question(matching.QUESTION, CHOICE, _match_answer(matching.QUESTION)),
        Question(matching.WHICH, CHOICE, _match_answer(matching.WHICH)),
    ),
    help=Help(32, '• Payments: "Jane paid 2,000 for INV-0003"', '• Malipo: "Jane amelipa INV-0003"'),
)
declare(
    "remind_customer",
    remind_customer,
    roles=WRITERS,
    says=("remind {name}", "remind {name} to pay", "send {name} a reminder", "mkumbushe {name}", "kumbusha {name}"),
    spec=IntentSpec(
        "Send a customer a polite payment reminder.",
        {"customer": Slot("string", "Customer name."), "invoice": Slot("string", "Invoice number.")},
    ),
    help=Help(
        33,
        '• Reminders: "remind Jane"; M-Pesa requests: "request payment from Jane"',
        '• Vikumbusho: "remind Jane"; ombi la M-Pesa: "request payment from Jane"',
    ),
)
declare(
    "request_payment",
    request_payment,
    roles=WRITERS,
    says=("request {amount} from {name}", "ask {name} to pay {amount}"),
    spec=IntentSpec(
        "Ask a customer to pay by M-PESA (STK push).",
        {
            "customer": Slot("string", "Customer name."),
            "phone": Slot("string", "Phone, E.164."),
            "amount": AMOUNT,
            "invoice": Slot("string", "Invoice number."),
        },
    ),
)
