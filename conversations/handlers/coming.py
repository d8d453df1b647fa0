"""Intents in the contract whose features are still to come: declared here with their contract entry
and their name, so KAVI understands them and says plainly that they are not built yet. A feature's
declaration moves to its own module when it lands."""

from conversations.contract import IntentSpec, Slot
from conversations.registry import EVERYONE, declare

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
