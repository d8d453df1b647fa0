"""What each chart is drawn from. Money is `Decimal` (the project's rule); only the drawing turns
it into floats. Sequences are checked here so a mismatched series fails where it was built."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple


def _check_money(name: str, values: Sequence[Decimal]) -> None:
    for value in values:
        # A float here means money went through float arithmetic somewhere upstream.
        if not isinstance(value, Decimal):
            raise TypeError(f"{name}: money is Decimal, got {type(value).__name__}")
        if not value.is_finite():
            raise ValueError(f"{name}: not an amount: {value}")


def _check_lengths(**series: Sequence[object]) -> None:
    lengths = {name: len(values) for name, values in series.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"series of different lengths: {lengths}")


@dataclass(frozen=True)
class CashflowData:
    """Per day: money in, money out (as positive amounts; drawn downwards) and the closing balance."""

    days: Sequence[date]
    money_in: Sequence[Decimal]
    money_out: Sequence[Decimal]
    balance: Sequence[Decimal]

    def __post_init__(self) -> None:
        _check_lengths(days=self.days, money_in=self.money_in, money_out=self.money_out, balance=self.balance)
        for name in ("money_in", "money_out", "balance"):
            _check_money(name, getattr(self, name))


class CategoryTotal(NamedTuple):
    label: str
    amount: Decimal


@dataclass(frozen=True)
class ExpensesByCategoryData:
    """Spending per category, in any order; the chart sorts it and folds the tail into "Other"."""

    items: Sequence[CategoryTotal]

    def __post_init__(self) -> None:
        _check_money("items", [amount for _, amount in self.items])


class PeriodTotals(NamedTuple):
    label: str  # "Oct", "W45": the caller names its buckets
    income: Decimal
    expenses: Decimal  # a positive amount


@dataclass(frozen=True)
class IncomeExpensesData:
    """Income and expenses per period, oldest first; profit is their difference."""

    periods: Sequence[PeriodTotals]

    def __post_init__(self) -> None:
        _check_money("periods", [money for _, income, expenses in self.periods for money in (income, expenses)])


class BudgetLine(NamedTuple):
    label: str
    spent: Decimal
    limit: Decimal


@dataclass(frozen=True)
class BudgetData:
    """Spending against each category's limit for one period."""

    lines: Sequence[BudgetLine]

    def __post_init__(self) -> None:
        _check_money("lines", [money for _, spent, limit in self.lines for money in (spent, limit)])


@dataclass(frozen=True)
class ForecastData:
    """The balance so far and its forecast: the expected path with a likely low and high per day.

    `threshold`, when given, is a balance the owner wants to stay above (drawn as a line).
    """

    history_days: Sequence[date]
    history_balance: Sequence[Decimal]
    forecast_days: Sequence[date]
    mean: Sequence[Decimal]
    low: Sequence[Decimal]
    high: Sequence[Decimal]
    threshold: Decimal | None = None

    def __post_init__(self) -> None:
        _check_lengths(history_days=self.history_days, history_balance=self.history_balance)
        _check_lengths(forecast_days=self.forecast_days, mean=self.mean, low=self.low, high=self.high)
        for name in ("history_balance", "mean", "low", "high"):
            _check_money(name, getattr(self, name))
        if self.threshold is not None:
            _check_money("threshold", [self.threshold])
