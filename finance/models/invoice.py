"""Getting paid: invoices, their lines, the payments against them and M-Pesa payment requests."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from finance.clock import utcnow
from finance.models.types import UTCDateTime


class Invoice(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("business_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    number: str = Field(max_length=20)
    customer_id: int = Field(foreign_key="customer.id")
    status: str = Field(default="draft", max_length=16)
    issued_on: date
    due_on: date
    subtotal_cents: int = Field(default=0, sa_type=BigInteger)
    tax_cents: int = Field(default=0, sa_type=BigInteger)
    total_cents: int = Field(default=0, sa_type=BigInteger)
    paid_cents: int = Field(default=0, sa_type=BigInteger)
    # Credit notes against this invoice: they lower what is owed without editing what was sent.
    credited_cents: int = Field(default=0, sa_type=BigInteger)
    notes: str | None = Field(default=None, max_length=1000)
    share_token: str | None = Field(default=None, max_length=64, unique=True)
    # When the owner last renewed the share link (None: the one made with the invoice). A link expires
    # 90 days after the invoice is paid or cancelled, or after its renewal, whichever is later.
    share_issued_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # A credit note corrects a sent invoice instead of editing it.
    credit_note_for_id: int | None = Field(default=None, foreign_key="invoice.id")
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    cancelled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # "Snooze a week" on an overdue nudge: no nudge about this invoice before this day.
    snoozed_until: date | None = None
    # An invoice in another currency: its cents are in the business's currency at `rate`; the customer
    # is shown `currency` (the total and each line's unit price as said).
    currency: str | None = Field(default=None, max_length=3)
    rate: Decimal | None = Field(default=None, sa_type=Numeric(14, 6))
    original_total_cents: int | None = Field(default=None, sa_type=BigInteger)


class InvoiceItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    description: str = Field(max_length=200)
    quantity: Decimal = Field(default=Decimal(1), sa_type=Numeric(12, 3))
    unit_price_cents: int = Field(sa_type=BigInteger)
    tax_class: str | None = Field(default=None, max_length=4)
    tax_cents: int = Field(default=0, sa_type=BigInteger)
    total_cents: int = Field(sa_type=BigInteger)
    original_unit_price_cents: int | None = Field(default=None, sa_type=BigInteger)


class Payment(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("business_id", "reference"),)

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    amount_cents: int = Field(sa_type=BigInteger)
    payer_name: str | None = Field(default=None, max_length=120)
    payer_phone: str | None = Field(default=None, max_length=80)
    reference: str | None = Field(default=None, max_length=40)
    source: str = Field(default="cash", max_length=20)
    received_at: datetime = Field(sa_type=UTCDateTime)
    invoice_id: int | None = Field(default=None, foreign_key="invoice.id")
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    transaction_id: int | None = Field(default=None, foreign_key="transaction.id")
    match_confidence: Decimal | None = Field(default=None, sa_type=Numeric(4, 3))
    match_reason: str | None = Field(default=None, max_length=300)
    status: str = Field(default="unmatched", max_length=16)  # matched | suggested | unmatched | credit
    # What the engine proposes when it is not sure: [{"invoice": "INV-0012", "amount": "5000"}].
    suggestion: list[dict[str, Any]] | None = Field(default=None, sa_type=JSON)
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    source_event_id: int | None = Field(default=None, foreign_key="inboundevent.id")


class PaymentAllocation(SQLModel, table=True):
    """How much of a payment went to which invoice (one payment may settle several)."""

    id: int | None = Field(default=None, primary_key=True)
    payment_id: int = Field(foreign_key="payment.id", index=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    amount_cents: int = Field(sa_type=BigInteger)


class PaymentRequest(SQLModel, table=True):
    """An STK push sent to a customer's phone; its callback is matched by CheckoutRequestID."""

    id: int | None = Field(default=None, primary_key=True)
    business_id: int = Field(foreign_key="business.id", index=True)
    checkout_request_id: str = Field(max_length=64, unique=True)
    merchant_request_id: str | None = Field(default=None, max_length=64)
    invoice_id: int | None = Field(default=None, foreign_key="invoice.id")
    customer_id: int | None = Field(default=None, foreign_key="customer.id")
    phone: str = Field(max_length=20)
    amount_cents: int = Field(sa_type=BigInteger)
    status: str = Field(default="pending", max_length=12)  # pending | paid | failed
    result_code: int | None = Field(default=None)
    requested_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
