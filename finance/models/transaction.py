"""The ledger: one row per income or expense."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class Kind(StrEnum):
    income = "income"
    expense = "expense"
    # Money moved between the owner's own places (M-PESA, cash, M-Shwari, bank): not profit or loss.
    transfer = "transfer"


class Channel(StrEnum):
    cash = "cash"
    mpesa = "mpesa"
    bank = "bank"


class Account(StrEnum):
    """Where the owner keeps money; the two ends of a transfer."""

    cash = "cash"
    mpesa = "mpesa"
    mshwari = "mshwari"
    bank = "bank"


class Transaction(SQLModel, table=True):
    __table_args__ = (
        # NULL references never collide, so only real references are unique.
        UniqueConstraint("business_id", "reference"),
        Index("ix_transaction_business_day", "business_id", "occurred_on"),
        # One entry a day per schedule: a scheduler that runs twice records an occurrence once.
        Index("ix_transaction_recurring_day", "recurring_id", "occurred_on", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id")
    kind: str = Field(max_length=10)
    amount_cents: int = Field(sa_type=BigInteger)
    category: str = Field(max_length=32)
    counterparty: str | None = Field(default=None, max_length=120)
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    supplier_id: int | None = Field(default=None, foreign_key="supplier.id")
    occurred_on: date
    reference: str | None = Field(default=None, max_length=40)
    channel: str = Field(default=Channel.cash, max_length=10)
    phone: str | None = Field(default=None, max_length=20)
    fee_cents: int = Field(default=0, sa_type=BigInteger)
    from_account: str | None = Field(default=None, max_length=10)
    to_account: str | None = Field(default=None, max_length=10)
    # A fee recorded as its own expense points at the entry it belongs to.
    related_to_id: int | None = Field(default=None, foreign_key="transaction.id")
    note: str | None = Field(default=None, max_length=500)
    # An entry made in another currency: that currency and its amount there (amount_cents is in the
    # business's currency, at the day's rate).
    original_currency: str | None = Field(default=None, max_length=3)
    original_cents: int | None = Field(default=None, sa_type=BigInteger)
    # The schedule that recorded it ("rent every month"), if any.
    recurring_id: int | None = Field(default=None, foreign_key="recurring.id")
    # The receipt photo this expense was read from, if any.
    receipt_id: int | None = Field(default=None, foreign_key="receipt.id")
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    source_event_id: int | None = Field(default=None, foreign_key="inboundevent.id")
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
