"""Which of a message's amounts is the money that moved: totals, prices each, counts, corrections,
ranges, change given back and money still owed are told apart here."""

import re
from dataclasses import replace
from itertools import pairwise

from conversations.parser.amounts import Amount, find_amounts
from conversations.parser.cues import EXPENSE_CUES, INCOME_CUES
from conversations.parser.text import Analysed, PhraseTable

_TOTAL_WORDS = {"total", "totals", "jumla", "altogether", "yote"}
_RANGE_WORDS = {"to", "or", "-", "au", "ama", "hadi", "mpaka"}
_UNIT_PRICE_BEFORE = {"at", "@", "each"}
_UNIT_PRICE_AFTER = {"each", "per", "kila", "@"}

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
        "so put",  # "4,500, she paid half now so put 2,250"
        "put it as",
        "record it as",
        "nimempunguzia to",
        "nikampunguzia to",
        "nimempunguzia",
        "reduced it to",
        "reduced to",
        "discounted to",
        "brought it down to",
    )
)
_OWED_BEFORE = {
    "anadaiwa", "wanadaiwa", "owes", "owe", "owing", "remaining", "outstanding", "imebaki", "amebaki", "wamebaki",
    "arrears", "bado", "still", "leaving",
}  # fmt: skip
# A price quoted is not money that moved ("I quoted 9,500 for the screen, she left a deposit of 4,000").
_QUOTED = {"quoted", "quote", "quotation", "nilimwambia", "nikamwambia", "asking"}
# Change handed back after a payment: the amounts around it need adding up.
_CHANGE = PhraseTable.of(
    ("gave back", "given back", "gave me back", "got change", "got back", "change of", "chenji", "akanirudishia",
     "nikarudishiwa", "balance back", "returned the change", "alinirudishia")
)  # fmt: skip


def money_amount(msg: Analysed, skip: set[int]) -> Amount | None:
    """The amount of money, with "3 bags at 500 each" multiplied out."""
    candidates = [
        a
        for a in find_amounts(msg)
        if not set(range(a.start, a.end)) & skip and not _each_word(msg, a) and not _base_of_share(msg, a)
    ]
    # "sold Tecno Spark 10 at 14,000": the model's number, when a price follows it, counts nothing.
    candidates = [a for a in candidates if not (_model_number(msg, a) and any(b.start > a.end for b in candidates))]
    owed = [a for a in candidates if _still_owed(msg, a)]
    if owed and len(owed) < len(candidates):
        candidates = [a for a in candidates if a not in owed]  # "ameleta 8,000, bado anadaiwa 2k": 8,000 moved
    # "so 3,000 altogether, not 3,500 like I said": an amount said to be wrong is no candidate.
    denied = [a for a in candidates if _denied(msg, a, candidates)]
    candidates = [a for a in candidates if a not in denied]
    # "KSh 3,450 for stationery (2 reams at 650 each, ...)", "40,000 for INV-0039 (invoice total 72,000)":
    # what brackets hold explains the one amount said outside them.
    outside = [a for a in candidates if not _in_brackets(msg, a)]
    if len(outside) == 1 and len(candidates) > 1:
        candidates = outside
    # "deposit ya 15k imeingia, balance 25k next week", "20k deposit …, the total is 60k": the part paid moved
    paid_part = [a for a in candidates if _beside(msg, a, _DEPOSIT)]
    if paid_part and len(paid_part) < len(candidates):
        candidates = [a for a in candidates if a in paid_part or not _rest_of_price(msg, a)]
    discount = next((a for a in candidates if _beside(msg, a, _DISCOUNT, after=False)), None)
    if discount is not None and len(candidates) >= 2:
        return _net_of_discount(msg, candidates, discount)
    times = _times(msg, candidates)
    if times is not None:
        qty, price = times
        rest = [a for a in candidates if a is not qty and a is not price]
        product = qty.value * price.value
        stated = next((a for a in rest if a.value == product), None)
        if stated is not None:
            return stated  # "4 x 1,350 = 5,400"
        others = [a for a in rest if a.value != qty.value]  # "cartons 4 …, 4 x 1,350": the count again
        a_size = price.value < 50 or bool(others) or qty.value != qty.value.to_integral_value() or qty.value > 1000
        if not a_size:
            return Amount(product, qty.start, price.end, price.score)
        candidates = rest  # "mattress 5 x 6 for 12,000", "tiles 30 x 30": a size is no money
    if not candidates:
        return None
    change = _change_at(msg, candidates)
    if change is not None and len(candidates) >= 2:
        return _net_of_change(candidates, change)
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
    paid_at, got_at = {m.end for m in EXPENSE_CUES.all(msg.lows)}, {m.end for m in INCOME_CUES.all(msg.lows)}
    verbs = paid_at | got_at
    said_after = {a.start for a in candidates if a.score >= 0}  # "sold 4 trays …, she paid 2,480": a count
    if said_after & paid_at and said_after & got_at and not paid_at & got_at:
        return None  # "received 2000 and sent 500 to Otieno": two entries in one; the conversation asks
    # "sent 250 to 0722 911 333 500": a plain number right after the verb is the one sent, too (but
    # "Sold 150 samosas … for 7,500": a number before a noun is a count).
    best = max(candidates, key=lambda a: (a.score, a.start in verbs and _sent_as_money(msg, a), abs(a.value)))
    if _a_range(msg, candidates):
        return None  # "400 to 500", "1000 or 1200": the conversation asks which
    joined = _joined(msg, candidates)
    if joined is not None:
        return None  # "paid 1,500 and 700", "rent 10,000 and 500 for water": one entry or two? Asked.
    groups = _priced_groups(msg, candidates)
    both_ways = bool(EXPENSE_CUES.first(msg.lows)) and bool(INCOME_CUES.first(msg.lows))
    if len(groups) >= 2 and not totals and both_ways:
        return None  # "bought 3 @ 2,900 … and sold 2 @ 3,200": two entries, asked
    if len(groups) >= 2 and not totals:
        # "vibarua 5 @ 700 na mafundi 2 @ 1,200": each group multiplied out and added up, when every
        # amount belongs to one; otherwise the conversation asks.
        total = sum((qty.value * price.value for qty, price in groups), start=groups[0][0].value * 0)
        grouped = {id(a) for g in groups for a in g}
        others = [a for a in candidates if id(a) not in grouped]
        if others:  # "…, she paid 2,480": an amount said besides the groups stands only if it adds up
            return next((a for a in others if a.value == total), None)
        return Amount(total, groups[0][0].start, groups[-1][1].end, max(p.score for _, p in groups))
    # "4 trays kila moja 450", "mandazi 30 kwa 10 kila moja": the amount priced each, times the count.
    priced = [a for a in candidates if _priced_each(msg, a)]
    if priced and not totals and any(a.score <= 0 and a.start < priced[-1].start for a in candidates):
        best = priced[-1]  # a price each, with the count before it: multiplied out below
    counts = [a for a in candidates if a is not best and a.score <= 0 and a.start < best.start]
    if counts and _priced_each(msg, best):
        qty = counts[-1]
        said = [a for a in candidates if a is not best and a not in counts and a.score > 0]
        # "120 pcs TV 43 inch @ $120, ... USD 14,400": the amount said that some count times the price makes
        made = next((a for a in said for c in counts if a.value == c.value * best.value), None)
        if made is not None:
            return made
        if said:
            return None  # another amount said beside a price each that nothing multiplies to: asked
        if _bare_at(msg, best) and qty.value * best.value >= 100_000:
            return None  # "40 metres of fabric at KSh 12,800", "20 bags at 5,500": of all or each? Asked.
        return Amount(qty.value * best.value, qty.start, best.end, best.score)
    if best.score < -1:
        return None  # only counts ("sold 10 loaves"): the amount is missing
    return best


