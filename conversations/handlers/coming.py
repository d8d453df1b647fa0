"""Intents in the contract whose features are still to come: declared here with their contract entry
and their name, so KAVI understands them and says plainly that they are not built yet. A feature's
declaration moves to its own module when it lands."""

from conversations.contract import END, START, IntentSpec, Slot
from conversations.registry import ADMINS, EVERYONE, declare

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
