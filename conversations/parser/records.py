"""Money in and money out: record_expense / record_income and their slots."""

import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.amounts import Amount, find_amounts
from conversations.parser.currency import foreign_currency
from conversations.parser.dates import Period
from conversations.parser.names import KNOWN_WORDS, NAME_PARTS, ROLE_WORDS, counterparty, name_at, name_before
from conversations.parser.phones import find_phone
from conversations.parser.text import Analysed, Match, PhraseTable
from finance.money import plain

EXPENSE_CATEGORIES = PhraseTable.grouped(v.EXPENSE_CATEGORY_WORDS)
INCOME_CATEGORIES = PhraseTable.grouped(v.INCOME_CATEGORY_WORDS)
EXPENSE_CUES = PhraseTable.of(v.EXPENSE_CUES)
INCOME_CUES = PhraseTable.of(v.INCOME_CUES)
NOT_EARNED = PhraseTable.grouped(v.NOT_EARNED_WORDS)
REPEATS = PhraseTable.grouped(v.REPEAT_WORDS)
# When one message names two expense categories, the more specific purpose wins:
# "paid fundi to fix the fridge" is a repair, "delivery of stock" is transport.
_PRIORITY = (
    "fees",
    "loan_repayment",
    "taxes",
    "repairs",
    "salaries",
    "rent",
    "utilities",
    "transport",
    "airtime",
    "marketing",
    "meals",
    "supplies",
    "equipment",
    "stock",
)
_LINKS = {"ya", "za", "wa", "la", "of", "for", "kwa"}
_PURPOSES = {"repairs", "transport", "fees", "taxes", "salaries", "rent", "loan_repayment"}
# Money in that names goods was a sale ("for nails and timber"); services name themselves.
GOODS = {"stock", "equipment", "supplies"}
_TOTAL_WORDS = {"total", "totals", "jumla", "altogether", "yote"}
_RANGE_WORDS = {"to", "or", "-", "au", "ama", "hadi", "mpaka"}
_UNIT_PRICE_BEFORE = {"at", "@", "each"}
_UNIT_PRICE_AFTER = {"each", "per", "kila", "@"}
_BY_MPESA = re.compile(r"\b(?:on|via|through|by|kupitia|kwa|using|thru)\s+(?:the\s+)?m-?pesa\b", re.IGNORECASE)
_ARTICLES = {"the", "a", "an", "my", "his", "her", "their", "some", "those", "these"}
# Workers paid by what they do: their pay is wages unless the message names another purpose.
_STAFF = {
    "driver", "dereva", "conductor", "makanga", "turnboy", "askari", "watchman", "attendant", "cashier",
    "kijana", "vijana", "cleaner", "cook", "mpishi", "househelp", "mjakazi", "msaidizi", "assistant", "staff",
    "pharmtech", "mfanyakazi", "mfanyikazi", "wafanyakazi", "caretaker", "locum", "helper", "waiter", "waiters",
    "cooks", "waitress", "chef", "mason", "guard", "carpenter", "painter",
}  # fmt: skip
_PAYERS = {*v.CUSTOMER_WORDS, "they", "he", "she", "wao", "yeye"}
# A spoken or typed self-correction: the amount after it is the one meant ("lunch 540 aah no 450").
_CORRECTION = PhraseTable.of(
    (
        "no wait",
        "aah no",
        "ah no",
        "oh no",
        "sorry",
        "i mean",
        "actually",
        "correction",
        "nope",
        "kumbe",
        "hapana",
        "no it was",
        "no its",
        "si hiyo",
        "no",  # "9 thousand no 9500": only between two amounts (see money_amount)
        "oops",
        "make it",
        "niseme",
    )
)
_OWED_BEFORE = {
    "anadaiwa", "wanadaiwa", "owes", "owe", "owing", "remaining", "outstanding", "imebaki", "amebaki", "wamebaki",
    "arrears", "bado", "still",
}  # fmt: skip
# Change handed back after a payment: the amounts around it need adding up.
_CHANGE = PhraseTable.of(
    ("gave back", "given back", "gave me back", "got change", "got back", "change of", "chenji", "akanirudishia",
     "nikarudishiwa", "balance back", "returned the change", "alinirudishia")
)  # fmt: skip
# "repayment made on the 5th", "payment made to KPLC": the money was paid, not earned.
_PAST_PARTICIPLE_AFTER = {"on", "to", "by", "via", "through", "at", "using", "in", "for", "from"}


