"""What the engine reads and decides, as plain values (no database), so the same engine serves
`kavi reconcile` on CSV files and the live books."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from finance.money import ZERO


@dataclass(slots=True)
class OpenInvoice:
    number: str
    customer_name: str
    customer_phone: str | None
    issued_on: date
    due_on: date
    total: Decimal
    paid: Decimal = ZERO
    # Kept, not computed: the engine reads it millions of times. Change `paid` through `pay`.
    balance: Decimal = field(init=False)
    # `issued_on` as a day number: the engine compares it with each payment's day, and ints compare
    # several times faster than dates.
    issued_day: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.balance = self.total - self.paid
        self.issued_day = self.issued_on.toordinal()

    def pay(self, amount: Decimal) -> None:
        self.paid += amount
        self.balance = self.total - self.paid


@dataclass(slots=True)
class IncomingPayment:
    id: str
    received_at: datetime
    amount: Decimal
    payer_name: str = ""
    payer_phone: str = ""  # E.164, a 64-character SHA-256 hash (Daraja C2B), or empty
    reference: str = ""  # what the payer typed as the account, or the invoice an STK push was for
    channel: str = ""  # c2b | stk | sms | statement


class Allocation(NamedTuple):
    """Immutable, and a tuple: made once or twice per payment, and a frozen dataclass is several
    times slower to make."""

    invoice_number: str | None
    amount: Decimal


@dataclass(slots=True)
class Decision:
    payment_id: str
    allocations: list[Allocation] = field(default_factory=list)
    confidence: int = 0  # 0-100
    decision: str = "none"  # auto | suggest | none
    reason: str = ""  # in words, for the owner
