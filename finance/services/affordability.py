"""'Can I afford it?': a purchase the owner is weighing, tried against the cash forecast. Nothing is
recorded; the answer is yes or not yet, the lowest balance after it and when, and a better day."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session

from finance.models import Member
from finance.services.forecast import DEFAULT_DAYS, CashForecast, DayPoint, cash_forecast

# What should be left after the purchase: three days of the business's usual spending, so one slow
# day does not leave it unable to buy stock.
CUSHION_DAYS = 3


@dataclass(frozen=True)
class Affordability:
    amount: Decimal
    affordable: bool
    lowest_after: DayPoint  # the lowest expected balance when bought today
    cushion: Decimal
    better_day: date | None  # the first day buying leaves the cushion all the way through; None: none in view
    forecast: CashForecast


def can_afford(
    session: Session, *, actor: Member, today: date, amount: Decimal, days: int = DEFAULT_DAYS
) -> Affordability:
    forecast = cash_forecast(session, actor=actor, today=today, days=days)
    cushion = forecast.spend_per_day * CUSHION_DAYS
    now = [DayPoint(today, forecast.opening, forecast.opening, forecast.opening), *forecast.path]
    lowest = min(now, key=lambda p: (p.mean, p.day))
    after = DayPoint(lowest.day, lowest.mean - amount, lowest.low - amount, lowest.high - amount)
    affordable = after.mean >= cushion
    better = None
    if not affordable:
        for i, point in enumerate(forecast.path):
            if min(p.mean for p in forecast.path[i:]) - amount >= cushion:
                better = point.day
                break
    return Affordability(amount, affordable, after, cushion, better, forecast)