@dataclass
class Evidence:
    """What the message says about money in or out, gathered once."""

    amount: Amount | None
    expense_cues: list[Match]
    income_cues: list[Match]
    expense_categories: list[Match]
    income_categories: list[Match]

    @property
    def any_record_word(self) -> bool:
        return bool(self.expense_cues or self.income_cues or self.expense_categories or self.income_categories)


def pick_category(matches: list[Match], lows: tuple[str, ...] = ()) -> str | None:
    if not matches:
        return None
    workers = [m.start for m in matches if m.value == "salaries"]
    for m in matches:
        # "fare ya casuals", "lunch for the workers": bought for the workers, not their pay.
        linked = m.end < len(lows) and lows[m.end] in _LINKS
        if m.value != "salaries" and linked and any(start > m.end for start in workers):
            return m.value
    longest = max(len(m.phrase) for m in matches)
    values = {m.value for m in matches}
    specific = next(m.value for m in matches if len(m.phrase) == longest)
    # A specific phrase ("transaction charges") beats single words, but a thing named precisely is no
    # purpose: "fundi for repairing the weighing scale" is a repair.
    if longest > 8 and not (specific in GOODS and values & _PURPOSES):
        return specific
    for category in _PRIORITY:
        if category in values:
            return category
    return matches[0].value


def money_amount(msg: Analysed, skip: set[int]) -> Amount | None:
    """The amount of money, with "3 bags at 500 each" multiplied out."""
    candidates = [
        a
        for a in find_amounts(msg)
        if not set(range(a.start, a.end)) & skip and not _each_word(msg, a) and not _base_of_share(msg, a)
    ]
    owed = [a for a in candidates if _still_owed(msg, a)]
    if owed and len(owed) < len(candidates):
        candidates = [a for a in candidates if a not in owed]  # "ameleta 8,000, bado anadaiwa 2k": 8,000 moved
    if not candidates:
        return None
    change = _CHANGE.first(msg.lows)
    if change is not None and len(candidates) >= 2:
        return _net_of_change(candidates, change.end)
    starts = {a.start for a in candidates}
    corrected = [
        m.end
        for m in _CORRECTION.all(msg.lows)
        if any(a.end <= m.start for a in candidates)
        and (m.phrase != "no" or m.end in starts)  # "3k his no is 0712…" corrects nothing
    ]
    if corrected:
        meant = [a for a in candidates if a.start >= corrected[-1]]
        candidates = meant or candidates
    # "3k each, total 6,000", "12,000 jumla, kila mmoja 2k": the amount called the total is the one.
    totals = [a for a in candidates if _called_the_total(msg, a)]
    if totals:
        candidates = totals
        if len(totals) == 1:
            return totals[0] if totals[0].score >= -1 else None
    # "300 siku mbili zilizopita": the word after the number starts a date, not a unit of goods.
    candidates = [replace(a, score=max(a.score, 0)) if a.end in skip else a for a in candidates]
    # "rent ni 20k but nimelipa 12k": of equally sure amounts, the one the paying verb names.
    verbs = {m.end for m in EXPENSE_CUES.all(msg.lows) + INCOME_CUES.all(msg.lows)}
    # "sent 250 to 0722 911 333 500": a plain number right after the verb is the one sent, too (but
    # "Sold 150 samosas … for 7,500": a number before a noun is a count).
    best = max(candidates, key=lambda a: (a.score, a.start in verbs and _sent_as_money(msg, a), abs(a.value)))
    if _a_range(msg, candidates):
        return None  # "400 to 500", "1000 or 1200": the conversation asks which
    # "4 trays kila moja 450", "mandazi 30 kwa 10 kila moja": the amount priced each, times the count.
    priced = [a for a in candidates if _priced_each(msg, a)]
    if priced and not totals and any(a.score <= 0 and a.start < priced[-1].start for a in candidates):
        best = priced[-1]  # a price each, with the count before it: multiplied out below
    counts = [a for a in candidates if a is not best and a.score <= 0 and a.start < best.start]
    if counts and _priced_each(msg, best):
        qty = counts[-1]
        if best.score >= 3 and _bare_at(msg, best) and qty.value * best.value >= 100_000:
            return None  # "40 metres of fabric at KSh 12,800": the price of all or of each? Asked.
        return Amount(qty.value * best.value, qty.start, best.end, best.score)
    if best.score < -1:
        return None  # only counts ("sold 10 loaves"): the amount is missing
    return best


