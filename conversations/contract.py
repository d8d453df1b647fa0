"""The vocabulary of the intent contract (`shared/contracts/intents.md`): slot and spec types and the
slots several intents share. Each intent's own entry is declared with it (conversations/registry.py);
Gemini's function declarations are generated from those, and anything Gemini calls is checked
against them."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Slot:
    type: str  # JSON schema type: "string" | "integer" | "array"
    description: str
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class IntentSpec:
    description: str
    slots: dict[str, Slot] = field(default_factory=dict)
    required: tuple[str, ...] = ()


AMOUNT = Slot("string", "Amount in KES as a plain decimal, e.g. '1500' or '2499.5'.")
DATE = Slot("string", "ISO date YYYY-MM-DD.")
START = Slot("string", "First day of the period, ISO date.")
END = Slot("string", "Last day of the period, ISO date.")
EXPENSE_CATEGORIES = (
    "stock",
    "rent",
    "utilities",
    "transport",
    "salaries",
    "airtime",
    "marketing",
    "supplies",
    "equipment",
    "repairs",
    "fees",
    "taxes",
    "meals",
    "loan_repayment",
    "other",
)
# KAVI's own two beyond the contract's three: money in that is not income (a loan, the opening balance).
INCOME_CATEGORIES = ("sales", "services", "other_income", "loan_received", "opening_balance")
ACCOUNTS = ("cash", "mpesa", "mshwari", "bank")
