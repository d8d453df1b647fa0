"""Getting paid: create_invoice, list_invoices, record_payment, remind_customer, request_payment."""

import re
from datetime import date, timedelta

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.amounts import find_amounts
from conversations.parser.currency import foreign_currency
from conversations.parser.dates import find_day
from conversations.parser.money_moved import money_amount
from conversations.parser.names import acted_on, name_at, name_before
from conversations.parser.phones import find_phone
from conversations.parser.text import Analysed, PhraseTable
from finance.money import D, MoneyError, plain

INVOICE_WORDS = PhraseTable.of(v.INVOICE_WORDS)
STATUS = PhraseTable.grouped(v.INVOICE_STATUS_WORDS)
LIST_CUES = PhraseTable.of(v.LIST_INVOICE_CUES)
REMIND = PhraseTable.of(v.REMIND_WORDS)
REQUEST = PhraseTable.of(v.REQUEST_WORDS)
_NUMBER_RE = re.compile(r"\b(?:inv(?:oice)?)\s*(?P<mark>[-#.:]?\s*(?:no\.?\s*|number\s*)?)0*(\d{1,6})\b", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
# An M-PESA transaction code quoted as the payment's reference: ten letters and digits, both present.
_REFERENCE_RE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{10}\b")
_PAID_WORDS = {
    "paid", "amelipa", "alilipa", "settled", "cleared", "imelipwa", "payment", "malipo", "lipwa",
    "imelipa", "wamelipa", "walilipa", "ameclear", "wameclear", "has", "have",
}  # fmt: skip
# Someone else paid (an invoice): "Kiprop amelipa invoice", "Ogutu has cleared his invoice, 6k".
SETTLED_BY_THEM = {
    "amelipa", "ametuma", "amenilipa", "settled", "cleared", "paid", "amenitumia", "ameleta",
    "ameweka", "wameweka", "wametuma", "wamelipa", "alilipa", "sent", "deposited", "pd",
    # "Brayo amemaliza invoice yake": finished paying it
    "amemaliza", "amemalizia", "wamemaliza", "wamemalizia",
}  # fmt: skip
# "payment ya invoice ya Kevo", "malipo ya invoice": a payment said to be for an invoice
_PAYMENT_FOR = {"payment", "malipo", "pesa"}
# Money owed by a customer: "what does jane owe", "deni la wambui", "overdue za nyambura".
_OWING = {"owe", "owes", "deni", "madeni", "hajalipa", "hawajalipa", "overdue", "balance", "arrears"}
_NOT_YET_PAID = {"hajalipa", "hawajalipa", "hajamaliza", "owes", "hasn't", "hasnt", "still", "bado", "ana"}
_OWER_BEFORE = {"ana", "has", "have", "owes", "owe", "hajalipa", "yuko", "ako"}
_OWER_AFTER = {"does", "did", "la", "ya", "za", "of", "for", "wa", "has", "have"}
# "Send Baraka Events an M-Pesa prompt", "tuma Ogutu ombi": the person follows the sending verb.
_SEND = {"send", "tuma", "mtumie", "mtumia"}
_NOT_OWERS = {"i", "we", "me", "you", "mimi", "sisi", "how", "what", "who", "nani", "much"}
_SKIP_BEFORE_NAME = {
    "for",
    "to",
    "ya",
    "kwa",
    "of",
    "an",
    "a",
    "the",
    "new",
    "create",
    "send",
    "make",
    "customer",
    "mteja",
    "raise",
    "about",
    "on",
    # dictated: "invoice ya... ya Grace Atieno", "invoice, eeh, for"
    ".",
    "...",
    "…",
    ",",
}
# One invoice line: a quantity, words, then a price after at/@/kwa/for ("10 boxes at 450", "120 @350").
_LINE_RE = re.compile(
    r"(?<![\d,.])(?P<qty>\d+(?:\.\d+)?)(?![\d,.]*[km]\b)\s*(?:x\s*)?(?P<between>[^\d@]*?)\s*(?:\bat\b|@|\bfor\b|\bkwa\b)\s*"
    r"(?:ksh\.?\s*|kes\s*|\$\s*|usd\s*|us\$\s*|€\s*|eur\s*)?(?P<price>\d[\d,]*(?:\.\d+)?k?)(?![\d%])",
    re.IGNORECASE,
)
_EACH_LINE_RE = re.compile(
    r"(?<![\d,.])(?P<qty>\d+)(?![\d,.]*[km]\b)\s*(?P<between>[a-z][^\d@]*?)\s*(?:ksh\.?\s*|kes\s*)?"
    r"(?P<price>\d[\d,]*(?:\.\d+)?k?)\s*(?:each|per\s+[a-z]+|kila\s+(?:moja|mmoja|[a-z]+))\b",
    re.IGNORECASE,
)
# Lines are separated by commas, semicolons, colons, new lines and "na"/"and"/"plus".
_PIECES_RE = re.compile(r"[,;:\n]\s*(?!\d{3}\b)|\s(?:na|and|plus|&)\s", re.IGNORECASE)
_WORDS_RE = re.compile(r"[a-z][a-z'-]*")
_UNIT_WORDS = set(v.UNIT_WORDS) | {"mafungu", "fungu", "kilo", "kg", "pc", "pack", "packs", "of", "ya", "za"}
_NOT_ITEM_WORDS = {
    "invoice", "ankara", "andika", "create", "send", "make", "new", "for", "to", "kwa", "ya", "za", "the", "a",
    "an", "x", "ksh", "kes", "sh", "shs", "each", "kila", "moja", "due", "please", "pls", "mwandikie", "niandikie",
}  # fmt: skip


def invoice_number(msg: Analysed) -> str | None:
    m = _NUMBER_RE.search(msg.raw)
    if m is None:
        return None
    # "paid the full invoice 198000": a big bare number after "invoice" is its amount; numbers are
    # marked ("INV-0042", "invoice no 88123") or small.
    if not m["mark"].strip() and m.group().lower().startswith("invoice") and int(m.group(2)) >= 10_000:
        return None
    return f"INV-{int(m.group(2)):04d}"


def _name_after(msg: Analysed, start: int) -> str | None:
    i = start
    while i < len(msg.lows) and msg.lows[i] in _SKIP_BEFORE_NAME | set(v.INVOICE_WORDS) | set(v.REMIND_WORDS):
        i += 1
    found = name_at(msg, i) if i < len(msg.lows) else None
    return found[0] if found else acted_on(msg)


# Making an invoice, or one for someone: "tengeneza ankara", "Mtengenezee Nduku ankara ya keki".
MAKE_WORDS = frozenset(
    {"tengeneza", "tengenezea", "mtengenezee", "watengenezee", "andika", "mwandikie", "niandikie", "create",
     "make", "raise", "prepare", "generate", "draft"}
)  # fmt: skip


_MAKE_FOR = frozenset({"mtengenezee", "watengenezee", "mwandikie", "niandikie", "waandikie"})


def _name_before_invoice(msg: Analysed) -> str | None:
    """ "Nakuru Water Point invoice ya 12k": the customer said first, the invoice word right after."""
    first = 1 if msg.lows and msg.lows[0] in MAKE_WORDS else 0
    found = name_at(msg, first)
    if found is None or found[1] >= len(msg.lows) or msg.lows[found[1]] not in v.INVOICE_WORDS:
        return None
    return found[0]


def _name_after_any(msg: Analysed, words: set[str]) -> str | None:
    """The first name that follows one of `words` ("for Njoroge", "from Akinyi")."""
    for i, low in enumerate(msg.lows):
        if low in words and i + 1 < len(msg.lows):
            found = name_at(msg, i + 1)
            if found:
                return found[0]
    return None


def _add_amount(msg: Analysed, slots: dict[str, object], skip: set[int] | None = None) -> None:
    """The amount as a recording reads it: a self-correction ("6k... no make it 6500") and a stated
    total win; a count alone is no amount."""
    found = money_amount(msg, skip or set())
    if found is not None and found.score >= 0 and found.value > 0:
        slots["amount"] = plain(found.value)


def _items(raw: str, customer: str | None) -> list[dict[str, object]]:
    """Invoice lines, one a piece of the message ("amoxil 10 boxes at 450, gloves 5 boxes at 800",
    "2 cakes @ 4,500 na mahamri 200 @ 20", "sukuma mafungu 20 kwa 30"): a quantity, a price after
    at/@/kwa/for, and the thing: the words after the quantity, or before it when those are only a
    unit ("pilau 120 plates" is pilau)."""
    text = raw
    for name in filter(None, (customer,)):
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    items: list[dict[str, object]] = []
    for piece in _PIECES_RE.split(text):
        m = _LINE_RE.search(piece) or _EACH_LINE_RE.search(piece)
        if m is None:
            continue
        before = [w for w in _WORDS_RE.findall(piece[: m.start()].lower()) if w not in _NOT_ITEM_WORDS]
        after = [w for w in _WORDS_RE.findall(m.group("between").lower()) if w not in _NOT_ITEM_WORDS]
        words = after if any(w not in _UNIT_WORDS for w in after) else [*before[-2:], *after]
        if not words:
            continue
        items.append(
            {"description": " ".join(words), "quantity": _price(m.group("qty")), "unit_price": _price(m.group("price"))}
        )
    return items


_PAID_PART = {"deposit", "advance", "paid", "ameweka", "amelipa", "balance", "bal", "zingine", "remaining"}


def _paid_so_far(msg: Analysed) -> set[int]:
    """Token spans of a deposit paid and the balance left ("cake ya 5k. she paid 2k deposit, balance 3k"):
    an invoice's amount is its whole price."""
    amounts = [a for a in find_amounts(msg) if a.score >= 0]
    lows = msg.lows
    parts = [
        a
        for a in amounts
        if _PAID_PART & set(lows[max(0, a.start - 2) : a.start]) or (a.end < len(lows) and lows[a.end] in _PAID_PART)
    ]
    if len(parts) >= len(amounts):
        return set()
    return {i for a in parts for i in range(a.start, a.end)}


def _price(text: str) -> int | str:
    """ "3,200" -> 3200, "2.5k" -> 2500, "99.5" -> "99.5" (the contract's plain form)."""
    text = text.lower().rstrip(",.")  # "@350, soda ...": the comma ends the item, not the number
    value = D(text[:-1]) * 1000 if text.endswith("k") else D(text)
    return int(value) if value == value.to_integral_value() else plain(value)


_DUE_CUES = ("due", "by", "kabla", "atalipa", "watalipa", "ilipwe", "alipe", "walipe", "alipie")


def _due_date(msg: Analysed, today: date) -> str | None:
    lows = msg.lows
    # "due", "by", "kabla", and the customer's promise "atalipa tarehe 20" / "will pay on Friday".
    cue = next((w for w in _DUE_CUES if w in lows), None)
    if cue is None:
        return None
    i = lows.index(cue)
    rest = lows[i + 1 : i + 5]
    if rest[:1] in (("tarehe",), ("on",)) and len(rest) > 1 and rest[1].isdigit():
        rest = (rest[1] + "th", *rest[2:])  # "tarehe 20", "on 20": the 20th
    if len(rest) >= 3 and rest[0] == "in" and rest[1].isdigit():
        n = int(rest[1])
        unit = rest[2]
        days = n * (7 if unit.startswith("week") else 30 if unit.startswith("month") else 1)
        return (today + timedelta(days=days)).isoformat()
    if rest[:1] == ("tomorrow",) or rest[:1] == ("kesho",):
        return (today + timedelta(days=1)).isoformat()
    if rest[:2] == ("next", "week"):
        return (today + timedelta(days=7)).isoformat()
    if rest[:2] == ("end", "month") or rest[:3] == ("end", "of", "month") or rest[:4] == ("end", "of", "the", "month"):
        nxt = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
        return (nxt - timedelta(days=1)).isoformat()
    # "due Friday": the next Friday after today (a weekday alone reads as the last one for entries).
    weekday = next((v.WEEKDAYS[w] for w in rest[:2] if w in v.WEEKDAYS and len(w) >= 3), None)  # "due fri"
    if weekday is not None:
        return (today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)).isoformat()
    # "due 30th" / "due on the 5th": the next such day after today ("due 30th" on the 30th is next month's).
    number = next((int(m.group(1)) for w in rest[:3] if (m := _ORDINAL_RE.match(w))), None)
    if number is not None and (due := _next_day_of_month(today, number)) is not None:
        return due.isoformat()
    day = find_day(Analysed.of(" ".join(lows[i + 1 :])), today)
    if day is not None:
        # a due day is in the future: "due on 5th" said on the 20th is next month's 5th
        due = day.start
        while due < today:
            due = _next_month(due)
        return due.isoformat()
    return None


