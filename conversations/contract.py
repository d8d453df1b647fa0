"""The intent contract (`shared/contracts/intents.md`) as data: Gemini's function declarations are
generated from it, and anything Gemini calls is checked against it."""

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


_AMOUNT = Slot("string", "Amount in KES as a plain decimal, e.g. '1500' or '2499.5'.")
_DATE = Slot("string", "ISO date YYYY-MM-DD.")
_START = Slot("string", "First day of the period, ISO date.")
_END = Slot("string", "Last day of the period, ISO date.")
_EXPENSE_CATEGORIES = (
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
_INCOME_CATEGORIES = ("sales", "services", "other_income")
_ACCOUNTS = ("cash", "mpesa", "mshwari", "bank")

CONTRACT: dict[str, IntentSpec] = {
    "record_expense": IntentSpec(
        "Record money the business paid out.",
        {
            "amount": _AMOUNT,
            "category": Slot("string", "Expense category.", _EXPENSE_CATEGORIES),
            "counterparty": Slot("string", "Who was paid."),
            "date": _DATE,
            "reference": Slot("string", "M-PESA or bank code."),
            "note": Slot("string", "Short note."),
        },
        ("amount",),
    ),
    "record_income": IntentSpec(
        "Record money the business received.",
        {
            "amount": _AMOUNT,
            "category": Slot("string", "Income category.", _INCOME_CATEGORIES),
            "counterparty": Slot("string", "Who paid."),
            "date": _DATE,
            "reference": Slot("string", "M-PESA or bank code."),
            "note": Slot("string", "Short note."),
        },
        ("amount",),
    ),
    "record_transfer": IntentSpec(
        "Record money moved between the owner's own accounts (not income or expense).",
        {
            "amount": _AMOUNT,
            "from": Slot("string", "Source account.", _ACCOUNTS),
            "to": Slot("string", "Destination account.", _ACCOUNTS),
            "date": _DATE,
        },
        ("amount", "from", "to"),
    ),
    "create_invoice": IntentSpec(
        "Create an invoice for a customer.",
        {"customer": Slot("string", "Customer name."), "amount": _AMOUNT, "due_date": Slot("string", "Due date, ISO.")},
        ("customer",),
    ),
    "list_invoices": IntentSpec(
        "List invoices.",
        {
            "status": Slot("string", "Which invoices.", ("unpaid", "overdue", "paid", "all")),
            "customer": Slot("string", "Only this customer's."),
        },
    ),
    "record_payment": IntentSpec(
        "Record a customer's payment against an invoice.",
        {
            "customer": Slot("string", "Customer name."),
            "amount": _AMOUNT,
            "invoice": Slot("string", "Invoice number, e.g. INV-0007."),
        },
    ),
    "remind_customer": IntentSpec(
        "Send a customer a polite payment reminder.",
        {"customer": Slot("string", "Customer name."), "invoice": Slot("string", "Invoice number.")},
    ),
    "request_payment": IntentSpec(
        "Ask a customer to pay by M-PESA (STK push).",
        {
            "customer": Slot("string", "Customer name."),
            "phone": Slot("string", "Phone, E.164."),
            "amount": _AMOUNT,
            "invoice": Slot("string", "Invoice number."),
        },
    ),
    "query_summary": IntentSpec(
        "Answer how much came in, went out, the profit or the balance for a period.",
        {
            "metric": Slot("string", "What to total.", ("income", "expenses", "profit", "balance")),
            "start": _START,
            "end": _END,
            "category": Slot("string", "Only this category."),
            "counterparty": Slot("string", "Only this counterparty."),
        },
        ("metric",),
    ),
    "set_budget": IntentSpec(
        "Set a spending limit for a category.",
        {
            "category": Slot("string", "Expense category.", _EXPENSE_CATEGORIES),
            "amount": _AMOUNT,
            "period": Slot("string", "Budget period.", ("monthly", "weekly")),
        },
        ("category", "amount"),
    ),
    "budget_status": IntentSpec(
        "How spending compares with budgets.", {"category": Slot("string", "Only this category.")}
    ),
    "forecast": IntentSpec("Forecast cash for the coming days.", {"days": Slot("integer", "How many days ahead.")}),
    "credit_score": IntentSpec("The business's credit score and loan readiness."),
    "show_chart": IntentSpec(
        "Draw a chart.",
        {
            "chart": Slot(
                "string",
                "Which chart.",
                ("cashflow", "expenses_by_category", "income_vs_expenses", "budget", "forecast"),
            ),
            "start": _START,
            "end": _END,
        },
        ("chart",),
    ),
    "add_customer": IntentSpec(
        "Add a customer.", {"name": Slot("string", "Name."), "phone": Slot("string", "Phone.")}, ("name",)
    ),
    "add_supplier": IntentSpec(
        "Add a supplier.", {"name": Slot("string", "Name."), "phone": Slot("string", "Phone.")}, ("name",)
    ),
    "export_report": IntentSpec(
        "Export a report.",
        {"format": Slot("string", "File format.", ("pdf", "csv", "xlsx")), "start": _START, "end": _END},
    ),
    "invite_member": IntentSpec(
        "Invite someone to the business.",
        {"phone": Slot("string", "Their phone."), "role": Slot("string", "Their role.", ("admin", "staff", "viewer"))},
        ("phone",),
    ),
    "undo": IntentSpec("Undo the last entry."),
    "help": IntentSpec("Explain what KAVI can do."),
}