_EVENTS = {
    "wedding", "party", "event", "harusi", "sherehe", "graduation", "funeral", "burial", "ruracio", "ceremony",
    "birthday", "anniversary", "shoot", "conference", "ngurario", "matanga", "mazishi",
}  # fmt: skip


def _an_events_day(msg: Analysed, day: Period) -> bool:
    """A day said right after an event the money is for ("for their wedding on 14 November")."""
    lows, start = msg.lows, day.span[0]
    linked = {"on", "ya", "tarehe", "siku"}  # "wedding on 14th", "harusi ya tarehe 20"
    said_as_its_day = lows[start] in linked or (start > 0 and lows[start - 1] in linked)
    return said_as_its_day and bool(_EVENTS & set(lows[max(0, start - 5) : start]))


def _sent_as_money(msg: Analysed, amount: Amount) -> bool:
    after = msg.lows[amount.end] if amount.end < len(msg.lows) else ""
    return amount.score >= 2 or (amount.score >= 0 and (not after[:1].isalpha() or after in _INTRODUCERS))


_INTRODUCERS = {"to", "kwa", "for", "from", "on", "via", "ya", "by"}


def _called_the_total(msg: Analysed, amount: Amount) -> bool:
    """ "total 6,000", "jumla ni 12,000", "12,000 jumla", "2,000 in total", "= 3,250" ("at 60 shillings,
    total 720": the 60 is no total, a comma stands between)."""
    lows = msg.lows
    before = lows[max(0, amount.start - 3) : amount.start]
    after = lows[amount.end : amount.end + 2]
    return bool(
        _TOTAL_WORDS & set(before)
        or (after[:1] and after[0] in _TOTAL_WORDS)
        or after == ("in", "total")
        or (amount.start and lows[amount.start - 1] == "=")
    )


def _still_owed(msg: Analysed, amount: Amount) -> bool:
    """ "bado anadaiwa 2k", "still owes 2,000", "3k remaining": what is left to pay has not moved."""
    before = set(msg.lows[max(0, amount.start - 3) : amount.start])
    after = set(msg.lows[amount.end : amount.end + 2])
    return bool(before & _OWED_BEFORE or after & {"remaining", "left", "pending", "outstanding", "imebaki", "bado"})


def _base_of_share(msg: Analysed, amount: Amount) -> bool:
    """ "1.5% of 10000": what a share was taken of, not the money that moved."""
    lows = msg.lows
    if amount.start < 2 or lows[amount.start - 1] not in {"of", "ya", "off"}:
        return False
    # "1.5% of 10000", "10 percent of 20,000", "asilimia 10 ya 5000"
    return lows[amount.start - 2] in {"%", "percent"} or (amount.start >= 3 and lows[amount.start - 3] == "asilimia")


