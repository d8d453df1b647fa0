"""The money domain's tables. The messaging records (bot/records/models.py) and the conversation
state (conversations/state.py) share their SQLModel metadata; migrations/env.py imports all three."""

from finance.models.activity import ActivityLog
from finance.models.budget import Budget, BudgetAlert
from finance.models.business import Business, ChannelIdentity, Member, Person, Role
from finance.models.daily_total import DailyTotal
from finance.models.invite import Invite
from finance.models.invoice import Invoice, InvoiceItem, Payment, PaymentAllocation, PaymentRequest
from finance.models.parties import Customer, PayerAlias, Supplier, SupplierEvent
from finance.models.rates import ExchangeRate
from finance.models.receipt import Receipt
from finance.models.recurring import Recurring
from finance.models.transaction import Account, Channel, Kind, Transaction

__all__ = [
    "Account",
    "ActivityLog",
    "Budget",
    "BudgetAlert",
    "Business",
    "Channel",
    "ChannelIdentity",
    "Customer",
    "DailyTotal",
    "ExchangeRate",
    "Invite",
    "Invoice",
    "InvoiceItem",
    "Kind",
    "Member",
    "PayerAlias",
    "Payment",
    "PaymentAllocation",
    "PaymentRequest",
    "Person",
    "Receipt",
    "Recurring",
    "Role",
    "Supplier",
    "SupplierEvent",
    "Transaction",
]
