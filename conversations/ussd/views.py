"""The read-only screens (today, this month, balance, unpaid invoices, last entries), from the same
finance services the chat answers with, as short lines for a feature phone."""

from datetime import date
from decimal import Decimal

from babel.dates import format_date

from conversations.display import day, money
from conversations.ussd.caller import Caller
from conversations.ussd.steps import BALANCE, ENTRIES, INVOICES, MONTH, TODAY
from conversations.ussd.texts import u
from finance.categories import category_label
from finance.errors import NotFound
from finance.models import Transaction
from finance.money import ZERO, from_cents
from finance.services.customers import get_customer
from finance.services.invoices import balance as owed_on
from finance.services.invoices import list_invoices, state
from finance.services.ledger import recent_transactions
from finance.services.reports import balance, summarise

SHOWN_INVOICES = 3
SHOWN_ENTRIES = 5
NAME_CHARS = 14  # a customer's name on an invoice line

_LOCALES = {"en": "en_KE", "sw": "sw_KE"}


def view(caller: Caller, item: str) -> list[str]:
    if item == TODAY:
        return totals(caller, caller.today, u("today_head", caller.lang, day=short_day(caller, caller.today)))
    if item == MONTH:
        start = caller.today.replace(day=1)
        end = short_day(caller, caller.today)
        return totals(caller, start, u("month_head", caller.lang, start=start.day, end=end))
    if item == BALANCE:
        amount = balance(caller.session, actor=caller.member, as_of=caller.today)
        return [
            u("balance", caller.lang, day=day(caller.today, caller.today, caller.lang), amount=_money(caller, amount))
        ]
    if item == INVOICES:
        return invoices(caller)
    if item == ENTRIES:
        return entries(caller)
    raise ValueError(f"no USSD view {item!r}")


def totals(caller: Caller, start: date, head: str) -> list[str]:
    found = summarise(caller.session, actor=caller.member, start=start, end=caller.today)
    lang = caller.lang
    if found.count == 0:
        return [head, u("nothing_yet", lang)]
    result = u("profit" if found.profit >= 0 else "loss", lang, amount=_money(caller, abs(found.profit)))
    return [
        head,
        u("money_in", lang, amount=_money(caller, found.income)),
        u("money_out", lang, amount=_money(caller, found.expenses)),
        result,
    ]


def invoices(caller: Caller) -> list[str]:
    unpaid = list_invoices(caller.session, actor=caller.member, which="unpaid", today=caller.today)
    lang = caller.lang
    if not unpaid:
        return [u("invoices_none", lang)]
    total = sum((owed_on(i) for i in unpaid), ZERO)
    lines = [u("invoices_head", lang, count=len(unpaid), total=_money(caller, total))]
    for invoice in unpaid[:SHOWN_INVOICES]:
        late = " " + u("late", lang) if state(invoice, caller.today) == "overdue" else ""
        name = _customer_name(caller, invoice.customer_id)
        lines.append(f"{invoice.number} {name} {_money(caller, owed_on(invoice))}{late}")
    if len(unpaid) > SHOWN_INVOICES:
        lines.append(u("invoices_more", lang, count=len(unpaid) - SHOWN_INVOICES))
    return lines


def entries(caller: Caller) -> list[str]:
    recent = recent_transactions(caller.session, actor=caller.member, limit=SHOWN_ENTRIES)
    if not recent:
        return [u("entries_none", caller.lang)]
    return [u("entries_head", caller.lang), *(entry_line(caller, txn) for txn in recent)]


def entry_line(caller: Caller, txn: Transaction) -> str:
    """ "22 Nov -Ksh 500 transport": money out minus, money in plus."""
    sign = {"income": "+", "expense": "-"}.get(txn.kind, "")
    label = category_label(txn.category, caller.lang)
    return f"{short_day(caller, txn.occurred_on)} {sign}{_money(caller, from_cents(txn.amount_cents))} {label}"


def short_day(caller: Caller, value: date) -> str:
    return format_date(value, "d MMM", locale=_LOCALES.get(caller.lang, "en_KE"))


def _customer_name(caller: Caller, customer_id: int) -> str:
    """ "Jane Achieng", or "Bartholomew W" for "Bartholomew Kiprotich Wanyama"."""
    try:
        name = get_customer(caller.session, actor=caller.member, customer_id=customer_id).name
    except NotFound:
        return "?"
    if len(name) <= NAME_CHARS:
        return name
    words = name.split()
    first = words[0][: NAME_CHARS - 2]
    return f"{first} {words[-1][0]}" if len(words) > 1 else first


def _money(caller: Caller, amount: Decimal) -> str:
    return money(amount, caller.lang, caller.business.currency)
