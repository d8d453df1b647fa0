"""Whom a business deals with: customers and suppliers."""

from datetime import datetime

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    name: str = Field(max_length=120)
    phone: str | None = Field(default=None, max_length=20)
    email: str | None = Field(default=None, max_length=254)
    note: str | None = Field(default=None, max_length=500)
    # Overpayments kept on account, used up by the customer's next invoices.
    credit_cents: int = Field(default=0, sa_type=BigInteger)
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Supplier(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    name: str = Field(max_length=120)
    phone: str | None = Field(default=None, max_length=20)
    payment_terms_days: int | None = Field(default=None)
    note: str | None = Field(default=None, max_length=500)
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class SupplierEvent(SQLModel, table=True):
    """What the owner said of a delivery: on time, late, or a dispute. The reliability score reads these."""

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    supplier_id: int = Field(foreign_key="supplier.id", index=True)
    kind: str = Field(max_length=12)  # on_time | late | dispute
    note: str | None = Field(default=None, max_length=500)
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PayerAlias(SQLModel, table=True):
    """What the owner taught: this payer name or phone is that customer. Makes the next match automatic."""

    __table_args__ = (UniqueConstraint("business_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    key: str = Field(max_length=120)
    customer_id: int = Field(foreign_key="customer.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
