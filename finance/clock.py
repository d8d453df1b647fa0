"""Time in one place: stored in UTC, shown and reasoned about in the business's zone."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

NAIROBI = ZoneInfo("Africa/Nairobi")


def utcnow() -> datetime:
    return datetime.now(UTC)


def today_in(tz: str = "Africa/Nairobi") -> date:
    return datetime.now(ZoneInfo(tz)).date()


def local_date(moment: datetime, tz: str = "Africa/Nairobi") -> date:
    """The day a moment falls on in the business's zone: 01:00 in Nairobi is already tomorrow in UTC terms."""
    return as_utc(moment).astimezone(ZoneInfo(tz)).date()


def as_utc(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were stored as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
