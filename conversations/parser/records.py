"""Money in and money out: record_expense / record_income and their slots."""

import re
from dataclasses import dataclass, replace
from datetime import date

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.amounts import Amount, find_amounts
from conversations.parser.cues import EXPENSE_CUES, INCOME_CUES
from conversations.parser.currency import foreign_currency
from conversations.parser.dates import Period
from conversations.parser.money_moved import money_amount
from conversations.parser.names import (
    KNOWN_WORDS,
    NAME_PARTS,
    ROLE_WORDS,
    counterparty,
    name_at,
    name_before,
    route_end,
)
from conversations.parser.phones import find_phone
from conversations.parser.text import Analysed, Match, PhraseTable
from finance.money import plain

EXPENSE_CATEGORIES = PhraseTable.grouped(v.EXPENSE_CATEGORY_WORDS)
INCOME_CATEGORIES = PhraseTable.grouped(v.INCOME_CATEGORY_WORDS)
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
_WAGE_WORDS = {"salary", "salaries", "wages", "wage", "mshahara", "mishahara", "payroll"}
_LINKS = {"ya", "za", "wa", "la", "of", "for", "kwa", "cha", "vya"}
_PURPOSES = {"repairs", "transport", "fees", "taxes", "salaries", "rent", "loan_repayment"}
# Money in that names goods was a sale ("for nails and timber"); services name themselves.
GOODS = {"stock", "equipment", "supplies"}
_BY_MPESA = re.compile(r"\b(?:on|via|through|by|kupitia|kwa|using|thru)\s+(?:the\s+)?m-?pesa\b", re.IGNORECASE)
_ARTICLES = {"the", "a", "an", "my", "his", "her", "their", "some", "those", "these"}
# Workers paid by what they do: their pay is wages unless the message names another purpose.
_STAFF = {
    "driver", "dereva", "conductor", "makanga", "turnboy", "askari", "watchman", "attendant", "cashier",
    "kijana", "vijana", "cleaner", "cook", "mpishi", "househelp", "mjakazi", "msaidizi", "assistant", "staff",
    "pharmtech", "mfanyakazi", "mfanyikazi", "wafanyakazi", "caretaker", "locum", "helper", "waiter", "waiters",
    "cooks", "waitress", "chef", "mason", "guard", "carpenter", "painter",
}  # fmt: skip
_PAYERS = {
    *v.CUSTOMER_WORDS, "customers", "clients", "wateja", "buyers", "they", "he", "she", "wao", "yeye", "family",
    "guest", "guests", "tenant", "tenants", "mpangaji", "wapangaji", "parent", "parents", "mzazi", "wazazi",
}  # fmt: skip
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
    # "lunch for the boys at the garage": where it happened is no purpose while another word names one.
    placed = [m for m in matches if _where(lows, m.start)]
    if placed and len(placed) < len(matches):
        matches = [m for m in matches if m not in placed]
    workers = [m.start for m in matches if m.value == "salaries"]
    for m in matches:
        # "fare ya casuals", "lunch for the workers": bought for the workers, not their pay.
        linked = (m.end < len(lows) and lows[m.end] in _LINKS) or m.phrase.rsplit(" ", 1)[-1] in _LINKS
        if m.value != "salaries" and linked and any(start >= m.end for start in workers):
            return m.value
    phrases = {m.phrase for m in matches}
    if phrases & {"restock", "restocking"}:
        return "stock"  # "Restocked the minibar: soft drinks and snacks": stock for sale, not meals
    if phrases & _WAGE_WORDS:
        return "salaries"  # "Fundi mkuu Juma mshahara ya wiki": a wage, whoever earns it
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


def _where(lows: tuple[str, ...], i: int) -> bool:
    if i > len(lows):
        return False  # called without the words ("how much did I pay Uber"): nothing to judge by
    j = i - 1 if i and lows[i - 1] in {"the", "a"} else i
    return j > 0 and lows[j - 1] in {"at", "pale", "in", "kwenye"}