def _net_of_change(candidates: list[Amount], after: int) -> Amount | None:
    """ "paid 1000 for goods of 850, gave back 150": the money kept is the one that adds up; when nothing
    adds up the conversation asks (a change given back is easy to record the wrong way round)."""
    given = [a for a in candidates if a.start >= after]
    if not given:
        return None
    back = given[0]
    for kept in candidates:
        if any(kept is not a and a is not back and a.value - back.value == kept.value for a in candidates):
            return kept
    return None


def _bare_at(msg: Analysed, amount: Amount) -> bool:
    """Priced with "at" alone, no "each", "per" or "@" beside it."""
    lows = msg.lows
    before = lows[amount.start - 1] if amount.start else ""
    after = lows[amount.end] if amount.end < len(lows) else ""
    return (
        before in {"at", "ksh", "kes", "sh"}
        and "at" in lows[max(0, amount.start - 2) : amount.start]
        and after not in _UNIT_PRICE_AFTER
    )


def _each_word(msg: Analysed, amount: Amount) -> bool:
    """The "moja" of "kila moja" (each one) is no amount."""
    return amount.start > 0 and msg.lows[amount.start - 1] == "kila" and msg.lows[amount.start] in {"moja", "mmoja"}


def _priced_each(msg: Analysed, amount: Amount) -> bool:
    lows = msg.lows
    before = lows[amount.start - 1] if amount.start else ""
    before2 = " ".join(lows[max(0, amount.start - 2) : amount.start])
    after = lows[amount.end] if amount.end < len(lows) else ""
    # "kila gunia 3,200", "per bag 450", "each tray 380": the price of one of the things counted.
    per_thing = amount.start >= 2 and lows[amount.start - 2] in {"kila", "per", "each"} and before.isalpha()
    return (
        before in _UNIT_PRICE_BEFORE
        or before2 in {"kila moja", "kila mmoja"}
        or per_thing
        or after in _UNIT_PRICE_AFTER
    )


def _a_range(msg: Analysed, candidates: list[Amount]) -> bool:
    """Two amounts joined as a range or a choice ("like 400 to 500", "between 3000 and 3500")."""
    for first, second in pairwise(candidates):
        between = msg.lows[first.end : second.start]
        changed = first.start > 0 and msg.lows[first.start - 1] in {"from", "kutoka"}  # "from 4k to 5k": a change
        if len(between) == 1 and between[0] in _RANGE_WORDS and second.value > first.value and not changed:
            return True
        if between == ["and"] and first.start and msg.lows[first.start - 1] == "between":
            return True
    return False


def repeat_of(msg: Analysed) -> str | None:
    """ "every month", "kila siku", "every Friday", "kila Ijumaa": how often the entry repeats."""
    found = REPEATS.first(msg.lows)
    if found is not None:
        return str(found.value)
    lows = msg.lows
    if any(
        w in {"every", "kila", "each"} and j + 1 < len(lows) and lows[j + 1] in v.WEEKDAYS for j, w in enumerate(lows)
    ):
        return "weekly"
    return None


def gather(msg: Analysed, skip: set[int]) -> Evidence:
    return Evidence(
        amount=money_amount(msg, skip),
        # "refund 900 to Mish": money given back goes out, as any payment does.
        expense_cues=sorted(
            EXPENSE_CUES.all(msg.lows) + [m for m in INCOME_CATEGORIES.all(msg.lows) if _refunded_to(msg, m)],
            key=lambda m: m.start,
        ),
        income_cues=[
            m
            for m in INCOME_CUES.all(msg.lows)
            if not _i_have_paid(msg, m)
            and not _was_made(msg, m)
            and not _brought_goods(msg, m)
            and not _someone_else_was_paid(msg, m)
            and not (m.phrase == "deposit" and not {"from", "kutoka"} & set(msg.lows[m.end : m.end + 4]))
        ],
        expense_categories=[m for m in EXPENSE_CATEGORIES.all(msg.lows) if not _on_credit(msg, m)],
        income_categories=[m for m in INCOME_CATEGORIES.all(msg.lows) if not _refunded_to(msg, m)],
    )


