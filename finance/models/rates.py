"""Exchange rates the owner gave, one per currency and day: entries in other currencies are booked in
the business's currency at that day's rate, keeping what was said."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class ExchangeRate(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("business_id", "currency", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    currency: str = Field(max_length=3)
    day: date
    # Shillings for one unit of the currency (129.5 for USD, 0.035 for UGX).
    rate: Decimal = Field(sa_type=Numeric(14, 6))
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
