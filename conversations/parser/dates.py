"""Days and periods: "jana", "last week", "mwezi uliopita", "in October", "on 12th", "12/06"."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from conversations.parser import vocabulary as v
from conversations.parser.text import Analysed, PhraseTable

_PERIODS = PhraseTable((p, key) for p, key in v.PERIOD_PHRASES.items())
_DAYS = PhraseTable(
    [(p, "0") for p in v.TODAY_WORDS]
    + [(p, "1") for p in v.YESTERDAY_WORDS]
    + [(p, "2") for p in v.DAY_BEFORE_YESTERDAY_WORDS]
)
_ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[,.]?$")
# Relative phrases dateparser reads well in both languages: "3 days ago", "siku tatu zilizopita".
_AGO_RE = re.compile(
    r"\b(?:(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|ten)\s+(?:days?|weeks?)\s+ago"
    r"|(?:siku|wiki)\s+(?:\d{1,3}|moja|mbili|tatu|nne|tano|sita|saba|kumi)\s+(?:zilizopita|iliyopita))\b",
    re.IGNORECASE,
)
_LAST_N_RE = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    span: tuple[int, int]  # tokens it came from


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _named_month(month: int, today: date, year: int | None) -> tuple[date, date]:
    if year is None:
        # "in October" said in June means last October.
        year = today.year if month <= today.month else today.year - 1
    return month_bounds(year, month)


def period_of(key: str, today: date) -> tuple[date, date]:
    monday = today - timedelta(days=today.weekday())
    match key:
        case "today":
            return today, today
        case "yesterday":
            day = today - timedelta(days=1)
            return day, day
        case "this_week":
            return monday, today
        case "last_week":
            return monday - timedelta(days=7), monday - timedelta(days=1)
        case "this_month":
            return today.replace(day=1), today
        case "last_month":
            last = today.replace(day=1) - timedelta(days=1)
            return month_bounds(last.year, last.month)
        case "this_year":
            return date(today.year, 1, 1), today
        case "last_year":
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise ValueError(key)


def _year_after(lows: tuple[str, ...], j: int) -> int | None:
    if j < len(lows) and re.fullmatch(r"20\d\d", lows[j]):
        return int(lows[j])
    return None


_HOW_OFTEN = {"monthly", "weekly", "daily"}


def _names_a_month(msg: Analysed) -> bool:
    return any(w in v.MONTHS and w not in {"may", "mar", "sat", "sun", "dec"} for w in msg.lows)


def find_period(msg: Analysed, today: date) -> Period | None:
    """A span of days the message asks about."""
    lows = msg.lows
    ranged = _ordinal_range(msg, today)
    if ranged is not None:
        return ranged
    matches = _PERIODS.all(lows)
    named = [m for m in matches if m.phrase not in _HOW_OFTEN]
    # "What did I spend in February? monthly summary": "monthly" says what kind of report, a named
    # period or month says which.
    match = named[0] if named else (matches[0] if matches and not _names_a_month(msg) else None)
    if match is not None:
        start, end = period_of(match.value, today)
        return Period(start, end, (match.start, match.end))
    for i, word in enumerate(lows):
        # "last 7 days", "past 30 days", "siku 7 zilizopita"
        if (
            word in {"last", "past", "previous"}
            and i + 2 < len(lows)
            and _LAST_N_RE.match(lows[i + 1])
            and lows[i + 2] in {"days", "day"}
        ):
            n = max(1, min(int(lows[i + 1]), 3660))
            return Period(today - timedelta(days=n - 1), today, (i, i + 3))
        if (
            word in v.MONTHS
            and (word != "may" or _month_context(lows, i))
            and (word not in {"mar", "sat", "sun", "dec"} or _month_context(lows, i))
        ):
            # a day number next to the month makes it a date, not a month
            if _day_number_near(lows, i):
                continue
            year = _year_after(lows, i + 1)
            start, end = _named_month(v.MONTHS[word], today, year)
            return Period(start, end, (i, i + (2 if year else 1)))
        if word == "mwezi" and i + 2 < len(lows) and lows[i + 1] == "wa":
            month = _month_ordinal(lows[i + 2])
            if month:
                start, end = _named_month(month, today, None)
                return Period(start, end, (i, i + 3))
    day = find_day(msg, today)
    if day is not None:
        return _range_from(msg, day, today) or _since(msg, day, today) or Period(day.start, day.end, day.span)
    return None


def _since(msg: Analysed, day: Period, today: date) -> Period | None:
    """ "since 1st January 2026", "tangu tarehe 5": from that day until today."""
    start = day.span[0]
    if start == 0 or msg.lows[start - 1] not in {"since", "tangu", "kuanzia", "starting"} or day.start > today:
        return None
    return Period(day.start, today, (start - 1, day.span[1]))


_UNTIL = {"-", "to", "till", "until", "hadi", "mpaka", "through"}


def _ordinal_range(msg: Analysed, today: date) -> Period | None:
    """ "between 1st and 15th March 2027", "from 3rd to 10th June": two day numbers, one month after both."""
    lows = msg.lows
    for i in range(len(lows) - 3):
        first, joint, second = _ORDINAL_RE.match(lows[i]), lows[i + 1], _ORDINAL_RE.match(lows[i + 2])
        if not (first and second and joint in _UNTIL | {"and", "na"} and lows[i + 3] in v.MONTHS):
            continue
        if lows[i] == first.group(1) and lows[i + 2] == second.group(1) and (i == 0 or lows[i - 1] != "between"):
            continue  # bare numbers ("5 to 10 March") need "between"; ordinals ("5th") speak for themselves
        year = _year_after(lows, i + 4)
        low = _safe_date(year or today.year, v.MONTHS[lows[i + 3]], int(first.group(1)))
        high = _safe_date(year or today.year, v.MONTHS[lows[i + 3]], int(second.group(1)))
        if low is None or high is None or high < low:
            return None
        begin = i - 1 if i and lows[i - 1] in {"between", "from", "kuanzia", "kati"} else i
        return Period(low, high, (begin, i + 4 + (1 if year else 0)))
    return None


def _range_from(msg: Analysed, first: Period, today: date) -> Period | None:
    """ "Income | 1/5 - 15/5", "from 3rd to 10th June": the days from one named day to another."""
    start, end = first.span
    between = start > 0 and msg.lows[start - 1] in {"between", "kati"}  # "between 1 March and 15 March"
    if end >= len(msg.lows) - 1 or (msg.lows[end] not in _UNTIL and not (between and msg.lows[end] in {"and", "na"})):
        return None
    rest = msg.tokens[end + 1 :]
    second = find_day(Analysed.of(msg.raw[rest[0].start :]), today)
    if second is None or second.span[0] != 0 or second.start < first.start:
        return None
    return Period(first.start, second.end, (start - 1 if between else start, end + 1 + second.span[1]))


_SW_ORDINALS = {
    "kwanza": 1,
    "pili": 2,
    "tatu": 3,
    "nne": 4,
    "tano": 5,
    "sita": 6,
    "saba": 7,
    "nane": 8,
    "tisa": 9,
    "kumi": 10,
    "kumi na moja": 11,
    "kumi na mbili": 12,
}


def _month_ordinal(word: str) -> int | None:
    if word.isdigit() and 1 <= int(word) <= 12:
        return int(word)
    return _SW_ORDINALS.get(word)


def _month_context(lows: tuple[str, ...], i: int) -> bool:
    """ "may" and "sun" are words too; a month needs a preposition or a day beside it."""
    prev = lows[i - 1] if i else ""
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    return prev in {"in", "for", "of", "during", "since", "mwezi", "last", "this", "on"} or bool(
        _ORDINAL_RE.match(nxt) or _ORDINAL_RE.match(prev)
    )


def _ordinal_number(word: str) -> int | None:
    """The number in "12", "12th", "1st"; None for anything else."""
    found = _ORDINAL_RE.match(word)
    return int(found.group(1)) if found else None


def _day_number_near(lows: tuple[str, ...], i: int) -> bool:
    nxt = _ordinal_number(lows[i + 1]) if i + 1 < len(lows) else None
    prev = _ordinal_number(lows[i - 1]) if i else None
    return (nxt is not None and nxt <= 31) or (prev is not None and prev <= 31)


def _linked_day(lows: tuple[str, ...], i: int) -> bool:
    """ "10th of october", "10 ya oktoba": the day two words before the month."""
    if i < 2 or lows[i - 1] not in {"of", "ya"}:
        return False
    number = _ordinal_number(lows[i - 2])
    return number is not None and 1 <= number <= 31


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _past(candidate: date | None, today: date, roll: str) -> date | None:
    """A day without a year or month is the most recent one, never a future one."""
    if candidate is None or candidate <= today:
        return candidate
    if roll == "year":
        return _safe_date(candidate.year - 1, candidate.month, candidate.day)
    month = candidate.month - 1 or 12
    year = candidate.year - (1 if candidate.month == 1 else 0)
    return _safe_date(year, month, candidate.day)


def find_day(msg: Analysed, today: date) -> Period | None:
    """One day the message names: "jana", "last friday", "on 12th", "12/6", "12 June", "2026-06-12"."""
    lows = msg.lows
    match = _DAYS.first(lows)
    if match is not None:
        day = today - timedelta(days=int(match.value))
        return Period(day, day, (match.start, match.end))
    ago = _AGO_RE.search(msg.raw)
    if ago is not None:
        found = _dateparser_day(ago.group(), today)
        if found is not None:
            inside = [i for i, t in enumerate(msg.tokens) if ago.start() <= t.start < ago.end()]
            return Period(found, found, (inside[0], inside[-1] + 1))
    for i, word in enumerate(lows):
        if word in v.WEEKDAYS and (len(word) > 3 or (i and lows[i - 1] in {"on", "last"})):
            back = (today.weekday() - v.WEEKDAYS[word]) % 7
            start = i - 1 if i and lows[i - 1] in {"last", "on", "this", "siku", "ya"} else i
            if i and lows[i - 1] == "last" and back == 0:
                back = 7
            day = today - timedelta(days=back)
            return Period(day, day, (start, i + 1))
        numeric = _numeric_date(lows, i, today)
        if numeric is not None:
            return numeric
        linked = _linked_day(lows, i)
        if word in v.MONTHS and (_day_number_near(lows, i) or linked):
            nxt = lows[i + 1] if i + 1 < len(lows) else ""
            use_next = not linked and bool(_ORDINAL_RE.match(nxt))
            first = i - 2 if linked else i - 1
            dm = _ORDINAL_RE.match(nxt if use_next else lows[first])
            assert dm is not None
            year = _year_after(lows, i + 2 if use_next else i + 1)
            day_date = _safe_date(year or today.year, v.MONTHS[word], int(dm.group(1)))
            if year is None:
                day_date = _past(day_date, today, "year")
            if day_date is not None:
                span = (i, i + 2) if use_next else (first, i + 1)
                if year is not None:
                    span = (span[0], span[1] + 1)  # "March 3 2026": the year is the date's, never an amount
                return Period(day_date, day_date, span)
        k = i + 2 if word == "on" and i + 2 < len(lows) and lows[i + 1] == "the" else i + 1  # "on the 1st"
        if word in {"on", "tarehe"} and k < len(lows) and not _month_follows(lows, k + 1):
            dm = _ORDINAL_RE.match(lows[k])
            if dm and (lows[k] != dm.group(1) or word == "tarehe"):
                day_date = _past(_safe_date(today.year, today.month, int(dm.group(1))), today, "month")
                if day_date is not None:
                    return Period(day_date, day_date, (i, k + 1))
    return None


def _month_follows(lows: tuple[str, ...], j: int) -> bool:
    """ "on 10th october", "tarehe 10 ya oktoba": the month is read with the day, further on."""
    if j < len(lows) and lows[j] in {"of", "ya", "mwezi"}:
        j += 1
    return j < len(lows) and lows[j] in v.MONTHS


def _numeric_date(lows: tuple[str, ...], i: int, today: date) -> Period | None:
    """12/06, 12/06/2026, 2026-06-12 (East Africans write day first)."""
    if not lows[i].isdigit() or i + 2 >= len(lows) or lows[i + 1] not in {"/", "-", "."}:
        return None
    sep = lows[i + 1]
    first, second = lows[i], lows[i + 2]
    if not second.isdigit():
        return None
    third = lows[i + 4] if i + 4 < len(lows) and lows[i + 3] == sep and lows[i + 4].isdigit() else None
    end = i + (5 if third else 3)
    if len(first) == 4 and third:  # ISO
        day_date = _safe_date(int(first), int(second), int(third))
    elif third:
        year = int(third) + (2000 if len(third) == 2 else 0)
        day_date = _safe_date(year, int(second), int(first))
    else:
        if sep == "-" or len(first) > 2 or len(second) > 2:
            return None
        day_date = _past(_safe_date(today.year, int(second), int(first)), today, "year")
    if day_date is None:
        return None
    return Period(day_date, day_date, (i, end))


def _dateparser_day(phrase: str, today: date) -> date | None:
    """dateparser for the relative phrases it reads in English and Swahili; loaded on first use."""
    import dateparser

    # dateparser knows "siku 2 zilizopita" but not "siku mbili zilizopita"
    phrase = " ".join(str(v.NUMBER_WORDS.get(w.lower(), w)) for w in phrase.split())
    settings = {"RELATIVE_BASE": datetime.combine(today, time(12)), "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(phrase, languages=["en", "sw"], settings=settings)
    if parsed is None or parsed.date() > today:
        return None
    return parsed.date()
