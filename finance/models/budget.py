"""Spending limits per category, and the alerts already given for a period (each threshold once)."""

from datetime import date, datetime

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class Budget(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("business_id", "category", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    category: str = Field(max_length=32)
    amount_cents: int = Field(sa_type=BigInteger)
    period: str = Field(default="monthly", max_length=10)
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BudgetAlert(SQLModel, table=True):
    """A threshold (80 or 100 %) crossed in one budget period: the unique key makes it said once,
    whether a chat reply or a scheduled nudge says it first."""

    __table_args__ = (UniqueConstraint("budget_id", "period_start", "threshold"),)

    id: int | None = Field(default=None, primary_key=True)
    budget_id: int = Field(foreign_key="budget.id", index=True)
    period_start: date
    threshold: int
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
