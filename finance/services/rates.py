"""Exchange rates per business and day, and converting an amount with one."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, select

from finance.errors import InvalidAmount
from finance.models import ExchangeRate, Member, Role
from finance.money import CENT
from finance.services.access import require_role
from finance.services.activity import log_activity

MAX_RATE = Decimal(100000)
RATE_PLACES = Decimal("0.000001")  # what a rate is kept to


def rate_for(session: Session, *, actor: Member, currency: str, day: date) -> Decimal | None:
    found = session.exec(
        select(ExchangeRate).where(
            ExchangeRate.business_id == actor.business_id,
            ExchangeRate.currency == currency.upper(),
            ExchangeRate.day == day,
        )
    ).first()
    return found.rate if found else None


def set_rate(session: Session, *, actor: Member, currency: str, day: date, rate: Decimal) -> ExchangeRate:
    """The day's rate for a currency (staff may set it: they record the entries that need it)."""
    require_role(actor, Role.staff)
    if not 0 < rate <= MAX_RATE:
        raise InvalidAmount(rate, "not_positive" if rate <= 0 else "too_large")
    currency = currency.upper()
    found = session.exec(
        select(ExchangeRate).where(
            ExchangeRate.business_id == actor.business_id, ExchangeRate.currency == currency, ExchangeRate.day == day
        )
    ).first()
    if found is None:
        found = ExchangeRate(
            business_id=actor.business_id, currency=currency, day=day, rate=rate, created_by=actor.person_id
        )
    found.rate = rate
    session.add(found)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="set_rate",
        entity="exchangerate",
        entity_id=found.id,
        after={"currency": currency, "day": day.isoformat(), "rate": str(rate)},
    )
    return found


def convert(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)
