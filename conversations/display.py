"""Money, days and periods as a person reads them, in their language."""

from datetime import date, timedelta
from decimal import Decimal

from babel.dates import format_date

from conversations.parser.dates import period_of
from conversations.texts import t
from finance.money import format_foreign, format_money, format_rate

_LOCALES = {"en": "en_KE", "sw": "sw_KE"}
_NAMED_PERIODS = ("this_week", "last_week", "this_month", "last_month")


def money(amount: Decimal, lang: str, currency: str = "KES") -> str:
    return format_money(amount, currency, _LOCALES.get(lang, "en_KE"))


def foreign(amount: Decimal, lang: str, currency: str) -> str:
    return format_foreign(amount, currency, _LOCALES.get(lang, "en_KE"))


def rate(value: Decimal, lang: str, currency: str = "KES") -> str:
    return format_rate(value, currency, _LOCALES.get(lang, "en_KE"))


def day(value: date, today: date, lang: str) -> str:
    if value == today:
        return t("today", lang)
    if value == today - timedelta(days=1):
        return t("yesterday", lang)
    pattern = "EEE d MMM" if value.year == today.year else "d MMM yyyy"
    return format_date(value, pattern, locale=_LOCALES.get(lang, "en_KE"))


def period(start: date, end: date, today: date, lang: str) -> str:
    """ "today", "this week (16 – 22 Nov)", "last month (1 – 31 Oct)", "on Mon 12 Jun", "(3 Jun – 9 Jul)"."""
    locale = _LOCALES.get(lang, "en_KE")
    if start == end:
        return day(start, today, lang)
    span = f"{format_date(start, 'd MMM', locale=locale)} – {format_date(end, 'd MMM', locale=locale)}"
    for key in _NAMED_PERIODS:
        if period_of(key, today) == (start, end):
            return f"{t(key, lang)} ({span})"
    return f"({span})"
