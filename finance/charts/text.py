"""The strings a chart draws: short money for axes ("Ksh 12k"), full money for values
("Ksh 12,300"), day names ("3 Nov"), and caller text cleaned for drawing."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from finance.charts.fonts import charmap
from finance.charts.labels import ChartLabels

ELLIPSIS = "…"
_SPACE_RE = re.compile(r"\s+")


def short_money(value: float, labels: ChartLabels) -> str:
    """Axis form: "Ksh 500", "Ksh 1.5k", "Ksh 12k", "Ksh 1.2M", "-Ksh 40k"; zero is plain "0"."""
    if round(value) == 0:
        return "0"
    sign = "-" if value < 0 else ""
    size = abs(value)
    number, suffix = f"{size:.0f}", ""
    for scale, name in ((1e9, labels.billion), (1e6, labels.million), (1e3, labels.thousand)):
        scaled = size / scale
        if round(scaled, 1) >= 1:  # 999,960 reads "1M", not "1000k"
            number = f"{scaled:.0f}" if scaled >= 99.95 else f"{scaled:.1f}".removesuffix(".0")
            suffix = name
            break
    return f"{sign}{labels.currency} {number}{suffix}"


def full_money(amount: Decimal, labels: ChartLabels) -> str:
    """Value-label form, whole shillings: "Ksh 12,300", "-Ksh 1,050"."""
    whole = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "-" if whole < 0 else ""
    return f"{sign}{labels.currency} {abs(whole):,}"


def day_label(day: date, labels: ChartLabels) -> str:
    return f"{day.day} {labels.months[day.month - 1]}"


def truncate(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    return text[: max(max_chars - 1, 0)].rstrip() + ELLIPSIS


def clean(text: str, family: str) -> str:
    """Caller text as drawn: one line, without characters the font has no glyph for (an emoji in a
    business name would be an empty box)."""
    known = charmap(family)
    kept = "".join(ch for ch in text if ch.isspace() or ord(ch) in known)
    return _SPACE_RE.sub(" ", kept).strip()
