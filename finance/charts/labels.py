"""Every word a chart shows. The caller fills these in its user's language; the defaults are English."""

from dataclasses import dataclass

ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class ChartLabels:
    no_data: str = "No entries yet"  # every kind, when there is nothing to draw
    # cashflow
    money_in: str = "Money in"
    money_out: str = "Money out"
    balance: str = "Balance"  # also the forecast's history line
    weekly: str = "Totals per week"  # under the title when days are grouped into weeks
    # income_vs_expenses
    income: str = "Income"
    expenses: str = "Expenses"
    profit: str = "Profit"
    # expenses_by_category and budget: the folded tail
    other: str = "Other"
    # budget
    limit: str = "Limit"
    # forecast
    today: str = "Today"
    forecast: str = "Forecast"
    likely_range: str = "Likely range"
    lowest: str = "Lowest"  # "Lowest: Ksh 3,200"; empty shows the amount alone
    threshold: str = "Minimum"  # the owner's minimum balance line
    # money and dates
    currency: str = "Ksh"
    # Short scale suffixes on axes: "Ksh 12k", "Ksh 1.2M", "Ksh 3B".
    thousand: str = "k"
    million: str = "M"
    billion: str = "B"
    months: tuple[str, ...] = ENGLISH_MONTHS

    def __post_init__(self) -> None:
        if len(self.months) != 12:
            raise ValueError(f"months needs 12 names, got {len(self.months)}")
