"""The credit score: 0-100 from factors a lender would recognise, each with its weight, its figure
and one thing to do about it. It informs the owner and decides nothing (Kenya's Data Protection Act
restricts decisions made by automated means alone)."""

import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, select

from finance.models import Invoice, Member, Transaction
from finance.money import ZERO
from finance.services.forecast import cash_forecast
from finance.services.invoices import last_paid_on
from finance.services.reports import balance, daily_totals

# Weights, out of 100: what a Kenyan SME lender looks at first (steady income, margins, a record).
WEIGHTS = {
    "history": 15,
    "consistency": 20,
    "trend": 10,
    "margin": 20,
    "customers": 15,
    "bills": 10,
    "buffer": 10,
}
BANDS = ((80, "strong"), (60, "good"), (40, "fair"), (0, "building"))
# For "am I ready for a loan of 100k?": a year's term at a flat 18 % a year, typical of SME loans in
# Kenya, and at most half the month's expected surplus for the instalment.
LOAN_MONTHS = 12
LOAN_RATE = Decimal("0.18")
INSTALMENT_SHARE = Decimal("0.5")
_GRACE_DAYS = 3  # an invoice paid within three days of its due date counts as on time


@dataclass(frozen=True)
class Factor:
    name: str
    weight: int
    score: float  # 0..1 of the weight; a ratio, not money
    figure: str  # what it was measured as, plain: "7 months", "62%", "18 days"
    known: bool = True  # False: no data yet, scored neutral

    @property
    def points(self) -> int:
        return round(self.weight * self.score)


@dataclass(frozen=True)
class CreditScore:
    score: int
    band: str
    factors: list[Factor]

    def weakest(self, limit: int = 2) -> list[Factor]:
        """Where the most points are lost."""
        return sorted(self.factors, key=lambda f: f.points - f.weight)[:limit]


@dataclass(frozen=True)
class LoanReadiness:
    amount: Decimal
    instalment: Decimal
    surplus: Decimal  # expected money in minus out over the next 30 days
    ready: bool
    score: CreditScore


def credit_score(session: Session, *, actor: Member, today: date) -> CreditScore:
    entries = daily_totals(session, actor=actor, start=today - timedelta(days=365), end=today)
    first = min(entries) if entries else today
    factors = [
        _history(first, today),
        _consistency(entries, today),
        _trend(entries, today),
        _margin(entries, today),
        _customers(session, actor, today),
        _bills(session, actor, today),
        _buffer(session, actor, entries, today),
    ]
    score = sum(f.points for f in factors)
    band = next(name for floor, name in BANDS if score >= floor)
    return CreditScore(score, band, factors)


def loan_readiness(session: Session, *, actor: Member, today: date, amount: Decimal) -> LoanReadiness:
    score = credit_score(session, actor=actor, today=today)
    forecast = cash_forecast(session, actor=actor, today=today, days=30)
    surplus = forecast.closing.mean - forecast.opening
    instalment = (amount * (1 + LOAN_RATE) / LOAN_MONTHS).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    ready = score.score >= 60 and instalment <= surplus * INSTALMENT_SHARE
    return LoanReadiness(amount, instalment, surplus, ready, score)


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def _history(first: date, today: date) -> Factor:
    months = (today - first).days / 30.4
    return Factor("history", WEIGHTS["history"], _clamp(months / 12), f"{int(months)}")


def _weekly_income(entries: dict[date, tuple[Decimal, Decimal]], today: date, weeks: int) -> list[Decimal]:
    totals = [ZERO] * weeks
    for day, (money_in, _) in entries.items():
        back = (today - day).days // 7
        if back < weeks:
            totals[weeks - 1 - back] += money_in
    return totals


