"""Beyond the contract, about the people a business deals with: a customer's number, what a customer
owes, a supplier's delivery, and cancelling (crediting) an invoice."""

import re

from conversations.intents import Intent
from conversations.parser.amounts import find_amounts
from conversations.parser.names import display_name
from conversations.parser.phones import find_phone
from conversations.parser.text import Analysed
from finance.money import plain

_NAME = r"(?P<name>[A-Za-z][A-Za-z.'-]*(?:\s+[A-Za-z][A-Za-z.'-]*){0,3})"
_PHONE_OF = [
    re.compile(rf"^\s*{_NAME}'s\s+(?:phone\s+|mobile\s+|new\s+)?(?:number|no\.?|phone|line)\s+(?:is\s+)?", re.I),
    re.compile(rf"^\s*(?:the\s+)?(?:phone\s+)?(?:number|no\.?)\s+(?:of|for)\s+{_NAME}\s+(?:is\s+)?", re.I),
    re.compile(rf"^\s*namba\s+(?:ya\s+simu\s+)?ya\s+{_NAME}\s+ni\s+", re.I),
]
_OWES = [
    re.compile(rf"\bhow\s+much\s+(?:does|do|did)\s+{_NAME}\s+owe\b", re.I),
    re.compile(rf"^\s*{_NAME}\s+(?:anadaiwa|ana\s+deni|owes?)\b", re.I),
    re.compile(
        rf"^\s*(?:show\s+)?(?:statement|account|balance|deni|details)\s+(?:for|of|ya)\s+{_NAME}\s*\??\s*$", re.I
    ),
    re.compile(rf"^\s*{_NAME}'s\s+(?:balance|account|statement|details)\s*\??\s*$", re.I),
]
_DELIVERY = re.compile(
    rf"^\s*{_NAME}\s+(?:delivered|came|arrived|brought\s+(?:the\s+)?(?:stock|goods|order))\s+"
    r"(?P<when>late|on\s+time|early|in\s+time|kwa\s+wakati|vizuri)",
    re.I,
)
_LATE_SW = re.compile(rf"^\s*{_NAME}\s+(?:amechelewa|wamechelewa|alichelewa)", re.I)
_DISPUTE = re.compile(rf"\b(?:dispute|complaint|problem|issue|shida|mzozo)\s+(?:with|na)\s+{_NAME}\s*$", re.I)
_CANCEL_WORDS = {"cancel", "void", "credit", "ghairi", "batilisha", "futa"}
_NOT_NAMES = {
    "i", "we", "you", "my", "the", "what", "how", "who", "it", "he", "she", "they",
    # "balance ya jana jioni": a day, not a customer
    "jana", "leo", "juzi", "yesterday", "today", "wiki", "mwezi", "week", "month", "mpesa", "m-pesa", "bank",
}  # fmt: skip


def _name(match: re.Match[str]) -> str | None:
    words = match.group("name").split()
    if not words or words[0].lower() in _NOT_NAMES:
        return None
    return display_name(words)


def customer_phone(msg: Analysed) -> Intent | None:
    phone = find_phone(msg)
    if not phone:
        return None
    for pattern in _PHONE_OF:
        m = pattern.search(msg.raw)
        if m and (name := _name(m)):
            return Intent("add_customer", {"name": name, "phone": phone[0]}, confidence=0.9)
    return None


def customer_info(msg: Analysed) -> Intent | None:
    for pattern in _OWES:
        m = pattern.search(msg.raw)
        if m and (name := _name(m)):
            return Intent("customer_info", {"customer": name}, confidence=0.9)
    return None


def supplier_delivery(msg: Analysed) -> Intent | None:
    m = _DELIVERY.search(msg.raw)
    if m and (name := _name(m)):
        kind = "late" if m.group("when").lower() == "late" else "on_time"
        return Intent("supplier_delivery", {"supplier": name, "kind": kind}, confidence=0.9)
    m = _LATE_SW.search(msg.raw)
    if m and (name := _name(m)):
        return Intent("supplier_delivery", {"supplier": name, "kind": "late"}, confidence=0.9)
    m = _DISPUTE.search(msg.raw)
    if m and (name := _name(m)):
        return Intent("supplier_delivery", {"supplier": name, "kind": "dispute"}, confidence=0.9)
    return None


def cancel_invoice(msg: Analysed, number: str | None) -> Intent | None:
    """ "cancel INV-0003", "credit note INV-0003 1,000": a credit note, never an edit."""
    if number is None or not _CANCEL_WORDS & set(msg.lows):
        return None
    slots: dict[str, object] = {"invoice": number}
    digits = re.sub(r"\D", "", number)
    amounts = [a for a in find_amounts(msg) if a.score >= 0 and plain(a.value) != str(int(digits or 0))]
    if amounts and "credit" in msg.lows:
        slots["amount"] = plain(amounts[0].value)
    return Intent("cancel_invoice", slots, confidence=0.9)


_PAYBILL_RE = re.compile(r"(?i)\bpay\s*bill\s*(?:number|no\.?|namba)?\s*(?:is|ni|:)?\s*(?P<value>\d{5,7})\b")
_TILL_RE = re.compile(r"(?i)\btill\s*(?:number|no\.?|namba)?\s*(?:is|ni|:)?\s*(?P<value>\d{5,7})\b")
_PIN_RE = re.compile(r"(?i)\b(?:kra\s*)?pin\s*(?:number|no\.?)?\s*(?:is|ni|:)?\s*(?P<value>[AP]\d{9}[A-Z])\b")
# Plural and alone: "invoices due in 14 days" is a setting; "invoice Zawadi 7,500 due in 7 days" is an invoice.
_DUE_DAYS_RE = re.compile(
    r"(?i)^\s*(?:(?:all|my|our|set|make)\s+)*(?:invoices|ankara\s+zote)\s+(?:are\s+|should\s+be\s+)?"
    r"(?:due|payable)\s+(?:in|after|within)\s+(?P<value>\d{1,3})\s+days?\s*[.!]?\s*$"
)


def business_settings(msg: Analysed) -> Intent | None:
    """ "my paybill is 522533", "till number 832910", "KRA PIN P051234567X", "invoices due in 14 days"."""
    slots: dict[str, object] = {}
    for key, pattern in (("paybill", _PAYBILL_RE), ("till", _TILL_RE), ("kra_pin", _PIN_RE)):
        m = pattern.search(msg.raw)
        if m:
            slots[key] = m.group("value").upper()
    m = _DUE_DAYS_RE.search(msg.raw)
    if m:
        slots["due_days"] = int(m.group("value"))
    # "paid 1,500 to paybill 888880" is an expense: a setting carries no other amount.
    numbers = {str(v) for v in slots.values()}
    if any(a.score >= 0 and plain(a.value) not in numbers for a in find_amounts(msg)):
        return None
    return Intent("business_settings", slots, confidence=0.9) if slots else None
