"""Chart kinds by name, for callers that choose a chart at run time (a chat command, a report)."""

from collections.abc import Callable
from enum import StrEnum

from finance.charts.budget import budget_png
from finance.charts.cashflow import cashflow_png
from finance.charts.categories import expenses_by_category_png
from finance.charts.data import BudgetData, CashflowData, ExpensesByCategoryData, ForecastData, IncomeExpensesData
from finance.charts.forecast import forecast_png
from finance.charts.income_expenses import income_vs_expenses_png
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle


class Chart(StrEnum):
    CASHFLOW = "cashflow"
    EXPENSES_BY_CATEGORY = "expenses_by_category"
    INCOME_VS_EXPENSES = "income_vs_expenses"
    BUDGET = "budget"
    FORECAST = "forecast"


CHART_KINDS: frozenset[str] = frozenset(kind.value for kind in Chart)

ChartData = CashflowData | ExpensesByCategoryData | IncomeExpensesData | BudgetData | ForecastData

_RENDERERS: dict[Chart, tuple[type, Callable[..., bytes]]] = {
    Chart.CASHFLOW: (CashflowData, cashflow_png),
    Chart.EXPENSES_BY_CATEGORY: (ExpensesByCategoryData, expenses_by_category_png),
    Chart.INCOME_VS_EXPENSES: (IncomeExpensesData, income_vs_expenses_png),
    Chart.BUDGET: (BudgetData, budget_png),
    Chart.FORECAST: (ForecastData, forecast_png),
}


def render(
    kind: Chart | str,
    data: ChartData,
    *,
    title: str,
    labels: ChartLabels = ChartLabels(),
    style: ChartStyle = ChartStyle(),
) -> bytes:
    """The PNG of chart `kind` ("cashflow", ...) drawn from `data`, which must be that kind's input."""
    try:
        chart = Chart(kind)
    except ValueError:
        raise ValueError(f"unknown chart kind {kind!r}; known: {sorted(CHART_KINDS)}") from None
    expected, draw = _RENDERERS[chart]
    if not isinstance(data, expected):
        raise TypeError(f"{chart.value} is drawn from {expected.__name__}, got {type(data).__name__}")
    return draw(data, title=title, labels=labels, style=style)
