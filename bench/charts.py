"""Chart rendering speed and size: every chart kind drawn from realistic, seeded data.

    .venv/bin/python -m bench.charts [--runs 20] [--out DIR]

Per kind, after one warm-up render, prints the median and 95th-percentile render time, the PNG's
size and its pixel size; exits 1 when any kind's median is over 60 ms or its PNG over 40 KB
(a chat image on slow 3G). --out also writes each PNG there, to look at.
"""

import argparse
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from PIL import Image

from finance.charts.data import (
    BudgetData,
    BudgetLine,
    CashflowData,
    CategoryTotal,
    ExpensesByCategoryData,
    ForecastData,
    IncomeExpensesData,
    PeriodTotals,
)
from finance.charts.kinds import Chart, ChartData, render

MAX_MS = 60.0
MAX_KB = 40.0
TODAY = date(2026, 11, 22)


def _ksh(rng: random.Random, low: int, high: int) -> Decimal:
    """Whole shillings, as most small-business entries are, with the odd 50 cents."""
    return Decimal(rng.randint(low, high)) + (Decimal("0.50") if rng.random() < 0.1 else 0)


def cashflow(rng: random.Random, days: int = 30) -> CashflowData:
    """A kiosk's month: sales most days, stock runs twice a week, rent on the 1st."""
    start = TODAY - timedelta(days=days - 1)
    dates, ins, outs, balance = [], [], [], []
    held = Decimal(18_000)
    for i in range(days):
        day = start + timedelta(days=i)
        money_in = _ksh(rng, 2_500, 9_000) if day.weekday() != 6 else _ksh(rng, 0, 2_000)
        money_out = _ksh(rng, 300, 1_500) + (_ksh(rng, 4_000, 8_000) if day.weekday() in (0, 3) else 0)
        if day.day == 1:
            money_out += Decimal(15_000)
        held += money_in - money_out
        dates.append(day)
        ins.append(money_in)
        outs.append(money_out)
        balance.append(held)
    return CashflowData(dates, ins, outs, balance)


def categories(rng: random.Random) -> ExpensesByCategoryData:
    names = [
        "Stock (sukuma, tomatoes, onions)",
        "Rent",
        "Transport / boda boda",
        "M-Pesa charges",
        "Airtime & data",
        "Electricity (KPLC tokens)",
        "Casual labour",
        "Packaging",
        "County licence",
        "Water",
        "Repairs",
        "Chama contribution",
    ]
    return ExpensesByCategoryData([CategoryTotal(name, _ksh(rng, 200, 45_000)) for name in names])


def income_expenses(rng: random.Random) -> IncomeExpensesData:
    months = ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    periods = []
    for month in months:
        income = _ksh(rng, 90_000, 160_000)
        periods.append(PeriodTotals(month, income, income + _ksh(rng, -40_000, 15_000)))
    return IncomeExpensesData(periods)


def budget(rng: random.Random) -> BudgetData:
    limits = {"Stock": 60_000, "Rent": 15_000, "Transport": 6_000, "Airtime & data": 2_000, "Electricity": 3_500}
    limits |= {"Casual labour": 8_000, "Packaging": 2_500, "Repairs": 4_000}
    return BudgetData(
        [BudgetLine(name, _ksh(rng, limit // 3, limit * 13 // 10), Decimal(limit)) for name, limit in limits.items()]
    )


def forecast(rng: random.Random, history_days: int = 30, ahead: int = 30) -> ForecastData:
    past = cashflow(rng, history_days)
    days = [TODAY + timedelta(days=i + 1) for i in range(ahead)]
    mean, low, high = [], [], []
    level = past.balance[-1]
    for i, day in enumerate(days):
        level += _ksh(rng, -2_500, 1_800) - (Decimal(15_000) if day.day == 1 else 0)
        spread = Decimal(600) * Decimal(i + 1).sqrt()
        mean.append(level)
        low.append(level - spread)
        high.append(level + spread)
    return ForecastData(past.days, past.balance, days, mean, low, high, threshold=Decimal(5_000))


def cases(seed: int) -> dict[Chart, ChartData]:
    rng = random.Random(seed)
    return {
        Chart.CASHFLOW: cashflow(rng),
        Chart.EXPENSES_BY_CATEGORY: categories(rng),
        Chart.INCOME_VS_EXPENSES: income_expenses(rng),
        Chart.BUDGET: budget(rng),
        Chart.FORECAST: forecast(rng),
    }


def _timed(draw: Callable[[], bytes], runs: int) -> tuple[list[float], bytes]:
    png = draw()  # warm-up: font cache, first-use imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        png = draw()
        times.append((time.perf_counter() - started) * 1000)
    return times, png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write each kind's PNG into this folder")
    args = parser.parse_args()
    title = "Mama Mboga Kiosk — Novemba 2026"
    failed = []
    print(f"{'kind':<22} {'median ms':>9} {'p95 ms':>7} {'KB':>6}  size")
    for kind, data in cases(args.seed).items():
        times, png = _timed(partial(render, kind, data, title=title), args.runs)
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else times[0]
        kb = len(png) / 1024
        width, height = Image.open(io.BytesIO(png)).size
        over = median > MAX_MS or kb > MAX_KB
        print(f"{kind.value:<22} {median:>9.1f} {p95:>7.1f} {kb:>6.1f}  {width}x{height}{'  OVER' if over else ''}")
        if over:
            failed.append(kind.value)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{kind.value}.png").write_bytes(png)
    if failed:
        print(f"over {MAX_MS:.0f} ms median or {MAX_KB:.0f} KB: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
