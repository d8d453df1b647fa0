"""Finding the amount of money in a message: "15k", "Ksh 1,500", "elfu mbili mia tano", "tatu thao"."""

import re
from dataclasses import dataclass
from decimal import Decimal

from conversations.parser import vocabulary as v
from conversations.parser.currency import NAMES as FOREIGN
from conversations.parser.phones import grouped_phone
from conversations.parser.text import Analysed, Token
from finance.money import D, MoneyError

_DIGITS_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]*)$")
# "3,5k", "1,2k": a decimal comma, as many phones type it; before k or m it cannot be thousands.
_DECIMAL_COMMA_RE = re.compile(r"^(\d{1,3}),(\d{1,2})(k|m)$")
_COUNTED = {"kg", "kgs", "pcs", "pc", "ltr", "ltrs", "lts", "litres", "liters", "l", "bags", "ctns", "pkts"}
_SUFFIXES = {
    "": 1,
    "k": 1000,
    "m": 1_000_000,
    "bob": 1,
    "ksh": 1,
    "kes": 1,
    "sh": 1,
    "thao": 1000,
    "mil": 1_000_000,
}
_CURRENCY_SUFFIXES = {"bob", "ksh", "kes", "sh"}
_SHILLING_WORDS = {"bob", "shillings", "shilingi", "ksh", "kshs", "kes", "/-", "/="}
_CURRENCY_BEFORE = {"ksh", "kshs", "kes", "sh", "shs", "ksh.", "sh."}
_TIME_SUFFIXES = {"am", "pm", "hrs", "h", "hr", "hours", "min", "mins"}
_REFERENCE_WORDS = {
    "inv",
    "invoice",
    "no",
    "number",
    "#",
    "namba",
    "nambari",
    "ref",
    "till",
    "paybill",
    "account",
}
_MONTH_WORDS = set(v.MONTHS)
_IDENTIFIERS = {
    "till", "paybill", "account", "acc", "a/c", "meter", "prn", "goods", "ref", "reference", "code", "id",
    "pin", "namba", "nambari", "business", "agent", "store", "bill",
}  # fmt: skip

_PERCENT = {"%", "percent", "asilimia"}

_SMALL_WORDS = v.NUMBER_WORDS
_PRE = v.PRE_MULTIPLIERS
_POST = {k: m for k, m in v.POST_MULTIPLIERS.items() if k != "k"}
_RUN_WORDS = set(_SMALL_WORDS) | set(_PRE) | set(_POST) | set(v.AMOUNT_WORDS)
_UNITS = set(v.UNIT_WORDS)
_HALF = {"nusu", "half"}


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    start: int  # token span in the message
    end: int
    score: int  # how sure we are this is money rather than a count


def _phone_like(digits: str, token: Token, prev: str) -> bool:
    plain = digits.replace(",", "")
    if prev == "+":
        return True
    return (
        (len(plain) == 10 and plain.startswith("0"))
        or (len(plain) == 12 and plain.startswith("254"))
        or (len(plain) == 9 and plain[0] == "7" and "," not in digits)
        # "0712 345 678": an amount never starts with a zero; a phone written in groups does.
        or (len(plain) >= 3 and plain.startswith("0") and plain.strip("0") != "" and "," not in digits)
    )


# Kenyan number plates: "KCD 482M" (cars), "KMFT 123A" (motorbikes), "GKB 123A" (government).
_PLATE_PREFIX_RE = re.compile(r"(?:k[a-z]{2}|km[a-z]{2}|gk[a-z])")