def _only_name_parts(name: str) -> bool:
    """ "rent ya store paid": "Store" alone names no one."""
    return all(word.lower() in NAME_PARTS for word in name.split())


def _from_someone(msg: Analysed) -> bool:
    """ "from Rotich", "kutoka kwa Rehema": a person the money came from."""
    lows = msg.lows
    for j, low in enumerate(lows):
        if low in {"from", "kutoka", "toka"}:
            k = j + 2 if j + 1 < len(lows) and lows[j + 1] == "kwa" else j + 1
            if k < len(lows) and lows[k] not in v.STOPWORDS and name_at(msg, k, limit=3) is not None:
                return True
    return False


def _on_credit(msg: Analysed, match: Match) -> bool:
    """ "took goods on credit", "kwa credit": bought unpaid, not airtime bought."""
    return match.phrase == "credit" and match.start > 0 and msg.lows[match.start - 1] in {"on", "kwa", "by"}


def _was_made(msg: Analysed, cue: Match) -> bool:
    """ "repayment of 12,500 made on the 5th": "made" says when it was paid, not that money was earned."""
    after = msg.lows[cue.end] if cue.end < len(msg.lows) else ""
    return cue.phrase == "made" and after in _PAST_PARTICIPLE_AFTER and bool(EXPENSE_CATEGORIES.first(msg.lows))


def _brought_goods(msg: Analysed, cue: Match) -> bool:
    """ "supplier ameleta mzigo wa 5,000": goods brought, not money; "Mama Shiro ameleta 8,000" is money.
    "Nafula amenunua sukari" is a sale; "driver amenunua mafuta" bought for the business."""
    if cue.phrase == "amenunua":
        return bool(_STAFF & set(msg.lows)) or any(w in v.SUPPLIER_WORDS for w in msg.lows)
    if cue.phrase != "ameleta":
        return False
    goods = {m.value for m in EXPENSE_CATEGORIES.all(msg.lows)} & GOODS
    lows = set(msg.lows)
    # "fundi ameleta bill ya 3,000": a bill brought is money to pay
    billed = bool(lows & {"bill", "invoice", "ankara", "receipt", "risiti"}) or bool(lows & _PAID_TRADES)
    return bool(goods) or billed or any(w in v.SUPPLIER_WORDS for w in msg.lows)


_PAID_TRADES = {"doctor", "vet", "veterinary", "fundi", "plumber", "electrician", "mechanic", "landlord", "lawyer"}
_PASSIVE_PAID = {"been paid", "was paid", "were paid", "got paid", "get paid"}


def _refunded_to(msg: Analysed, match: Match) -> bool:
    """ "refund 900 to Mish", "refunded the customer 1,200": money given back by the owner is no income."""
    if match.value != "other_income" or not match.phrase.startswith("refund"):
        return False
    after = msg.lows[match.end : match.end + 4]
    mine = {"me", "us", "my", "our", "mpesa", "m-pesa", "account"}  # "Jumia refund to my mpesa 700" came in
    return ("to" in after or bool(set(after) & set(v.CUSTOMER_WORDS))) and not mine & set(after)


def _someone_else_was_paid(msg: Analysed, cue: Match) -> bool:
    """ "The veterinary doctor has been paid 1,500": I paid the doctor. "I have been paid" is money in."""
    if cue.phrase not in _PASSIVE_PAID:
        return False
    lows = msg.lows
    j = cue.start
    while j and (lows[j - 1] in {"has", "have", "had", "is", "was", "just", "finally", "already", "now"}):
        j -= 1
    if not j or lows[j - 1] in {"i", "we", "i've", "we've", "ive", "me", "us", "nime"}:
        return False  # "just got paid 3,000 by Otieno", "I have been paid": the owner was paid
    subject = lows[j - 1]
    if subject in ROLE_WORDS or subject in _STAFF or subject in _PAID_TRADES:
        return True  # "The veterinary doctor has been paid 1,500"
    owned = j >= 3 and lows[j - 2] in {"ya", "of", "wa"}  # "Order ya Wanjiru has been paid": her order, paid
    return msg.tokens[j - 1].text[:1].isupper() and not owned


