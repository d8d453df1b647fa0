"""The day on a receipt, day first as Kenya writes it (28/11/2026, 28-11-26, 28 Nov 2026, NOV 28 2026,
2026-11-28). A line that says DATE is believed before any other; a day in the future or over a year back
is no receipt's day (it is a phone number or a code that looks like one)."""

import re
from datetime import date, timedelta

_MONTHS = {m: n for n, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                                      "DEC"), start=1)}  # fmt: skip
_MONTH = r"(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?"
_PATTERNS = (
    (re.compile(r"\b(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(20\d\d|\d\d)\b"), "dmy"),
    (re.compile(r"\b(\d{1,2})[\s-]*" + _MONTH + r"[\s,-]*(20\d\d|\d\d)\b"), "d_mon_y"),
    (re.compile(r"\b" + _MONTH + r"[\s-]*(\d{1,2})(?:ST|ND|RD|TH)?[\s,-]*(20\d\d)\b"), "mon_d_y"),
)
_DATE_LABEL = re.compile(r"\b(?:DATE|TAREHE|DT)\b")
_OLDEST = timedelta(days=400)


def find_day(lines: list[str], today: date) -> date | None:
    labelled = [line for line in lines if _DATE_LABEL.search(line.upper())]
    for line in [*labelled, *lines]:
        for day in _days(line.upper()):
            if today - _OLDEST <= day <= today + timedelta(days=1):
                return day
    return None


def _days(line: str) -> list[date]:
    found = []
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(line):
            day = _make(order, match.groups())
            if day is not None:
                found.append(day)
    return found


def _make(order: str, parts: tuple[str, ...]) -> date | None:
    try:
        if order == "ymd":
            year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
        elif order == "dmy":
            day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
        elif order == "d_mon_y":
            day, month, year = int(parts[0]), _MONTHS[parts[1][:3]], int(parts[2])
        else:
            month, day, year = _MONTHS[parts[0][:3]], int(parts[1]), int(parts[2])
        if year < 100:
            year += 2000
        return date(year, month, day)
    except (ValueError, KeyError):
        return None
