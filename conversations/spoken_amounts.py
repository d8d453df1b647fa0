"""Is a spoken amount one well-formed number? A voice note's amounts are checked before KAVI acts.

A recognizer that mishears one word still writes number words, and the parser reads them as some
number: "four thousand moja" is 4,001, "mia tano sita" is 506. Only the shape tells that a word was
misheard, so an amount heard in a voice note is acted on straight away only when it is a number a
person would say: one language throughout ("thao" and "k" go with either), its groups largest
first, a small remainder after a round group joined by "and"/"na" ("four thousand and one", "elfu
nne na moja"), and a Swahili multiplier before its count ("mia tano", not "sita mia tano"). Typed
text is never checked: a person who types "4001" or "four thousand one" meant it.
"""

import re
from collections.abc import Iterator

from conversations.parser import vocabulary as v
from conversations.parser.amounts import find_amounts
from conversations.parser.text import Analysed

# (value, index after the words read): every way a grammar can read words from an index.
Readings = Iterator[tuple[int, int]]

_EN_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety",
)  # fmt: skip
_EN = {w: v.NUMBER_WORDS[w] for w in _EN_WORDS}
_SW = {w: n for w, n in v.NUMBER_WORDS.items() if w not in _EN}
_EN_UNITS = {w: n for w, n in _EN.items() if 1 <= n <= 9}
_EN_TEENS = {w: n for w, n in _EN.items() if 10 <= n <= 19}
_EN_TENS = {w: n for w, n in _EN.items() if n >= 20}
_SW_UNITS = {w: n for w, n in _SW.items() if n <= 9}
_SW_TENS = {w: n for w, n in _SW.items() if n >= 10}  # kumi .. tisini

_EN_SCALES = {"million": 1_000_000, "thousand": 1000, "k": 1000, "thao": 1000}
_SW_SCALES = {"milioni": 1_000_000, "laki": 100_000, "elfu": 1000, "ngiri": 1000}
_SW_HUNDRED = ("mia", "soo")
_SW_AFTER_COUNT = {"elfu": 1000, "thao": 1000, "k": 1000}  # Sheng: "tisini elfu", "tano thao"
_HALF = ("nusu", "half")

# Words that belong to an amount, and the glue allowed between them.
_NUMBER = set(v.NUMBER_WORDS) | set(v.PRE_MULTIPLIERS) | set(v.POST_MULTIPLIERS) | set(v.AMOUNT_WORDS) | set(_HALF)
_GLUE = {"na", "and", "a", ",", "-"}
_FIGURE = re.compile(r"^\d[\d,]*(?:\.\d+)?(?:k|m|bob|ksh|kes|sh|thao|mil)?$")  # not "5th", "3pm", "5kg"


def ill_formed_amounts(text: str) -> list[str]:
    """The runs of number words in `text` that are not one well-formed number (empty when all are)."""
    msg = Analysed.of(text)
    return [" ".join(run) for run in _runs(msg.lows) if not well_formed(run)]


def well_formed(words: tuple[str, ...]) -> bool:
    """True when `words` (lower case) are one number said the way people say it, and the parser reads
    them as that number."""
    found = find_amounts(Analysed.of(" ".join(words)))
    first = 1 if words[0] == "a" else 0  # the parser's amount starts after the "a" of "a thousand"
    whole = [a.value for a in found if (a.start, a.end) == (first, len(words))]
    if any(w[0].isdigit() for w in words):
        # Figures are what they are; one the parser takes for no money (a phone number) is no amount.
        return _digits_shape(words) and (bool(whole) or not found)
    # Words: a complete reading, and the parser reads that same number from all of them.
    return bool(whole) and whole[0] in _values(words)