_DEPOSIT = {"deposit", "advance", "booking"}
_DISCOUNT = {"discount", "punguzo", "off"}


def _beside(msg: Analysed, amount: Amount, words: set[str], after: bool = True) -> bool:
    """One of `words` just before the amount ("deposit ya 15k", "discount of 300") or, if `after`, right
    after it ("20k deposit")."""
    lows = msg.lows
    before = lows[max(0, amount.start - 2) : amount.start]
    return bool(words & set(before)) or (after and amount.end < len(lows) and lows[amount.end] in words)


def _rest_of_price(msg: Analysed, amount: Amount) -> bool:
    """The balance still to pay or the whole price, beside a part paid: "balance 25k", "the total is 60k"."""
    before = set(msg.lows[max(0, amount.start - 3) : amount.start])
    return bool(before & {"balance", "total", "bal", "remaining", "rest"}) or _called_the_total(msg, amount)


_PAID_VERBS = {"amelipa", "alilipa", "paid", "wamelipa", "nimepokea", "received", "ametuma", "amenilipa", "alinilipa"}


def _paid_just_before(msg: Analysed, amount: Amount) -> bool:
    return bool(_PAID_VERBS & set(msg.lows[max(0, amount.start - 2) : amount.start]))


def _net_of_discount(msg: Analysed, candidates: list[Amount], discount: Amount) -> Amount | None:
    """ "ilikuwa 1500 nikampea discount ya 300, so amelipa 1200": the amount that is the price less the
    discount; with only the price and the discount, the price less it; otherwise asked."""
    rest = [a for a in candidates if a is not discount]
    for price in rest:
        paid = next((a for a in rest if a.value == price.value - discount.value), None)
        if paid is not None:
            return paid
    if len(rest) == 1 and _paid_just_before(msg, rest[0]):
        return rest[0]  # "Otieno amelipa 95k, nilimpa discount 5k": what he paid, the discount explaining it
    if len(rest) == 1 and rest[0].start < discount.start and rest[0].value > discount.value:
        return replace(rest[0], value=rest[0].value - discount.value)
    return None