def _consistency(entries: dict[date, tuple[Decimal, Decimal]], today: date) -> Factor:
    first = min(entries) if entries else today
    weeks = min(12, (today - first).days // 7)
    if weeks < 4:
        return Factor("consistency", WEIGHTS["consistency"], 0.5, "", known=False)
    totals = _weekly_income(entries, today, weeks)
    mean = statistics.mean(totals)
    if mean <= 0:
        return Factor("consistency", WEIGHTS["consistency"], 0.0, "100")
    # The money stays Decimal; only the ratio (a score, not an amount) becomes a float.
    spread_ratio = float(statistics.pstdev(totals) / mean)
    # 20 % week-to-week spread or less is steady; 100 % is feast and famine.
    score = _clamp((1.0 - spread_ratio) / 0.8)
    return Factor("consistency", WEIGHTS["consistency"], score, f"{round(spread_ratio * 100)}")


def _trend(entries: dict[date, tuple[Decimal, Decimal]], today: date) -> Factor:
    def income(start: int, end: int) -> Decimal:
        return sum((v[0] for d, v in entries.items() if start <= (today - d).days < end), ZERO)

    recent, before = income(0, 45), income(45, 90)
    if before <= 0:
        return Factor("trend", WEIGHTS["trend"], 0.5, "", known=False)
    change_ratio = float((recent - before) / before)
    # Falling 30 % scores nothing, growing 10 % or more scores full.
    return Factor("trend", WEIGHTS["trend"], _clamp((change_ratio + 0.3) / 0.4), f"{round(change_ratio * 100):+d}")


def _margin(entries: dict[date, tuple[Decimal, Decimal]], today: date) -> Factor:
    recent = [v for d, v in entries.items() if (today - d).days < 90]
    money_in = sum((v[0] for v in recent), ZERO)
    money_out = sum((v[1] for v in recent), ZERO)
    if money_in <= 0:
        return Factor("margin", WEIGHTS["margin"], 0.0 if money_out > 0 else 0.5, "", known=money_out > 0)
    ratio = float(money_out / money_in)
    # Spending 60 % of income or less scores full; 110 % (a loss) scores nothing.
    return Factor("margin", WEIGHTS["margin"], _clamp((1.1 - ratio) / 0.5), f"{round(ratio * 100)}")


def _customers(session: Session, actor: Member, today: date) -> Factor:
    invoices = session.exec(
        select(Invoice).where(
            col(Invoice.business_id) == actor.business_id,
            col(Invoice.cancelled_at).is_(None),
            col(Invoice.credit_note_for_id).is_(None),
            col(Invoice.status) != "draft",
            col(Invoice.due_on) < today,
            col(Invoice.due_on) >= today - timedelta(days=365),
        )
    ).all()
    if not invoices:
        return Factor("customers", WEIGHTS["customers"], 0.5, "", known=False)
    on_time = 0
    for invoice in invoices:
        if invoice.paid_cents + invoice.credited_cents < invoice.total_cents:
            continue
        paid_on = last_paid_on(session, invoice.id)
        if paid_on is None or paid_on <= invoice.due_on + timedelta(days=_GRACE_DAYS):
            on_time += 1
    share = on_time / len(invoices)
    return Factor("customers", WEIGHTS["customers"], share, f"{round(share * 100)}")


def _bills(session: Session, actor: Member, today: date) -> Factor:
    """Rent, utilities and loan repayments recorded month after month: the business pays its way."""
    months: set[tuple[int, int]] = set()
    for day in session.exec(
        select(col(Transaction.occurred_on)).where(
            col(Transaction.business_id) == actor.business_id,
            col(Transaction.deleted_at).is_(None),
            col(Transaction.category).in_(("rent", "utilities", "loan_repayment")),
            col(Transaction.occurred_on) > today - timedelta(days=183),
        )
    ).all():
        months.add((day.year, day.month))
    if not months:
        return Factor("bills", WEIGHTS["bills"], 0.5, "", known=False)
    return Factor("bills", WEIGHTS["bills"], _clamp(len(months) / 6), f"{len(months)}")


def _buffer(session: Session, actor: Member, entries: dict[date, tuple[Decimal, Decimal]], today: date) -> Factor:
    spent = sum((v[1] for d, v in entries.items() if (today - d).days < 30), ZERO)
    if spent <= 0:
        return Factor("buffer", WEIGHTS["buffer"], 0.5, "", known=False)
    days = float(balance(session, actor=actor, as_of=today) / (spent / 30))
    # A month of spending in hand scores full.
    return Factor("buffer", WEIGHTS["buffer"], _clamp(days / 30), f"{max(0, round(days))}")