_EVENTS = {
    "wedding", "party", "event", "harusi", "sherehe", "graduation", "funeral", "burial", "ruracio", "ceremony",
    "birthday", "anniversary", "shoot", "conference", "ngurario", "matanga", "mazishi",
}  # fmt: skip


def _a_day_to_come(msg: Analysed, day: Period) -> bool:
    """ "she left 4,000 and will bring the rest on Friday": the day of what is still to happen."""
    start = day.span[0]
    return bool({"atalipa", "ataleta", "atamaliza", "atakuja", "watalipa"} & set(msg.lows[max(0, start - 6) : start]))


def _an_events_day(msg: Analysed, day: Period) -> bool:
    """A day said right after an event the money is for ("for their wedding on 14 November")."""
    lows, start = msg.lows, day.span[0]
    linked = {
        "on",
        "ya",
        "tarehe",
        "siku",
        "from",
    }  # "for their stay from 12 to 15 September"  # "wedding on 14th", "harusi ya tarehe 20"
    said_as_its_day = lows[start] in linked or (start > 0 and lows[start - 1] in linked)
    return said_as_its_day and bool(_EVENTS & set(lows[max(0, start - 5) : start]))


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
            [m for m in EXPENSE_CUES.all(msg.lows) if not _refunded_me(msg, m) and not _pay_came_in(msg, m)]
            + [m for m in INCOME_CATEGORIES.all(msg.lows) if _refunded_to(msg, m)],
            key=lambda m: m.start,
        ),
        income_cues=[
            m
            for m in INCOME_CUES.all(msg.lows)
            if not _i_have_paid(msg, m)
            and not _was_made(msg, m)
            and not _brought_goods(msg, m)
            and not _someone_else_was_paid(msg, m)
            and not _got_things(msg, m)
            and not _paid_a_worker(msg, m)
            and not _caught_goods(msg, m)
            and not (m.phrase == "deposit" and not {"from", "kutoka"} & set(msg.lows[m.end : m.end + 4]))
        ],
        expense_categories=[m for m in EXPENSE_CATEGORIES.all(msg.lows) if not _on_credit(msg, m)],
        income_categories=[m for m in INCOME_CATEGORIES.all(msg.lows) if not _refunded_to(msg, m)],
    )


def _only_name_parts(name: str) -> bool:
    """ "rent ya store paid": "Store" alone names no one."""
    return all(word.lower() in NAME_PARTS for word in name.split())


def _from_a_supplier(msg: Analysed) -> bool:
    return "refund" not in msg.lows and _from_one_of(msg, set(v.SUPPLIER_WORDS))


def _from_a_customer(msg: Analysed) -> bool:
    return _from_one_of(msg, {*v.CUSTOMER_WORDS, "customers", "clients", "wateja"})


def _from_one_of(msg: Analysed, people: set[str]) -> bool:
    """Money or goods "from the wholesaler", "kutoka kwa mteja": who the other side was."""
    lows = msg.lows
    return any(low in {"from", "kutoka"} and set(lows[j + 1 : j + 3]) & people for j, low in enumerate(lows))


_NOT_DOING = {"kutoka", "kubwa", "kushoto", "kulia", "kumbe"}  # ku- words that name no work done
_WORK = PhraseTable.of(("repair", "repairs", "fixing", "service", "services", "work", "job", "jobs", "kazi"))