def _digit_amount(msg: Analysed, i: int) -> Amount | None:
    tokens, lows = msg.tokens, msg.lows
    token = tokens[i]
    m = _DIGITS_RE.match(token.low) or _DIGITS_RE.match(_DECIMAL_COMMA_RE.sub(r"\1.\2\3", token.low))
    if not m:
        return None
    whole, frac, suffix = m.groups()
    if len(whole) > 18 or (frac and len(frac) > 6):
        return None  # a serial number or a pasted code, not money
    prev = lows[i - 1] if i > 0 else ""
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    if suffix in _COUNTED and not frac and "," not in whole:
        # "sold 5kg mgongo wazi @120", "tilapia 20kg @380": a weight or a count, times the price each
        return Amount(D(whole), i, i + 1, -3)
    if suffix and suffix not in _SUFFIXES:
        return None  # 12th, 3pm
    if nxt in _PERCENT or prev == "asilimia":
        return None  # "1.5%", "asilimia 10": a share, never money
    if i and len(prev) == 1 and prev.isalpha() and prev != "x" and tokens[i - 1].end == token.start:
        return None  # "B4", "A6": a house, a stall or a size, never money ("x5" is five of them)
    if _phone_like(whole, token, prev):
        return None
    plate = _PLATE_PREFIX_RE.fullmatch(prev) and prev not in v.CURRENCY_WORDS and prev not in {"kes", "ksh", "kshs"}
    if len(whole) == 3 and suffix and len(suffix) == 1 and plate:
        return None  # "lori KCD 482M", "KMFT 123A": a number plate, not Ksh 482 million
    # dates and times: 12/06, 2026-06-12, 10:30
    if nxt in {"/", ":", "-"} and i + 2 < len(lows) and lows[i + 2][0].isdigit() and "," not in whole:
        return None  # 12/06, 10:30 ("4,560 - 20/4": an amount written with a comma is no date)
    if prev in {"/", ":"} and i >= 2 and lows[i - 2][0].isdigit() and tokens[i - 1].end == token.start:
        return None  # "10:30", "12/06" ("B1: 15k received" is an amount after a colon)
    # "INV-0420 - 115,000": the number before the dash is the invoice's, and this one its amount
    after_invoice = i >= 4 and lows[i - 3] in {"-", "#"} and lows[i - 4] in {"inv", "invoice"}
    if prev == "-" and i >= 2 and lows[i - 2][0].isdigit() and not after_invoice:
        return None
    if nxt in _TIME_SUFFIXES or nxt in _MONTH_WORDS or (prev in _MONTH_WORDS and _a_day_or_year(whole, suffix)):
        return None  # "March 3", "May 2026" ("for March 3,100", "April 15k" are money)
    back = [lows[j] for j in range(max(0, i - 2), i)]
    # "540 aah no 450": "no" after an amount (a filler between them or not) corrects it;
    # "invoice no 8891" is a number, never a correction.
    corrected = (
        prev == "no"
        and (i < 2 or lows[i - 2] not in _REFERENCE_WORDS)
        and any(lows[k][0].isdigit() or lows[k] in _RUN_WORDS for k in range(max(0, i - 4), i - 1))
    )
    # "till 5123456", "paybill 888880 acc 54321678", "meter no 37192837465", "buy goods 247247": a long
    # plain number right after the word for what it identifies is that identifier, not money.
    plain_digits = whole.replace(",", "")
    named = prev in _IDENTIFIERS or (
        prev in {"no", "number", "#", ":", "namba"} and i >= 2 and lows[i - 2] in _IDENTIFIERS
    )
    if named and len(plain_digits) >= 5 and "," not in whole and not suffix:
        return None
    # "9 thousand no 9500" corrects the amount; "till no 5123" is a reference.
    referred = any(w in _REFERENCE_WORDS for w in back) and prev in {"-", "#", "inv", "invoice", "no", "number", "."}
    # "paid her invoice 5k", "the full invoice 198000": money written as money, or too big for a number
    # (invoice_number reads these alike).
    sized = prev == "invoice" and (suffix in {"k", "m"} or "," in whole or len(plain_digits) >= 5)
    if referred and not corrected and not sized:
        return None
    end = i + 1
    if frac and len(frac) == 3 and not suffix and len(whole) <= 3 and whole != "0" and nxt not in _UNITS:
        whole, frac = whole + frac, None  # "9.800/=", "rent 10.000": shillings never run to three decimals
    # "elfu 2 500": the thousands word makes the 2 thousands; the 500 is added below, not grouped
    grouped = None if prev in _PRE or _thao_before(lows, i) else _thousands_after(msg, i, whole, frac, suffix)
    if grouped is not None:
        whole = whole + "".join(lows[i + 1 : grouped + 1])  # "2 000", "SALES FRIDAY 31 200", "1 500 000"
        end = grouped + 1
        nxt = lows[end] if end < len(lows) else ""
    try:
        value = D(whole.replace(",", "") + ("." + frac if frac else ""))
    except MoneyError:
        return None
    score = 0
    value *= _SUFFIXES[suffix]
    if suffix in ("k", "m", "thao", "mil"):
        score += 2
    if suffix == "k" and not frac and len(nxt) == 1 and nxt.isdigit() and tokens[i + 1].start == token.end:
        value += int(nxt) * 100  # "3k5", "12k5": Nairobi's way of typing 3,500 and 12,500
        end += 1
        nxt = lows[end] if end < len(lows) else ""
    if suffix in _CURRENCY_SUFFIXES:
        score += 3
    if not suffix and nxt in v.DIGIT_MULTIPLIERS:
        value *= v.DIGIT_MULTIPLIERS[nxt]
        end += 1
        score += 2
        value, end = _hundreds_after(lows, end, value)
        nxt = lows[end] if end < len(lows) else ""
    if nxt in _SHILLING_WORDS or (nxt == "/" and end + 1 < len(lows) and lows[end + 1] in {"-", "="}):
        score += 3
        end += 2 if nxt == "/" else 1
    elif nxt in FOREIGN:
        score += 3  # "40 dollars": money, in another currency (parser/currency.py names it)
        end += 1
    start = i
    if prev in _CURRENCY_BEFORE or prev in FOREIGN or (prev == "." and i >= 2 and lows[i - 2] in _CURRENCY_BEFORE):
        score += 3
        start = i - 1
    elif (prev in _PRE or _thao_before(lows, i)) and not suffix:
        value *= _PRE.get(prev, 1000)  # "elfu 5", "thao 4"
        score += 2
        start = i - 1
        value, end = _hundreds_after(lows, end, value)  # "elfu 2 500"
        nxt = lows[end] if end < len(lows) else ""
    if prev == "-" and _sign_of(tokens, i):
        value = -value  # "-500"; the dialogue refuses it politely
    elif score == 0 and nxt in _UNITS:
        score -= 3  # "10 loaves": a count
    elif score == 0 and nxt and nxt[0].isalpha() and len(whole) <= 2 and not _known_after(nxt):
        score -= 2  # "2 chairs": probably a count
    return Amount(value, start, end, score)