def _next_day_of_month(today: date, number: int) -> date | None:
    """The first date after today that falls on day `number` (months too short for it are passed over)."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            candidate = date(year, month, number)
        except ValueError:
            candidate = None
        if candidate is not None and candidate > today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _next_month(d: date) -> date:
    month = d.month % 12 + 1
    year = d.year + (1 if d.month == 12 else 0)
    try:
        return d.replace(year=year, month=month)
    except ValueError:
        return d.replace(year=year, month=month, day=28)


def create_invoice(msg: Analysed, today: date, start: int) -> Intent:
    slots: dict[str, object] = {}
    # "Mtengenezee Nduku ankara ya keki": made *for* the one named after the verb
    for_them = _name_before_invoice(msg) if msg.lows and msg.lows[0] in _MAKE_FOR else None
    customer = (
        for_them or _name_after(msg, start) or _name_after_any(msg, {"kwa", "for", "to"}) or _name_before_invoice(msg)
    )
    if customer:
        slots["customer"] = customer
    try:
        items = _items(msg.raw, customer)
    except MoneyError:
        # A price that is no number ("@4,50"): no items and no total, so the conversation asks.
        return Intent("create_invoice", slots, confidence=0.5)
    if items:
        slots["items"] = items
    else:
        _add_amount(msg, slots, skip=_paid_so_far(msg))
    due = _due_date(msg, today)
    if due:
        slots["due_date"] = due
    currency = foreign_currency(msg)
    if currency:
        slots["currency"] = currency
    return Intent("create_invoice", slots, confidence=0.9 if customer else 0.6)


def list_invoices(msg: Analysed) -> Intent:
    found = STATUS.all(msg.lows)
    # "invoices zote ambazo hazijalipwa": which of them ("unpaid") says more than "all" of them.
    match = next((m for m in found if m.value != "all"), found[0] if found else None)
    status = match.value if match else "unpaid"
    values = {m.value for m in found}
    paid = [m.start for m in found if m.value == "paid"]
    unpaid = [m.start for m in found if m.value == "unpaid"]
    # "all invoices, paid and unpaid" (but "Has Jane cleared? show me her unpaid invoices" asks for the unpaid)
    both = any(abs(a - b) <= 3 for a in paid for b in unpaid)
    if both or ("unpaid" in values and "paid" in msg.lows and "all" in msg.lows):
        status = "all"
    slots: dict[str, object] = {"status": status}
    customer = _name_after_any(msg, {"for", "of", "za", "ya", "la"}) or _ower(msg)
    if customer:
        slots["customer"] = customer
    return Intent("list_invoices", slots, confidence=0.9)


def _ower(msg: Analysed) -> str | None:
    """The customer a question about owing names: "kamau ana invoices", "does akinyi have overdue"."""
    for i, low in enumerate(msg.lows):
        if low in _OWER_BEFORE and i:
            before = name_before(msg, i, limit=2)
            if before and before.lower() not in _NOT_OWERS:
                return before
        if low in _OWER_AFTER and i + 1 < len(msg.lows):
            found = name_at(msg, i + 1, limit=3)
            if found and found[0].lower() not in _NOT_OWERS:
                return found[0]
    return None


def asks_what_is_owed(msg: Analysed) -> bool:
    """ "what does jane owe", "deni la wambui ni ngapi", "overdue za nyambura": a customer's debt."""
    return bool(_OWING & set(msg.lows)) and _ower(msg) is not None and not find_amounts_money(msg)