def _from_work(msg: Analysed) -> range | None:
    """ "3,500 from phone repair", "2k from kuchaji simu", "got 1,500 from the car wash": money that came
    from work done (a service word or a Swahili ku- verb after "from"), not from a person."""
    lows = msg.lows
    for j, low in enumerate(lows):
        if low not in {"from", "kutoka", "toka"}:
            continue
        k = j + 1
        while k < len(lows) and lows[k] in _ARTICLES:
            k += 1
        if k >= len(lows):
            break
        doing = len(lows[k]) > 5 and lows[k].startswith("ku") and lows[k] not in _NOT_DOING
        # the work word first, or after a thing it was done to ("phone repair", "car wash"), never a name
        at = {k} | ({k + 1} if lows[k] in KNOWN_WORDS and msg.tokens[k].text.islower() else set())
        worked = any(m.start in at for m in [*_WORK.all(lows), *INCOME_CATEGORIES.all(lows)])
        if doing or worked:
            return range(k, min(len(lows), k + 3))
    return None


_CASH_WORDS = {"cash", "money", "pesa", "doh", "ganji", "mapato", "takings"}
_BUSINESS_PLACES = {
    "kiosk", "shop", "duka", "stall", "kibanda", "till", "salon", "business", "biashara", "counter", "carwash",
    "wash", "canteen", "hotel", "restaurant", "bar", "stand", "booth", "cyber", "machine", "mashine", "matatu",
    "boda", "bodaboda", "route", "kioski",
}  # fmt: skip


def _takings_from_the_business(msg: Analysed) -> bool:
    """ "cash from the kiosk", "pesa kutoka duka": money the owner's own place of business made (the owner's
    withdrawals are moves, read before this)."""
    lows = msg.lows
    for j, low in enumerate(lows[:-1]):
        if (
            low in _CASH_WORDS
            and lows[j + 1] in {"from", "kutoka", "toka"}
            and _BUSINESS_PLACES & set(lows[j + 2 : j + 5])
        ):
            return True
    return False


_HEADS = {"pax", "guests", "guest", "clients", "wateja"}


def _per_head(msg: Analysed) -> bool:
    lows = msg.lows
    return any(low in _HEADS and j and lows[j - 1][:1].isdigit() for j, low in enumerate(lows))


def _paid_for_what_was_sold(msg: Analysed, ev: Evidence) -> bool:
    """A service the business sells, its amount, then a bare "paid" ("Room 3 two nights 7,000 paid cash"):
    the customer paid. Costs ("rent 5,000 paid cash") name an expense category instead."""
    if not ev.income_categories or ev.expense_categories or ev.income_cues or ev.amount is None:
        return False
    if {"from", "kutoka", "for", "kwa"} & set(msg.lows):
        return False  # "Chemicals and relaxers for the salon from Marini Naturals, 6,200 paid": bought
    paid = [m for m in ev.expense_cues if m.phrase in {"paid", "pd"}]
    return len(paid) == len(ev.expense_cues) == 1 and paid[0].start > ev.amount.start


def _money_from_someone(msg: Analysed, amount: Amount) -> bool:
    """The amount, then "from" a person ("3k from Chebet", "Thao 4 za mayai kutoka kwa Hotel Tulip"): the
    money came from them. Goods said first ("sugar 2 bags from Ahmed 7k") came from a seller instead."""
    lows = msg.lows
    if amount.start > 1:
        return False  # said first, as the news: "3k from Chebet"
    if {"@", "x", "each", "at", "kila", "per"} & set(lows[amount.start : amount.end]):
        return False  # "tilapia 20kg @380 from jaboya Okoth": goods counted and priced came from a seller
    j = amount.end
    if j + 1 < len(lows) and lows[j] in {"ya", "za", "for"} and lows[j + 1] not in {"from", "kutoka"}:
        j += 2  # "… za mayai kutoka kwa …": what it was for, between the money and its payer
    if j >= len(lows) or lows[j] not in {"from", "kutoka", "toka"}:
        return False
    k = j + 2 if j + 1 < len(lows) and lows[j + 1] == "kwa" else j + 1
    if k >= len(lows) or lows[k] in v.SUPPLIER_WORDS or lows[k] in v.WELL_KNOWN_BUSINESSES:
        return False
    return lows[k] not in v.STOPWORDS and name_at(msg, k, limit=3) is not None


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