def _i_have_paid(msg: Analysed, cue: Match) -> bool:
    """ "I have paid rent": money out, though "Otieno has paid" is money in."""
    return cue.phrase in ("have paid", "has paid") and cue.start > 0 and msg.lows[cue.start - 1] in {"i", "we"}


def _someone_paid_me(msg: Analysed, cues: list[Match]) -> bool:
    """ "Otieno paid 2000", "paid by Otieno", "paid me": money came in."""
    if _buyer(msg) or _booked_by(msg):
        return True
    if msg.lows and msg.lows[0] in v.CUSTOMER_WORDS and {"deposited", "sent", "paid", "transferred"} & set(msg.lows):
        return True  # "Customer deposited 5,000 into my Equity account for 2 chairs"
    for cue in cues:
        if msg.lows[cue.start] not in ("paid", "sent"):
            continue
        nxt = msg.lows[cue.end] if cue.end < len(msg.lows) else ""
        if nxt in {"me", "us", "by"}:
            return True
        if _payer_before(msg, cue.start):
            return True  # "customer paid 800", "they paid 38,400", "mteja wa IG 0708 334 556 sent 1,350"
        before = name_before(msg, cue.start)
        if before and before.lower() not in {"i", "we", "nime", "tume"} and not _only_name_parts(before):
            return True
    return False


def _for_goods(msg: Analysed) -> bool:
    """ "got $60 for 3 tote bags", "alituma 3.5k for 2 crop tops": money in for things KAVI has no word
    for was a sale (services, periods and invoices are all in its vocabulary)."""
    lows = msg.lows
    for i, low in enumerate(lows[:-1]):
        if low != "for":
            continue
        j = i + 1
        counted = False
        while j < len(lows) and (lows[j] in _ARTICLES or lows[j].isdigit()):
            counted = counted or lows[j].isdigit()
            j += 1
        written = msg.tokens[j].text if j < len(lows) else ""
        # Things counted or plural ("3 tote bags", "earrings"): goods. "for the event coverage" may be a
        # service, "for Bamburi Cement" names a customer: neither is taken for a sale.
        plural = len(written) > 3 and written.endswith("s") and not written.endswith("ss")
        if written[:1].islower() and lows[j] not in KNOWN_WORDS and (counted or plural):
            return True
    return False


_TOOK = {"took", "bought", "picked", "collected", "ordered", "alichukua", "amechukua", "wamechukua"}


def _buyer(msg: Analysed) -> str | None:
    """ "Apiyo took 4kg of goat meat and paid 2,800", "Mama Akinyi has bought 5kg beef": someone named
    first took goods and paid for them — a sale (the owner's own buying says "I bought")."""
    if not msg.lows or msg.lows[0] in ROLE_WORDS:
        return None  # "fundi wa kibanda amechukua mia nane": the worker took money
    if _CREDIT_WORDS & set(msg.lows) or {m.value for m in EXPENSE_CATEGORIES.all(msg.lows)} - GOODS:
        return None  # "took 3 bags on credit" moved no money; "Kamau bought diesel for the generator" spent
    found = name_at(msg, 0, limit=3)
    if found is None or _STAFF & set(msg.lows) or any(w in v.SUPPLIER_WORDS for w in msg.lows):
        return None
    name, end = found
    if end < len(msg.lows) - 1 and msg.lows[end] in {"-", ":"} and msg.lows[end + 1][:1].isdigit():
        # "Moraa - 2 strips Flagyl + 1 ORS sachet, paid 260": the customer, then what they took
        return name if "paid" in msg.lows[end:] and not {"i", "we"} & set(msg.lows) else None
    at = end + 1 if end < len(msg.lows) - 1 and msg.lows[end] in {"has", "have", "just"} else end
    if at >= len(msg.lows) - 1 or msg.lows[at] not in _TOOK or name.lower() in {"i", "we"}:
        return None
    if any(a.start == at + 1 and a.score >= 0 for a in find_amounts(msg)):
        return None  # "took 800" is money taken ("took 3 Ventolin inhalers" took goods)
    return name


