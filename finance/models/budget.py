"""Spending limits per category (the service comes with the budgets issue)."""

from datetime import datetime

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