def find_amounts_money(msg: Analysed) -> bool:
    return any(a.score >= 0 for a in find_amounts(msg))


def paid_by_them(msg: Analysed) -> bool:
    """A customer paid against an invoice named without its number ("Kiprop amelipa invoice",
    "payment ya invoice ya Kevo 2,500 imeingia")."""
    word = INVOICE_WORDS.first(msg.lows)
    if word is None or "invoices" in msg.lows:
        return False  # "list the invoices that have been settled" asks for a list
    lead = msg.lows[max(0, word.start - 2) : word.start]
    if _PAYMENT_FOR & set(lead) and {"ya", "for", "of", "kwa"} & set(lead) and find_amounts(msg):
        return True
    # "partial payment from Kiptoo Wholesalers, 400k against the big invoice": a payment from someone
    said_for = {"against", "towards", "for", "kwa", "ya"} & set(msg.lows[max(0, word.start - 4) : word.start])
    paid_from = {"payment", "malipo"} & set(msg.lows) and {"from", "kutoka"} & set(msg.lows)
    if word.start > 0 and said_for and paid_from and find_amounts(msg):
        return True
    for i, low in enumerate(msg.lows):
        if low in SETTLED_BY_THEM or (
            low in {"has", "have"} and i + 1 < len(msg.lows) and msg.lows[i + 1] in SETTLED_BY_THEM
        ):
            before = name_before(msg, i, limit=3)
            if before and before.lower() not in _NOT_OWERS:
                return True
    return False