_CREDIT_WORDS = {"credit", "deni", "mkopo", "later", "baadaye"}
_PACKS = {"pcs", "pieces", "cartons", "boxes", "packets", "dozen", "pairs", "bales", "crates", "rolls"}
_ORDERED = {"booked", "ordered", "requested", "bought", "collected", "picked", "commissioned", "hired"}


def _booked_by(msg: Analysed) -> bool:
    """ "Couples massage booked by Brian Odhiambo, paid KSh 9,000": the one who booked it paid for it."""
    lows = msg.lows
    if {m.value for m in EXPENSE_CATEGORIES.all(lows)} and not INCOME_CATEGORIES.all(lows):
        return False  # "Bus tickets booked by Kamau, paid 4,000": tickets bought for the business
    return any(
        low == "by" and j and lows[j - 1] in _ORDERED and name_at(msg, j + 1) is not None for j, low in enumerate(lows)
    )


def _counted_goods(msg: Analysed) -> bool:
    """ "charging ports 20pcs", "30 pcs", "4 cartons": things counted by the piece or the pack."""
    lows = msg.lows
    return any(
        (low.endswith("pcs") and low[:1].isdigit()) or (low in _PACKS and j and lows[j - 1][:1].isdigit())
        for j, low in enumerate(lows)
    )


def _payer_before(msg: Analysed, i: int) -> bool:
    """A customer or a payer just before the verb, past their phone and where they are from."""
    lows = msg.lows
    j = i
    while j and (lows[j - 1][0].isdigit() or lows[j - 1] == "+"):
        j -= 1  # "customer 0791234567 paid", "mteja 0712 448 903 sent"
    if j and lows[j - 1] in _PAYERS:
        return True
    # "mteja wa IG sent", "client from Kampala paid": the payer, then who or where they are.
    return j >= 3 and lows[j - 2] in {"wa", "from", "kutoka", "of"} and lows[j - 3] in v.CUSTOMER_WORDS