def _refunded_me(msg: Analysed, cue: Match) -> bool:
    """ "Equity refunded me 500", "I was refunded 300": a refund to the owner is money in."""
    lows = msg.lows
    after = lows[cue.end] if cue.end < len(lows) else ""
    before = lows[cue.start - 1] if cue.start else ""
    return cue.phrase == "refunded" and (after in {"me", "us"} or before in {"was", "were", "got", "been"})


def _got_things(msg: Analysed, cue: Match) -> bool:
    """ "got them from Kenchic", "got it at Naivas": things got, not money (money got says how much)."""
    lows = msg.lows
    return cue.phrase == "got" and cue.end < len(lows) and lows[cue.end] in {"them", "those", "these"}


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
# Someone of the business paying a worker or a rider: "Kiprop alilipa boda mia tatu kupeleka mbolea".
_THEY_PAID = {"paid", "has paid", "amelipa", "alilipa", "wamelipa", "walilipa"}
_HIRED_HANDS = (
    _STAFF | _PAID_TRADES | {"boda", "bodaboda", "rider", "casuals", "casual", "loaders", "kibarua", "vibarua"}
)


# "coop pay imeingia 38,750", "Brookside Feb pay 71,340 imeingia bank": the pay is a payout that arrived.
_ARRIVED = {"imeingia", "zimeingia", "imeingiza", "came", "credited", "imefika", "reflected", "received", "arrived"}


def _pay_came_in(msg: Analysed, match: Match) -> bool:
    if match.phrase not in {"pay", "payment"} or match.start == 0:
        return False
    return bool(_ARRIVED & set(msg.lows[match.end : match.end + 4]))


_CAUGHT = {"nimeshika", "nmeshika", "tumeshika", "nilishika"}
_MONEY_WORDS = {"doh", "pesa", "ganji", "cash", "mulla", "dough", "money", "ksh", "kes", "sh", "bob"}


def _caught_goods(msg: Analysed, match: Match) -> bool:
    """ "nimeshika 15k" caught money; "nimeshika bero ya t-shirt" picked up a bale of goods."""
    if match.phrase not in _CAUGHT or match.end >= len(msg.lows):
        return match.phrase in _CAUGHT
    nxt = msg.lows[match.end]
    return not (nxt[0].isdigit() or nxt in _MONEY_WORDS or nxt in v.NUMBER_WORDS)


def _paid_a_worker(msg: Analysed, match: Match) -> bool:
    return match.phrase in _THEY_PAID and match.end < len(msg.lows) and msg.lows[match.end] in _HIRED_HANDS


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
    if any(m.end <= j for m in EXPENSE_CATEGORIES.all(lows)) and not {"i", "we", "me", "us"} & set(lows[:j]):
        return True  # "Salaries for May have been paid", "The fuel for the trip has been paid": a cost paid
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
        after_by = msg.lows[cue.end + 1] if cue.end + 1 < len(msg.lows) else ""
        if nxt == "by" and after_by in _MEANS_OF_PAYING:
            continue  # "paid by card", "paid by cheque": how it was paid, not who paid
        if nxt in {"me", "us", "by"}:
            return True
        if _payer_before(msg, cue.start):
            return True  # "customer paid 800", "they paid 38,400", "mteja wa IG 0708 334 556 sent 1,350"
        if _titled_or_platform_payer(msg, cue.start):
            return True
        before = name_before(msg, cue.start)
        said_first = before and before.lower() not in {"i", "we", "nime", "tume"} and not _only_name_parts(before)
        if said_first and not route_end(msg, cue.start - len((before or "").split())):
            return True
    return False


