"""Entries that repeat ("rent 15k every month on the 1st"): each occurrence is recorded on its day by
the scheduler, once (an entry points back at its schedule, and a schedule has one entry a day)."""

from datetime import date, datetime

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime

EVERY = ("daily", "weekly", "monthly")


class Recurring(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    kind: str = Field(max_length=10)
    amount_cents: int = Field(sa_type=BigInteger)
    category: str = Field(max_length=32)
    counterparty: str | None = Field(default=None, max_length=120)
    every: str = Field(max_length=10)
    # The first day: the weekday (weekly) or the day of the month (monthly) repeats from it.
    anchor: date
    next_on: date
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    stopped_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