_NOT_PAYER_WORDS = {"rcvd", "recvd", "received", "part", "partial", "full", "half", "final", "first"}
_COMMAND_HEADS = {"record", "log", "add", "enter", "new", "rekodi", "weka", "andika", "note", "save"}


def record_payment(msg: Analysed, number: str | None, today: date) -> Intent:
    """A customer's payment against an invoice; `date` always (contract), today unless one is named."""
    slots: dict[str, object] = {"invoice": number} if number else {}
    code = _REFERENCE_RE.search(msg.raw)
    if code:
        slots["reference"] = code.group().upper()
    day = find_day(msg, today)
    slots["date"] = (day.start if day else today).isoformat()
    for i, low in enumerate(msg.lows):
        if low in _PAID_WORDS | SETTLED_BY_THEM:
            who = name_before(msg, i)
            if who and (who.lower() in _COMMAND_HEADS or _NOT_PAYER_WORDS & set(who.lower().split())):
                continue  # "record payment: St. Mary's paid 3,000", "RCVD PART PAYMENT": no payer named
            if who and who.lower() not in {"inv", "invoice"} and not who.lower().startswith("inv"):
                slots["customer"] = who
                break
    if "customer" not in slots and (payer := _name_after_any(msg, {"from", "kutoka", "by", "frm", "na"})):
        slots["customer"] = payer  # "Payment of 9,100 received for INV-0033 from Kerubo Clinic"
    word = INVOICE_WORDS.first(msg.lows)
    named_after = word is not None and word.end + 1 < len(msg.lows) and msg.lows[word.end] in {"ya", "of", "for"}
    if "customer" not in slots and word is not None and named_after and (owner := name_at(msg, word.end + 1)):
        slots["customer"] = owner[0]  # "payment ya invoice ya Kevo"
    _add_amount(msg, slots)
    return Intent("record_payment", slots, confidence=0.9)