_MEANS_OF_PAYING = {
    "card", "cash", "cheque", "check", "mpesa", "m-pesa", "bank", "transfer", "rtgs", "eft", "visa", "mastercard",
    "credit", "debit", "paybill", "till", "standing", "direct", "swift",
}  # fmt: skip
# Said alone before "paid", these are someone paying the owner: an elder or a lady served ("Mzee paid for
# the function"), or the platform a driver or seller works through ("Uber paid out 14,600").
_TITLES = {"mzee", "mama", "madam", "madame", "sir", "bwana", "auntie", "aunty", "uncle", "boss", "mheshimiwa"}
_PLATFORMS = {"uber", "bolt", "glovo", "jumia", "ola", "littlecab", "kilimall", "airbnb", "booking.com"}
_CLAUSE_START = {",", ".", ";", ":", "!", "and", "na", "then", "so", "...", "…"}


def _titled_or_platform_payer(msg: Analysed, i: int) -> bool:
    lows = msg.lows
    if not i or lows[i - 1] not in _TITLES | _PLATFORMS:
        return False
    return i == 1 or lows[i - 2] in _CLAUSE_START


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
    first = 1 if msg.lows[0] in _TODAY_WORDS and len(msg.lows) > 1 else 0  # "Today Mama Njeri came and bought"
    found = name_at(msg, first, limit=3)
    if found is None or _STAFF & set(msg.lows) or any(w in v.SUPPLIER_WORDS for w in msg.lows):
        return None
    name, end = found
    if end < len(msg.lows) - 1 and msg.lows[end] in {"-", ":"} and msg.lows[end + 1][:1].isdigit():
        # "Moraa - 2 strips Flagyl + 1 ORS sachet, paid 260": the customer, then what they took
        return name if "paid" in msg.lows[end:] and not {"i", "we"} & set(msg.lows) else None
    at = end + 1 if end < len(msg.lows) - 1 and msg.lows[end] in {"has", "have", "just"} else end
    if msg.lows[at : at + 2] == ("came", "and"):
        at += 2  # "Mama Njeri came and bought 15 trays"
    if at >= len(msg.lows) - 1 or msg.lows[at] not in _TOOK or name.lower() in {"i", "we"}:
        return None
    if any(a.start == at + 1 and a.score >= 0 for a in find_amounts(msg)):
        return None  # "took 800" is money taken ("took 3 Ventolin inhalers" took goods)
    return name


_SOLD_WORDS = PhraseTable.of(
    ("sold", "sell", "sale", "sales", "mauzo", "nimeuza", "niliuza", "tumeuza", "ameuza", "imeuza", "selling",
     "nmeuza", "tuliuza", "wameuza", "nimemuuzia", "nilimuuzia", "nimewauzia", "niliwauzia")
)  # fmt: skip
# School fees collected from parents (a daycare, a tutor) are the business's service, not the owner's fees.
_FEES_COLLECTED = PhraseTable.of(("school fees", "fees", "ada", "karo", "ada ya shule", "karo ya shule"))
_TODAY_WORDS = {"today", "leo", "yesterday", "jana", "juzi"}
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
    if j and lows[j - 1] == ")" and "(" in lows[:j]:
        j = max(k for k in range(j) if lows[k] == "(")  # "The Okafor family (5 guests) paid": past the aside
    while j and (lows[j - 1][0].isdigit() or lows[j - 1] == "+" or lows[j - 1] in _TODAY_WORDS):
        j -= 1  # "customer 0791234567 paid", "mteja 0712 448 903 sent", "clients today paid"
    if j and lows[j - 1] in _PAYERS:
        return True
    # "mteja wa IG sent", "client from Kampala paid", "a client in the US paid": the payer, then who or
    # where they are, in at most three words with no break between.
    for k in range(max(0, j - 5), j - 2):
        between = lows[k + 2 : j]
        if (
            lows[k] in v.CUSTOMER_WORDS
            and lows[k + 1] in {"wa", "from", "kutoka", "of", "in"}
            and len(between) <= 3
            and not any(w in _BREAKS for w in between)
        ):
            return True
    return False


