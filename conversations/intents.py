"""What a message means: an intent name, its slots and how sure we are."""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Intent:
    name: str
    slots: dict[str, Any] = field(default_factory=dict)
    # 0..1: how sure the parser is. Below the dialogue's threshold KAVI asks instead of acting.
    confidence: float = 1.0
    # Other close readings, offered as quick-reply choices when KAVI asks.
    alternatives: list["Intent"] = field(default_factory=list)
    # Further intents in the same message (several forwarded M-PESA confirmations).
    more: list["Intent"] = field(default_factory=list)
    # Hints for the handler that are not part of the contract.
    meta: dict[str, Any] = field(default_factory=dict)

    def contract(self) -> dict[str, Any]:
        """The JSON shape `kavi understand` prints."""
        return {"intent": self.name, "slots": {k: v for k, v in self.slots.items() if v is not None}}


def unknown() -> Intent:
    return Intent("unknown", confidence=0.0)