def _thousands_after(msg: Analysed, i: int, whole: str, frac: str | None, suffix: str) -> int | None:
    """The last of the three-digit groups that continue this number after one space ("1 350"), if any."""
    tokens = msg.tokens
    if frac or suffix or "," in whole or len(whole) > 3 or whole.startswith("0"):
        return None
    j = i
    while j + 1 < len(tokens) and _group(tokens[j + 1].low) and tokens[j + 1].start == tokens[j].end + 1:
        j += 1
    if j == i:
        return None
    if j + 1 < len(tokens) and tokens[j + 1].low.isdigit() and tokens[j + 1].start == tokens[j].end + 1:
        return None  # "1 2 3 4", "12 34 56": digits read out, not a number in groups
    after = msg.lows[j + 1] if j + 1 < len(tokens) else ""
    if after in {"each", "per", "@", "kila", "x"}:
        return None  # "soda crates 5 650 each": five crates at 650, not 5,650
    return j


def _thao_before(lows: tuple[str, ...], i: int) -> bool:
    """ "Thao 4 za mayai": Sheng's thousand said before its count, with no number before it."""
    return i >= 1 and lows[i - 1] == "thao" and (i < 2 or not (lows[i - 2][0].isdigit() or lows[i - 2] in _RUN_WORDS))


def _hundreds_after(lows: tuple[str, ...], end: int, value: Decimal) -> tuple[Decimal, int]:
    """ "2 thousand 500 for fuel", "elfu 2 500", "2 thousand 300 shillings": a recogniser's way of writing
    2,500; the smaller number after the thousands is added to them."""
    nxt = lows[end] if end < len(lows) else ""
    after = lows[end + 1] if end + 1 < len(lows) else ""
    fits = not after[:1].isalpha() or _known_after(after) or after in _SHILLING_WORDS
    if nxt.isdigit() and len(nxt) <= 3 and int(nxt) < value and fits:
        return value + int(nxt), end + 1
    return value, end


def _a_day_or_year(whole: str, suffix: str | None) -> bool:
    if suffix or "," in whole:
        return False
    number = int(whole) if whole.isdigit() else 0
    return 1 <= number <= 31 or 1990 <= number <= 2099


def _group(low: str) -> bool:
    return len(low) == 3 and low.isdigit()


def _sign_of(tokens: list[Token], i: int) -> bool:
    """A minus glued to the number and standing apart from the word before ("rent -500", not "inv-500")."""
    minus = tokens[i - 1]
    return minus.end == tokens[i].start and (i < 2 or tokens[i - 2].end < minus.start)


def _known_after(word: str) -> bool:
    return word in {
        "for",
        "to",
        "from",
        "kutoka",
        "on",
        "at",
        "ya",
        "za",
        "kwa",
        "today",
        "leo",
        "jana",
        "yesterday",
        "each",
        "only",
        "cash",
        "via",
        "by",
        "na",
        "and",
        "in",
    }


