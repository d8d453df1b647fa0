"""Who is dialling, in which business, and the transaction their step runs in."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from finance.models import Business, Member, Person


@dataclass
class Caller:
    session: Session
    person: Person
    member: Member  # the acting member: every finance service checks its role
    business: Business
    lang: str
    today: date  # in the business's time zone
    event_id: int | None = None  # the stored USSD step, which entries made by it point at