def _runs(lows: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Maximal stretches of number words, with the glue between them ("elfu nne na moja")."""
    i = 0
    while i < len(lows):
        if not _starts_number(lows, i):
            i += 1
            continue
        end = i + 1
        j = end
        while j < len(lows) and (_is_number(lows[j]) or lows[j] in _GLUE):
            j += 1
            if _is_number(lows[j - 1]):
                end = j
        run = lows[i:end]
        if any(w not in _HALF and w not in _GLUE for w in run):  # "nusu kilo" is no amount
            yield run
        i = end


def _starts_number(lows: tuple[str, ...], i: int) -> bool:
    if lows[i] == "a":  # "a thousand"
        return i + 1 < len(lows) and lows[i + 1] in v.POST_MULTIPLIERS
    return _is_number(lows[i])


def _is_number(word: str) -> bool:
    return word in _NUMBER or bool(_FIGURE.match(word))


def _digits_shape(words: tuple[str, ...]) -> bool:
    """ "15,000", "elfu 5", "5 k": one figure, with at most a multiplier word before or after it."""
    rest = list(words)
    if rest and rest[0] in v.PRE_MULTIPLIERS:
        rest.pop(0)
    if len(rest) == 2 and rest[1] in v.DIGIT_MULTIPLIERS:
        rest.pop()
    return len(rest) == 1 and rest[0][0].isdigit()


def _values(words: tuple[str, ...]) -> set[int]:
    """Every value a complete reading of `words` gives, in English or in Swahili (never a mix)."""
    if len(words) == 1 and words[0] in v.AMOUNT_WORDS:
        return {v.AMOUNT_WORDS[words[0]]}  # Sheng: "finje", "ashu"
    out = {n for n, j in _en_number(words, 0) if j == len(words)}
    out |= {n for n, j in _sw_number(words, 0) if j == len(words)}
    return out


def _at(words: tuple[str, ...], i: int) -> str:
    return words[i] if i < len(words) else ""


# --- English: "two thousand five hundred", "four thousand and one", "fifteen k" ------------------


def _en_below_100(w: tuple[str, ...], i: int) -> Readings:
    word = _at(w, i)
    if word in _EN_UNITS or word in _EN_TEENS:
        yield _EN[word], i + 1
    elif word in _EN_TENS:
        yield _EN_TENS[word], i + 1
        if _at(w, i + 1) in _EN_UNITS:
            yield _EN_TENS[word] + _EN_UNITS[_at(w, i + 1)], i + 2  # "twenty five"


def _en_below_1000(w: tuple[str, ...], i: int) -> Readings:
    yield from _en_below_100(w, i)
    yield from _en_hundreds(w, i)


def _en_hundreds(w: tuple[str, ...], i: int) -> Readings:
    counts = [(1, i + 1)] if _at(w, i) == "a" else list(_en_below_100(w, i))  # "fifteen hundred" too
    for count, j in counts:
        if _at(w, j) != "hundred":
            continue
        yield count * 100, j + 1
        if _at(w, j + 1) == "and":  # "five hundred and fifty"; "five hundred fifty" is not taken
            for rest, k in _en_below_100(w, j + 2):
                yield count * 100 + rest, k


def _en_number(w: tuple[str, ...], i: int, below: int = 10**12) -> Readings:
    """A number whose largest group is under `below`."""
    yield from _en_below_1000(w, i)
    counts = [*_en_below_1000(w, i), *([(1, i + 1)] if _at(w, i) == "a" else [])]  # "a (hundred) thousand"
    for count, j in counts:
        scale = _EN_SCALES.get(_at(w, j), 0)
        if not scale or scale >= below:
            continue
        base = count * scale
        yield base, j + 1
        for rest, k in _en_rest(w, j + 1, scale):
            yield base + rest, k


def _en_rest(w: tuple[str, ...], i: int, scale: int) -> Readings:
    """What may follow a round group: a smaller group or hundreds ("and" optional), or "and" + units."""
    starts = [i, i + 1] if _at(w, i) == "and" else [i]
    for start in starts:
        for value, k in _en_number(w, start, below=scale):
            if value >= 100:
                yield value, k
    if _at(w, i) == "and":
        yield from _en_below_100(w, i + 1)


# --- Swahili: "mia tano", "elfu mbili mia tano na hamsini", "laki moja", "tisini elfu na moja" ---


def _sw_below_100(w: tuple[str, ...], i: int) -> Readings:
    word = _at(w, i)
    if _SW_UNITS.get(word):
        yield _SW_UNITS[word], i + 1
    elif word in _SW_TENS:
        yield _SW_TENS[word], i + 1
        if _at(w, i + 1) == "na" and _at(w, i + 2) in _SW_UNITS:
            yield _SW_TENS[word] + _SW_UNITS[_at(w, i + 2)], i + 3  # "kumi na tano"


def _sw_below_1000(w: tuple[str, ...], i: int) -> Readings:
    yield from _sw_below_100(w, i)
    if _at(w, i) in _SW_HUNDRED:
        # "mia tano"; "mia" alone is a hundred ("mia na hamsini")
        counts = [(_SW_UNITS[_at(w, i + 1)], i + 2)] if _SW_UNITS.get(_at(w, i + 1)) else []
        for count, j in [*counts, (1, i + 1)]:
            yield count * 100, j
            if _at(w, j) == "na":
                for rest, k in _sw_below_100(w, j + 1):
                    yield count * 100 + rest, k


def _sw_number(w: tuple[str, ...], i: int, below: int = 10**12) -> Readings:
    """A number whose largest group is under `below`."""
    yield from _sw_below_1000(w, i)
    scale = _SW_SCALES.get(_at(w, i), 0)
    if scale and scale < below:
        # The multiplier first, then its count (the parser reads a count under a hundred there).
        for count, j in _sw_below_100(w, i + 1):
            yield count * scale, j
            yield from _sw_rest(w, j, scale, count * scale)
        # "elfu" alone is a thousand, and "elfu na mia tano" 1,500; "elfu mia moja" is not 1,100.
        yield scale, i + 1
        if _at(w, i + 1) == "na":
            yield from _sw_rest(w, i + 1, scale, scale)
    if below > 1000:
        for count, j in _sw_below_100(w, i):
            after = _SW_AFTER_COUNT.get(_at(w, j), 0)
            if after:
                yield count * after, j + 1
                yield from _sw_rest(w, j + 1, after, count * after)


def _sw_rest(w: tuple[str, ...], i: int, scale: int, base: int) -> Readings:
    """After a round group: a smaller group or hundreds ("na" optional), "na" + units, or "na nusu"."""
    starts = [i, i + 1] if _at(w, i) == "na" else [i]
    for start in starts:
        for value, k in _sw_number(w, start, below=scale):
            if value >= 100:
                yield base + value, k
    if _at(w, i) == "na":
        for value, k in _sw_below_100(w, i + 1):
            yield base + value, k
        if _at(w, i + 1) == "nusu" and scale >= 1000:
            yield base + scale // 2, i + 2  # "elfu moja na nusu": half of the group's multiplier
