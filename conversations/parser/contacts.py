"""Customers, suppliers and team members: add_customer, add_supplier, list_customers, invite_member."""

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.names import NAME_PARTS, ROLE_WORDS, display_name
from conversations.parser.phones import find_phone
from conversations.parser.text import Analysed, PhraseTable

ROLES = PhraseTable.grouped(v.ROLE_WORDS)
_KIND_WORDS = {"customer": set(v.CUSTOMER_WORDS), "supplier": set(v.SUPPLIER_WORDS)}
_STOP = {"phone", "number", "namba", "simu", "tel", "mobile", "on", "with", "at", "as", "and", "from", "of"}
_ADDING = {*v.ADD_WORDS, "save", "put", "record", "weka", "niwekee", "hifadhi"}
_SKIP = {"a", "an", "new", "named", "called", "anaitwa", "jina", "ni", "mpya", ":", "-", ",", "my", "the"}


# "customers", "wateja", "ma-client", "customer list": the whole list rather than one person.
_CUSTOMERS = PhraseTable.of(
    ("customers", "clients", "custmers", "customer list", "client list", "list of customers", "wateja", "ma-client",
     "maclient", "ma client", "buyers", "tenants", "wapangaji", "debtors")
)  # fmt: skip
# Asking who owes: the people, not the invoices (those are asked for by name: "unpaid invoices").
_WHO_OWES = PhraseTable.of(
    ("who owes me", "who owes us", "who is owing me", "who still owes", "nani ananidai", "nani wananidai",
     "wanaonidai", "nani bado ananidai", "nani ana deni", "who hasn't paid", "who has not paid", "nani hajalipa",
     "nani bado hajalipa", "nani hajanilipa", "nani hawajanilipa", "nani bado hajanilipa", "nani bado ako na deni",
     "nani ako na deni", "who is still owing", "who still has a debt")
)  # fmt: skip
_NOT_ASKING = {"sijapata", "hakuna", "hakuja", "hawakuja", "no", "few", "wachache", "hawajakuja", "sikupata"}
_INVOICE_WORDS = {"invoice", "invoices", "ankara", "bill", "bills", "inv"}
_OWING = PhraseTable.of(
    ("owe", "owes", "owing", "deni", "madeni", "hawajanilipa", "hawajalipa", "hajalipa", "haven't paid",
     "have not paid", "not paid", "unpaid", "debt", "debts", "wananidai", "ananidai", "wanadaiwa", "anadaiwa",
     "wanaodaiwa", "anayedaiwa", "wananiowe", "ananiowe", "wanaonidai")
)  # fmt: skip
_REMIND = PhraseTable.of(v.REMIND_WORDS)


def list_customers(msg: Analysed) -> Intent | None:
    lows = msg.lows
    remind, people = _REMIND.first(lows), _CUSTOMERS.first(lows)
    if any(w in v.ADD_WORDS for w in lows) or (remind and people and remind.start > people.start):
        return None  # "one of my customers has not paid … send them a reminder" asks for the reminder
    if _WHO_OWES.first(lows) and not any(w in _INVOICE_WORDS for w in lows):
        return Intent("list_customers", {"status": "owing"}, confidence=0.85)  # "nani ananidai?", "who owes me"
    if _CUSTOMERS.first(lows) is None or _NOT_ASKING & set(lows):
        return None  # "sijapata wateja hata mmoja" tells of a slow day
    return Intent("list_customers", {"status": status(msg)}, confidence=0.85)


def status(msg: Analysed) -> str:
    """ "who owes me" asks for the customers owing, "my customers" for all of them."""
    return "owing" if _OWING.first(msg.lows) else "all"


def kind_word_at(lows: tuple[str, ...], kind: str) -> int | None:
    """Where the message says "customer" or "supplier" (or their plurals: "ongeza brayo kwa customers")."""
    words = _KIND_WORDS[kind]
    return next((i for i, low in enumerate(lows) if low in words or (low[-1:] == "s" and low[:-1] in words)), None)