def remind_customer(msg: Analysed, start: int) -> Intent:
    slots: dict[str, object] = {}
    # "send Savannah Safaris a reminder": the one reminded can stand before the word
    customer = _name_after(msg, start) or _name_after_any(msg, {"send", "text", "message", "tumia"})
    if customer is None and msg.lows and msg.lows[0] not in _NOT_OWERS:
        # "Shiro hajalipa balance ya 3k bado, mkumbushe": the one who has not paid, named first
        first = name_at(msg, 0, limit=3)
        customer = first[0] if first and any(w in _NOT_YET_PAID for w in msg.lows[1:4]) else None
    if customer and customer.lower() not in {"them", "him", "her", "me", "us"}:
        slots["customer"] = customer
    number = invoice_number(msg)
    if number:
        slots["invoice"] = number
    return Intent("remind_customer", slots, confidence=0.9 if customer or number else 0.6)


def request_payment(msg: Analysed, start: int) -> Intent:
    slots: dict[str, object] = {}
    phone = find_phone(msg)
    if phone:
        slots["phone"] = phone[0]
    # "to Brian 0721 334 455": both the customer and the number the prompt goes to.
    told = _name_after_any(msg, {"mtumie", "mtumia", "mwombe", "mwulize"})  # "mtumie Mama Aisha ombi …"
    customer = told or _name_after_any(msg, {"from", "to", "kwa", "kutoka"}) or _name_after(msg, start)
    if customer is None and phone is None:
        customer = _name_after_any(msg, _SEND)
    if customer:
        slots["customer"] = customer
    _add_amount(msg, slots)
    number = invoice_number(msg)
    if number:
        slots["invoice"] = number
    return Intent("request_payment", slots, confidence=0.85)