def _times(msg: Analysed, candidates: list[Amount]) -> tuple[Amount, Amount] | None:
    """A count times a price each, or a size: "4 x 1,350", "6 bags x 3,250", "5 x 6"."""
    for qty, price in pairwise(candidates):
        between = msg.lows[qty.end : price.start]
        if between in (("x",), ("*",)) or (len(between) == 2 and between[1] == "x" and between[0].isalpha()):
            return qty, price
    return None


def _joined(msg: Analysed, candidates: list[Amount]) -> tuple[Amount, Amount] | None:
    """The only two amounts, said with just "and" or "na" between them."""
    if len(candidates) != 2:
        return None
    first, second = candidates
    between = msg.lows[first.end : second.start]
    plain = first.score >= 0 and second.score >= 0 and second.value > 0
    return (first, second) if plain and between in (("and",), ("na",)) else None


def _denied(msg: Analysed, amount: Amount, candidates: list[Amount]) -> bool:
    """ "it was 3,200 not 3,300", "si 5,000": an amount said right after "not", once another was said."""
    lows = msg.lows
    before = lows[amount.start - 1] if amount.start else ""
    return before in {"not", "si", "sio", "wasnt", "isnt"} and any(a.end <= amount.start for a in candidates)


def _change_at(msg: Analysed, candidates: list[Amount]) -> int | None:
    """Where the change handed back is said: "gave back 150", "chenji 200", "gave me a hundred back"."""
    change = _CHANGE.first(msg.lows)
    if change is not None:
        return change.end
    lows = msg.lows
    for a in candidates:
        handed = {"gave", "give", "given", "returned", "got", "alinipa", "akanipa"} & set(
            lows[max(0, a.start - 4) : a.start]
        )
        if a.end < len(lows) and lows[a.end] == "back" and handed:
            return a.start
    return None


def _priced_groups(msg: Analysed, candidates: list[Amount]) -> list[tuple[Amount, Amount]]:
    """Each count followed by its price each ("5 @ 700", "2 bags @3,100"), in order."""
    groups: list[tuple[Amount, Amount]] = []
    lows = msg.lows
    for qty, price in pairwise(candidates):
        priced_qty = qty.start > 0 and lows[qty.start - 1] in _UNIT_PRICE_BEFORE
        # "gauge 30 @ 950": a number followed by "@" is counted or priced next, not a price itself
        counted_next = price.end < len(lows) and lows[price.end] in {"@", "x", "at"}
        taken = bool(groups) and groups[-1][1] is qty
        near = price.start - qty.end <= 3
        if near and qty.score <= 0 and not (priced_qty or counted_next or taken) and _priced_each(msg, price):
            groups.append((qty, price))
    return groups


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


def _in_brackets(msg: Analysed, amount: Amount) -> bool:
    before = msg.lows[: amount.start]
    return before.count("(") > before.count(")")


def _still_owed(msg: Analysed, amount: Amount) -> bool:
    """ "bado anadaiwa 2k", "still owes 2,000", "3k remaining": what is left to pay has not moved."""
    before = set(msg.lows[max(0, amount.start - 3) : amount.start])
    after = set(msg.lows[amount.end : amount.end + 2])
    return bool(
        before & _OWED_BEFORE
        or before & _QUOTED
        or after & {"remaining", "remains", "left", "pending", "outstanding", "imebaki", "bado"}
        or _said_unpaid(msg.lows, amount.end)
    )


# "sijalipa", "hajalipa", "hatujalipwa": not yet done, in the negative perfect.
_NOT_YET_DONE = re.compile(r"^(?:si|ha|hatu|hawa)ja[a-z]{3,}$")


def _said_unpaid(lows: tuple[str, ...], end: int) -> bool:
    """ "ile 2k ya stock bado sijalipa", "the 3k for the welder not yet paid": the clause after the amount
    says it has not moved."""
    clause: list[str] = []
    for low in lows[end : end + 6]:
        if low in {",", ".", ";", "but", "lakini"} or low[0].isdigit():
            break
        clause.append(low)
    said = " ".join(clause)
    return any(_NOT_YET_DONE.match(w) for w in clause) or "not yet" in said or "unpaid" in clause


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


# Words a phone or gadget model's number follows ("iphone 13", "galaxy a15", "redmi note 12").
_MODEL_WORDS = {"iphone", "galaxy", "note", "spark", "camon", "pova", "redmi", "pro", "max", "plus", "tab", "hot"}


def _model_number(msg: Analysed, amount: Amount) -> bool:
    """ "sold Tecno Spark 10 at 14,000": a small number after a brand or a capitalised name, with no goods
    after it, is the model's, not a count of the price."""
    tokens, lows = msg.tokens, msg.lows
    i = amount.start
    if amount.end - i != 1 or amount.score > 0 or i < 2 or not lows[i].isdigit() or len(lows[i]) > 3:
        return False
    prev, nxt = tokens[i - 1], (lows[i + 1] if i + 1 < len(lows) else "")
    capitalised = prev.text[:1].isupper() and prev.low.isalpha() and not prev.text.isupper() and len(lows[i]) <= 2
    named = prev.low in _MODEL_WORDS or capitalised
    return named and (not nxt[:1].isalpha() or nxt in _INTRODUCERS or nxt in {"at", "cash", "@"})


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