def add_party(msg: Analysed, kind: str) -> Intent:
    slots: dict[str, object] = {}
    at = kind_word_at(msg.lows, kind)
    named = _named_before(msg, at) if at is not None else None
    if named:
        slots["name"] = named
    elif at is not None:
        i = at + 1
        while i < len(msg.lows) and msg.lows[i] in _SKIP:
            i += 1
        if i + 2 < len(msg.tokens) and msg.lows[i] in {"wa", "ya"} and msg.tokens[i + 2].text[:1].isupper():
            i += 2  # "supplier wa weaves Beauty Hub": what they supply, then who they are
        elif i + 3 < len(msg.tokens) and msg.lows[i] in {"wa", "ya", "of", "for"} and msg.lows[i + 2] in {",", ":"}:
            i += 3  # "ongeza supplier wa paper, Kamukunji Stationers", "ongeza supplier wa hay: Kinyua"
        # The person is naming someone on purpose, so known words may be part of it ("Unga Ltd").
        words: list[str] = []
        while i < len(msg.tokens) and len(words) < 6:
            token = msg.tokens[i]
            if not token.is_word or token.low in _STOP:
                break
            words.append(token.text)
            i += 1
        if words:
            slots["name"] = display_name(words)
    phone = find_phone(msg)
    if phone:
        slots["phone"] = phone[0]
    return Intent(f"add_{kind}", slots, confidence=0.9 if "name" in slots else 0.6)


def _named_before(msg: Analysed, at: int) -> str | None:
    """ "add Bamburi Cement as a supplier", "weka Rubis Kasarani kama supplier": the name between the
    adding word and "as"/"kama" before the kind."""
    j = at - 1
    if j >= 2 and msg.lows[j] == "ya" and msg.lows[j - 1] in {"orodha", "list"}:
        j -= 2  # "Ongeza Machakos Gas Point kwenye orodha ya wasambazaji": the list they join
        at = j + 1
    # "as our fuel supplier", "as a regular customer": a word for what kind of one may stand between
    described = 0
    while j >= 0 and (msg.lows[j] in {"a", "an", "my", "the", "our", "new", "mpya"} or described < 1):
        if msg.lows[j] not in {"a", "an", "my", "the", "our", "new", "mpya"}:
            if not msg.tokens[j].is_word or msg.lows[j] in {"as", "kama", "ka", "to", "kwa", "into", "in", "kwenye"}:
                break
            described += 1
        j -= 1
    # "ongeza brayo kwa customers", "add Otieno to my customers": the list they join
    listed = msg.lows[at].endswith(("s", "orodha", "list")) or (
        at + 1 < len(msg.lows) and msg.lows[at + 1] in {"list", "book", "orodha"}
    )
    joins = j >= 0 and msg.lows[j] in {"kwa", "to", "into", "in", "kwenye"} and listed
    if j < 1 or (msg.lows[j] not in {"as", "kama", "ka"} and not joins):
        return None
    start = next((k for k in range(j - 1, -1, -1) if msg.lows[k] in _ADDING), None)
    if start is None:
        return None
    words = [t.text for t in msg.tokens[start + 1 : j] if t.is_word and t.low not in _SKIP]
    while len(words) > 1 and words[0].lower() in ROLE_WORDS and words[0].lower() not in NAME_PARTS:
        words.pop(0)  # "add tenant Faith Akoth as a customer": who she is to the business goes
    return display_name(words) if 0 < len(words) <= 6 else None


def invite(msg: Analysed) -> Intent:
    slots: dict[str, object] = {}
    phone = find_phone(msg)
    if phone:
        slots["phone"] = phone[0]
    role = ROLES.first(msg.lows)
    slots["role"] = role.value if role else "staff"
    return Intent("invite_member", slots, confidence=0.9 if phone else 0.6)
