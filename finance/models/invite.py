"""An invitation to join a business with a role: a code the invitee sends on any channel within
seven days; five wrong codes from the invited phone lock it."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class Invite(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    role: str = Field(max_length=10)
    phone: str | None = Field(default=None, max_length=20, index=True)
    code: str = Field(max_length=12, unique=True)
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    wrong_codes: int = Field(default=0)
    locked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    accepted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    accepted_by: int | None = Field(default=None, foreign_key="person.id")
    cancelled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
