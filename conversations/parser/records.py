"""Money in and money out: record_expense / record_income and their slots."""

from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.amounts import Amount, find_amounts
from conversations.parser.currency import foreign_currency
from conversations.parser.dates import Period
from conversations.parser.names import NAME_PARTS, counterparty, name_at, name_before
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
# Money in that names goods was a sale ("for nails and timber"); services name themselves.
_GOODS = {"stock", "equipment", "supplies"}
_TOTAL_WORDS = {"total", "totals", "jumla", "altogether", "yote"}
_RANGE_WORDS = {"to", "or", "-", "au", "ama", "hadi", "mpaka"}
_UNIT_PRICE_BEFORE = {"at", "@", "each"}
_UNIT_PRICE_AFTER = {"each", "per", "kila", "@"}
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


def pick_category(matches: list[Match]) -> str | None:
    if not matches:
        return None
    longest = max(len(m.phrase) for m in matches)
    if longest > 8:  # a specific phrase ("transaction charges") beats single words
        return next(m.value for m in matches if len(m.phrase) == longest)
    values = {m.value for m in matches}
    for category in _PRIORITY:
        if category in values:
            return category
    return matches[0].value


def money_amount(msg: Analysed, skip: set[int]) -> Amount | None:
    """The amount of money, with "3 bags at 500 each" multiplied out."""
    candidates = [a for a in find_amounts(msg) if not set(range(a.start, a.end)) & skip and not _each_word(msg, a)]
    if not candidates:
        return None
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
    totals = [
        a
        for a in candidates
        if _TOTAL_WORDS & set(msg.lows[max(0, a.start - 3) : a.end + 2]) or (a.start and msg.lows[a.start - 1] == "=")
    ]
    if totals:
        candidates = totals
        if len(totals) == 1:
            return totals[0] if totals[0].score >= -1 else None
    # "300 siku mbili zilizopita": the word after the number starts a date, not a unit of goods.
    candidates = [replace(a, score=max(a.score, 0)) if a.end in skip else a for a in candidates]
    # "rent ni 20k but nimelipa 12k": of equally sure amounts, the one the paying verb names.
    verbs = {m.end for m in EXPENSE_CUES.all(msg.lows) + INCOME_CUES.all(msg.lows)}
    best = max(candidates, key=lambda a: (a.score, a.score >= 2 and a.start in verbs, abs(a.value)))
    if _a_range(msg, candidates):
        return None  # "400 to 500", "1000 or 1200": the conversation asks which
    # "4 trays kila moja 450", "mandazi 30 kwa 10 kila moja": the amount priced each, times the count.
    priced = [a for a in candidates if _priced_each(msg, a)]
    if priced and not totals and any(a.score <= 0 and a.start < priced[-1].start for a in candidates):
        best = priced[-1]  # a price each, with the count before it: multiplied out below
    counts = [a for a in candidates if a is not best and a.score <= 0 and a.start < best.start]
    if counts and _priced_each(msg, best):
        qty = counts[-1]
        return Amount(qty.value * best.value, qty.start, best.end, best.score)
    if best.score < -1:
        return None  # only counts ("sold 10 loaves"): the amount is missing
    return best


def _each_word(msg: Analysed, amount: Amount) -> bool:
    """The "moja" of "kila moja" (each one) is no amount."""
    return amount.start > 0 and msg.lows[amount.start - 1] == "kila" and msg.lows[amount.start] in {"moja", "mmoja"}


def _priced_each(msg: Analysed, amount: Amount) -> bool:
    lows = msg.lows
    before = lows[amount.start - 1] if amount.start else ""
    before2 = " ".join(lows[max(0, amount.start - 2) : amount.start])
    after = lows[amount.end] if amount.end < len(lows) else ""
    return before in _UNIT_PRICE_BEFORE or before2 in {"kila moja", "kila mmoja"} or after in _UNIT_PRICE_AFTER


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
        expense_cues=EXPENSE_CUES.all(msg.lows),
        income_cues=[m for m in INCOME_CUES.all(msg.lows) if not _i_have_paid(msg, m) and not _was_made(msg, m)],
        expense_categories=[m for m in EXPENSE_CATEGORIES.all(msg.lows) if not _on_credit(msg, m)],
        income_categories=INCOME_CATEGORIES.all(msg.lows),
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


def _i_have_paid(msg: Analysed, cue: Match) -> bool:
    """ "I have paid rent": money out, though "Otieno has paid" is money in."""
    return cue.phrase in ("have paid", "has paid") and cue.start > 0 and msg.lows[cue.start - 1] in {"i", "we"}


def _someone_paid_me(msg: Analysed, cues: list[Match]) -> bool:
    """ "Otieno paid 2000", "paid by Otieno", "paid me": money came in."""
    for cue in cues:
        if msg.lows[cue.start] != "paid":
            continue
        nxt = msg.lows[cue.end] if cue.end < len(msg.lows) else ""
        if nxt in {"me", "us", "by"}:
            return True
        if cue.start and msg.lows[cue.start - 1] in _PAYERS:
            return True  # "customer paid 800", "they paid 38,400"
        if cue.start > 1 and msg.lows[cue.start - 1][0].isdigit() and msg.lows[cue.start - 2] in _PAYERS:
            return True  # "customer 0791234567 paid 650"
        before = name_before(msg, cue.start)
        if before and before.lower() not in {"i", "we", "nime", "tume"} and not _only_name_parts(before):
            return True
    return False


def record_intent(
    msg: Analysed, ev: Evidence, today: date, day: Period | None = None, kind: str | None = None
) -> Intent:
    """Builds record_income or record_expense; the amount may be missing (the dialogue asks). `kind`
    ("income" or "expense") is the direction when another reader (the intent model) decided it."""
    income = len(ev.income_cues) * 2 + len(ev.income_categories)
    expense = len(ev.expense_cues) * 2 + len(ev.expense_categories)
    paid_me = _someone_paid_me(msg, ev.expense_cues)
    if paid_me:
        income += 4  # "Mama Atieno paid 2,750 for padlocks": what it was for is what she bought
    elif not ev.expense_cues and not _GOODS & {m.value for m in ev.expense_categories} and _from_someone(msg):
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
    category = pick_category(ev.income_categories) if kind == "income" else pick_category(ev.expense_categories)
    if kind == "income" and category is None and {m.value for m in ev.expense_categories} & _GOODS:
        category = "sales"  # "received 9,400 from Wafula for nails and timber": goods were sold
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
    who = counterparty(msg, skip, verbs)
    if who:
        slots["counterparty"] = who
    slots["date"] = (day.start if day else today).isoformat()
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