def _word_amount(msg: Analysed, i: int) -> Amount | None:
    """A run of number words starting at i, English or Swahili/Sheng order."""
    lows = msg.lows
    if lows[i] not in _RUN_WORDS or _thao_before(lows, i + 1):
        return None  # "thao 4": the digits after it take it as their thousands
    j = i
    total = 0
    current = 0
    seen = False
    group = 0  # the multiplier of the group just read: "elfu moja na nusu" adds half of it
    while j < len(lows):
        word = lows[j]
        if word in v.NUMBER_CONNECTORS and group and j + 1 < len(lows) and lows[j + 1] in _HALF:
            total += current + group // 2
            current, group = 0, 0
            j += 2
            continue
        if word in _SMALL_WORDS:
            current += _SMALL_WORDS[word]
            seen = True
        elif word in v.AMOUNT_WORDS:
            total += current + v.AMOUNT_WORDS[word]
            current = 0
            seen = True
        elif word in _PRE:
            counted_after = j + 1 < len(lows) and lows[j + 1] in _SMALL_WORDS
            if current and j > i and lows[j - 1] in _SMALL_WORDS and counted_after:
                # Swahili puts the multiplier first ("elfu tatu"): in "gunia moja elfu tatu" the "moja"
                # counts sacks, so the amount starts at "elfu".
                break
            if current and not counted_after:
                # Sheng puts it last ("tisini elfu", "hamsini elfu na moja"): the words before count it.
                total += current * _PRE[word]
                current, group = 0, _PRE[word]
                seen = True
                j += 1
                continue
            total += current
            current = 0
            count, j = _count_after(lows, j + 1)
            total += _PRE[word] * (count or 1)
            group = _PRE[word]
            seen = True
            continue
        elif word in _POST:
            mult = _POST[word]
            group = mult
            if mult == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * mult
                current = 0
            seen = True
        elif word in v.NUMBER_CONNECTORS and seen and j + 1 < len(lows) and lows[j + 1] in _RUN_WORDS:
            pass
        elif word == "a" and j + 1 < len(lows) and lows[j + 1] in _POST:
            current = 1
        else:
            break
        j += 1
    value = total + current
    if not seen or value == 0:
        return None
    words = lows[i:j]
    score = 1 if any(w in _PRE or w in _POST or w in v.AMOUNT_WORDS for w in words) else -1
    nxt = lows[j] if j < len(lows) else ""
    if nxt in _SHILLING_WORDS:
        score += 3
        j += 1
    elif score < 0 and (nxt in _UNITS or (nxt.isalpha() and not _known_after(nxt))):
        score -= 2
    elif score < 0 and j - i == 1 and value < 10:
        score -= 2  # "the car hire one", "moja": a lone small word is a count or a pronoun, never money
    return Amount(D(value), i, j, score)


def _count_after(lows: tuple[str, ...], j: int) -> tuple[int, int]:
    """The count after a Swahili multiplier: "kumi na tano", "ishirini na mbili", or digits."""
    count = 0
    while j < len(lows):
        word = lows[j]
        if word in _SMALL_WORDS:
            # "mia tatu hamsini" is 350: after a unit the count is complete, so "hamsini" is the next
            # group, not 3 + 50; only a tens word takes a unit straight after it ("elfu ishirini tano").
            if count and (count % 10 or _SMALL_WORDS[word] >= 10):
                break
            count += _SMALL_WORDS[word]
        elif (
            word in v.NUMBER_CONNECTORS
            and count
            # "kumi na tano" is one count (15); in "mia moja na tano" the "na" starts the next group.
            and count % 10 == 0
            and j + 1 < len(lows)
            and lows[j + 1] in _SMALL_WORDS
            and _SMALL_WORDS[lows[j + 1]] < 10
        ):
            pass
        else:
            break
        j += 1
    return count, j


def find_amounts(msg: Analysed) -> list[Amount]:
    found: list[Amount] = []
    grouped = grouped_phone(msg)
    phone = grouped[1] if grouped else range(0)
    i = 0
    while i < len(msg.tokens):
        if i in phone:
            i = phone.stop
            continue
        token = msg.tokens[i]
        amount = _digit_amount(msg, i) if token.is_number else _word_amount(msg, i)
        if amount is None:
            i += 1
            continue
        found.append(amount)
        i = max(amount.end, i + 1)
    return found
