"""Intents in the contract whose features are still to come: declared here with their contract entry
and their name, so KAVI understands them and says plainly that they are not built yet. A feature's
declaration moves to its own module when it lands."""

from conversations.contract import AMOUNT, END, START, IntentSpec, Slot
from conversations.registry import ADMINS, EVERYONE, declare

declare(
    "forecast",
    None,
    roles=EVERYONE,
    says=("forecast my cash", "cash flow forecast for next month"),
    spec=IntentSpec("Forecast cash for the coming days.", {"days": Slot("integer", "How many days ahead.")}),
    feature={"en": "Cash forecasts", "sw": "Utabiri wa pesa"},
)
declare(
    "can_afford",
    None,
    roles=EVERYONE,
    says=("can i afford {exp} for {amount}", "naweza kununua {exp} ya {sw_amount}"),
    spec=IntentSpec(
        "Whether a purchase the owner is weighing fits the cash forecast (nothing is recorded).",
        {"amount": AMOUNT, "item": Slot("string", "What they want to buy.")},
        ("amount",),
    ),
    feature={"en": "“Can I afford it?” answers", "sw": "Majibu ya “naweza kumudu?”"},
)
declare(
    "credit_score",
    None,
    roles=EVERYONE,
    says=("what is my credit score",),
    spec=IntentSpec("The business's credit score and loan readiness."),
    feature={"en": "Credit scores", "sw": "Alama ya mkopo"},
)
declare(
    "show_chart",
    None,
    roles=EVERYONE,
    says=("show me a chart of my {metric}", "draw a chart of expenses by category"),
    spec=IntentSpec(
        "Draw a chart.",
        {
            "chart": Slot(
                "string",
                "Which chart.",
                ("cashflow", "expenses_by_category", "income_vs_expenses", "budget", "forecast"),
            ),
            "start": START,
            "end": END,
        },
        ("chart",),
    ),
    feature={"en": "Charts", "sw": "Michoro"},
)
declare(
    "export_report",
    None,
    roles=EVERYONE,
    says=("send me a report for {period}",),
    spec=IntentSpec(
        "Export a report.",
        {"format": Slot("string", "File format.", ("pdf", "csv", "xlsx")), "start": START, "end": END},
    ),
    feature={"en": "Report exports", "sw": "Kupakua ripoti"},
)
declare(
    "activity_log",
    None,
    roles=EVERYONE,
    spec=IntentSpec(
        "Who recorded or changed what.",
        {
            "category": Slot("string", "Only this category."),
            "counterparty": Slot("string", "Only this counterparty."),
            "start": START,
            "end": END,
        },
    ),
    feature={"en": "The activity log", "sw": "Kumbukumbu ya shughuli"},
)
declare(
    "invite_member",
    None,
    roles=ADMINS,
    spec=IntentSpec(
        "Invite someone to the business.",
        {"phone": Slot("string", "Their phone."), "role": Slot("string", "Their role.", ("admin", "staff", "viewer"))},
        ("phone",),
    ),
    feature={"en": "Team invitations", "sw": "Kualika wafanyakazi"},
)
declare(
    "switch_business",
    None,
    roles=EVERYONE,
    spec=IntentSpec("Use another of the person's businesses.", {"name": Slot("string", "The business's name.")}),
    feature={"en": "Several businesses", "sw": "Biashara kadhaa"},
)
declare(
    "my_data",
    None,
    roles=EVERYONE,
    spec=IntentSpec(
        "Export or delete the person's own data (Kenya Data Protection Act).",
        {"action": Slot("string", "What to do.", ("export", "delete"))},
        ("action",),
    ),
    command=True,
    gemini=False,
    feature={"en": "Exporting or deleting your data", "sw": "Kupakua au kufuta data yako"},
)
