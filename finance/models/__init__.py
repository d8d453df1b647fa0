"""Every table, importable from one place (Alembic reads the metadata from here)."""

from finance.models.activity import ActivityLog
from finance.models.budget import Budget
from finance.models.business import Business, ChannelIdentity, Member, Person, Role
from finance.models.events import (
    ConversationState,
    InboundEvent,
    MediaFile,
    OutboundMessage,
    Outbox,
    ReplyDelivery,
)
from finance.models.invoice import Invoice, InvoiceItem, Payment, PaymentAllocation, PaymentRequest
from finance.models.parties import Customer, PayerAlias, Supplier, SupplierEvent
from finance.models.transaction import Account, Channel, Kind, Transaction

__all__ = [
    "Account",
    "ActivityLog",
    "Budget",
    "Business",
    "Channel",
    "ChannelIdentity",
    "ConversationState",
    "Customer",
    "InboundEvent",
    "Invoice",
    "InvoiceItem",
    "Kind",
    "MediaFile",
    "Member",
    "OutboundMessage",
    "Outbox",
    "PayerAlias",
    "Payment",
    "PaymentAllocation",
    "PaymentRequest",
    "Person",
    "ReplyDelivery",
    "Role",
    "Supplier",
    "SupplierEvent",
    "Transaction",
]
