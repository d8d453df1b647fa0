"""A receipt photo (or PDF) kept with the expense it became: the owner can see what an entry rests on.
Its bytes expire with the stored messages (KAVI_MESSAGE_RETENTION_DAYS); the entry stays."""

from datetime import datetime

from sqlalchemy import LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class Receipt(SQLModel, table=True):
    # The same photo sent twice is one receipt: it is never booked twice.
    __table_args__ = (UniqueConstraint("business_id", "digest"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    content_type: str = Field(max_length=80)
    digest: str = Field(max_length=64)  # sha256 of the bytes
    # None once expired or erased: the entry keeps its link, the picture is gone.
    data: bytes | None = Field(default=None, sa_type=LargeBinary)
    # What was read from it, for the owner and for checking a reading later.
    merchant: str | None = Field(default=None, max_length=120)
    text: str | None = Field(default=None, max_length=4000)
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