_BREAKS = {",", ".", ";", "and", "na", "but", "i", "we"}


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
        and not any(m.value == "transport" for m in ev.expense_categories)  # "lorry from Machakos": where from
        and _from_someone(msg)
    ):  # ("bank charges 640 from Equity" were charged by the bank)
        if _counted_goods(msg):
            expense += 3  # "screen protectors 30pcs 1.5k from Simu Spares": goods bought from them
        else:
            income += 3  # "consultation fee 1,500 from Rotich": money from a person, no paying verb
    if ev.amount is not None and not ev.expense_cues and _money_from_someone(msg, ev.amount):
        income += 5  # "Elfu tatu kutoka kwa Chepkoech ya mayai": the money came from her, for eggs
    if _per_head(msg):
        income += 3  # "4 pax x 2,500", "12 guests @ 1,500": charged by the head
    if not ev.expense_cues and _takings_from_the_business(msg):
        income += 5  # "Today's cash from the water kiosk: 3,675": what the business brought in
    work = _from_work(msg)
    if work is not None and not ev.expense_cues:
        income += 5  # "3,500 from phone repair", "2k from kuchaji simu": earned by work done
    if _from_a_customer(msg):
        income += 4  # "2k from mteja wa tiktok", "deposit from a client": a customer paid
    elif not ev.income_cues and _from_a_supplier(msg):
        expense += 3  # "Braid attachments from the wholesaler in Ruiru, 6,300": bought from them
    sold_then_paid = _paid_for_what_was_sold(msg, ev)
    if sold_then_paid:
        income += 5  # "Room 3 two nights 7,000 paid cash": what the guest had, then paid — money in
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
    if kind == "income" and category is None and _EVENTS & set(msg.lows) and not _SOLD_WORDS.first(msg.lows):
        category = "services"  # "12k from Brian for the graduation party": an event served, nothing sold
    if kind == "income" and category is None and work is not None and not ev.expense_cues:
        category = "services"
    spent_on = {m.value for m in ev.expense_categories}
    if kind == "income" and category is None and "repairs" in spent_on and not _SOLD_WORDS.first(msg.lows):
        category = "services"  # "paid by Onyango for the repair of his gearbox": the owner's work
    if kind == "income" and category is None and spent_on == {"rent"}:
        category = "other_income"  # "nimepokea kodi ya chumba kutoka kwa mpangaji": rent collected
    if kind == "income" and category is None and _SOLD_WORDS.first(msg.lows):
        category = "sales"  # "leo boutique imeuza 11,200", "got 1,800 from selling leftover cupcakes"
    if kind == "income" and category is None and _FEES_COLLECTED.first(msg.lows) and "refund" not in msg.lows:
        category = "services"  # "Mama Tasha ameleta school fees ya term hii 12k"
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
    if work is not None:
        skip.update(work)  # "from kuchaji simu": what was done, no one's name
    verbs = {m.start for m in ev.expense_cues + ev.income_cues}
    buyer = _buyer(msg) if kind == "income" else None
    if buyer and not category:
        slots["category"] = category = "sales"  # "Apiyo took 4kg of goat meat and paid": goods sold
    who = buyer or counterparty(msg, skip, verbs, income=kind == "income", travel=category == "transport")
    if who:
        slots["counterparty"] = who
    if day is not None and (_an_events_day(msg, day) or _a_day_to_come(msg, day)):
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
    # "delivery fee 300 from Mama Njeri", "transport charge 500 from Otieno": a fee she paid the owner,
    # or one he charged? With no verb either way, asked.
    travel_fee_from = (
        not (ev.expense_cues or ev.income_cues)
        and any(m.value in {"transport", "fees"} for m in ev.expense_categories)
        and _from_someone(msg)
    )
    # "laundry 4.5k paid": a service sold or one bought? Read as sold (the rooms case), but asked.
    if (income and expense and abs(income - expense) <= 1) or travel_fee_from or sold_then_paid:
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