def record_intent(
    msg: Analysed, ev: Evidence, today: date, day: Period | None = None, kind: str | None = None
) -> Intent:
    """Builds record_income or record_expense; the amount may be missing (the dialogue asks). `kind`
    ("income" or "expense") is the direction when another reader (the intent model) decided it."""
    income = len(ev.income_cues) * 2 + len(ev.income_categories)
    expense = len(ev.expense_cues) * 2 + len(ev.expense_categories)
    paid_me = _someone_paid_me(msg, ev.expense_cues)
    if paid_me:
        income += 4
        # "Mama Atieno paid 2,750 for padlocks": what it was for is what she bought; a customer's own
        # buying and paying are the sale, not spending.
        if _buyer(msg):
            income += len(ev.expense_cues) * 2
    elif (
        not ev.expense_cues
        and not GOODS & {m.value for m in ev.expense_categories}
        and not any("charge" in m.phrase or "bank" in m.phrase for m in ev.expense_categories)
        and _from_someone(msg)
    ):  # ("bank charges 640 from Equity" were charged by the bank)
        if _counted_goods(msg):
            expense += 3  # "screen protectors 30pcs 1.5k from Simu Spares": goods bought from them
        else:
            income += 3  # "consultation fee 1,500 from Rotich": money from a person, no paying verb
    cues = sorted(ev.expense_cues + ev.income_cues, key=lambda m: m.start)
    if cues:
        # People lead with what happened ("Nimepokea 2,000 kutoka kwa Langat, ada ya ..."): the first
        # verb weighs more than the words for what the money was for.
        if cues[0] in ev.income_cues:
            income += 2
        elif not paid_me:
            expense += 2
    # "they paid 38,400" for a lunch: a payer named wins a tie with what the money was for.
    kind = kind or ("income" if income > expense or (paid_me and income == expense) else "expense")
    category = (
        pick_category(ev.income_categories, msg.lows)
        if kind == "income"
        else pick_category(ev.expense_categories, msg.lows)
    )
    if kind == "income" and category is None and ({m.value for m in ev.expense_categories} & GOODS or _for_goods(msg)):
        category = "sales"  # "received 9,400 from Wafula for nails and timber": goods were sold
    if kind == "expense" and category is None and _STAFF & set(msg.lows):
        category = "salaries"  # "nimelipa conductor Mutua 800": a worker paid by their job is wages
    slots: dict[str, object] = {}
    if ev.amount is not None:
        slots["amount"] = plain(ev.amount.value) if ev.amount.value >= 0 else "-" + plain(-ev.amount.value)
    if category:
        slots["category"] = category
    skip: set[int] = set()
    if ev.amount is not None:
        skip.update(range(ev.amount.start, ev.amount.end))
    if day is not None:
        skip.update(range(*day.span))
    verbs = {m.start for m in ev.expense_cues + ev.income_cues}
    buyer = _buyer(msg) if kind == "income" else None
    if buyer and not category:
        slots["category"] = category = "sales"  # "Apiyo took 4kg of goat meat and paid": goods sold
    who = buyer or counterparty(msg, skip, verbs, income=kind == "income", travel=category == "transport")
    if who:
        slots["counterparty"] = who
    if day is not None and _an_events_day(msg, day):
        day = None  # "deposit from Mwende for her wedding on 14th": the wedding's day, not the payment's
    slots["date"] = (day.start if day else today).isoformat()
    phone = find_phone(msg)
    if phone:
        slots["phone"] = phone[0]
    if _BY_MPESA.search(msg.raw):
        slots["channel"] = "mpesa"  # "paid ksh 2,800 on mpesa", "kupitia M-PESA"
    currency = foreign_currency(msg)
    if currency:
        slots["currency"] = currency
    every = repeat_of(msg)
    if every:
        slots["repeat"] = every
    confidence = 0.5
    if ev.amount is not None:
        confidence += 0.25
    if category:
        confidence += 0.15
    if ev.expense_cues or ev.income_cues:
        confidence += 0.1
    intent = Intent(f"record_{kind}", slots, confidence=round(min(confidence, 0.99), 2))
    if income and expense and abs(income - expense) <= 1:
        # Both directions heard ("Otieno paid 2000 for rent"): ask rather than guess.
        other = "record_income" if kind == "expense" else "record_expense"
        intent.confidence = 0.45
        intent.alternatives = [Intent(other, dict(slots), confidence=0.4)]
    elif not (ev.expense_cues or ev.income_cues or category):
        # A bare amount: ask whether it came in or went out.
        other = "record_income" if kind == "expense" else "record_expense"
        intent.confidence = 0.4
        intent.alternatives = [Intent(other, dict(slots), confidence=0.4)]
    return intent


def not_earned(msg: Analysed, ev: Evidence, today: date, day: Period | None) -> Intent | None:
    """ "took a loan of 20k from KCB", "opening balance 60,000": money in that is no income. The loan
    word alone would read as a repayment, the balance word as a question."""
    found = NOT_EARNED.first(msg.lows)
    if found is None:
        return None
    plain_money = replace(ev, expense_cues=[], expense_categories=[], income_categories=[])
    slots = {**record_intent(msg, plain_money, today, day).slots, "category": found.value}
    return Intent("record_income", slots, confidence=0.9 if "amount" in slots else 0.7)
