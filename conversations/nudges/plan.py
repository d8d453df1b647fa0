"""A nudge as composed, in both languages, before it is queued to anyone; and when each kind is due."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from finance.models import Business, Member

# kind: (weekday or None for every day, hour, minute), local to the business.
NUDGE_TIMES: dict[str, tuple[int | None, int, int]] = {
    "recurring": (None, 6, 0),
    "digest": (None, 7, 30),
    "overdue": (None, 9, 0),
    "customers": (None, 10, 0),
    "budgets": (None, 13, 0),
    "weekly": (4, 18, 0),  # Friday
}


@dataclass
class Nudge:
    kind: str
    # Unique among this kind's nudges of the day ("digest", "invoice:12"): with the day, the outbox key.
    subject: str
    text: dict[str, str]  # per language
    choices: dict[str, list[str]] = field(default_factory=dict)
    question: tuple[str, dict[str, Any]] | None = None
    image: bytes | None = None
    # A nudge to a customer rather than to the admins: their phone and name.
    phone: str | None = None
    customer: str | None = None


@dataclass
class Books:
    """What a composer reads: one business's books, on its own day. Quacks like a conversation turn
    where charts are drawn (conversations/chart_replies.Viewer)."""

    session: Session
    business: Business
    member: Member
    today: date
    lang: str = "en"
    public_url: str | None = None  # where invoice pages are served, for links in customer reminders

    def speaking(self, lang: str) -> "Books":
        return Books(self.session, self.business, self.member, self.today, lang, self.public_url)
