"""How well `forecast_daily` forecasts synthetic daily series, against the seasonal-naive forecast.

    .venv/bin/python -m bench.forecast [--series 20] [--seed 0]

Rolling-origin backtest per kind (horizon 30, 14 for the short kind). Prints MASE of the model and of
the seasonal naive (repeat last week), their ratio, the share of actual days inside the 80% band, the
share of days whose actual running total is inside the cumulative band, and milliseconds per fit.
Exits 1 unless the model beats the seasonal naive on every kind.
"""

import argparse
import statistics
import sys
import time
from decimal import Decimal

import numpy as np

from bench.forecast_series import KINDS, SyntheticSeries, generate
from finance.forecast.backtest import backtest
from finance.forecast.balance import cumulative_band
from finance.forecast.model import SeriesForecast, forecast_daily

LEVEL = 0.8


def running_total_coverage(series: SyntheticSeries) -> tuple[int, int]:
    """Days on which the actual running total (in only, opening 0) lies inside the cumulative band."""
    inside = days = 0
    for o in series.origins:
        fc = forecast_daily(series.values[:o], series.first_day, series.horizon, level=LEVEL)
        zeros = (Decimal(0),) * series.horizon
        nothing = SeriesForecast(zeros, zeros, zeros, "none")
        band = cumulative_band(fc, nothing, Decimal(0), level=LEVEL)
        total = Decimal(0)
        for (_, low, high), actual in zip(band, series.values[o : o + series.horizon], strict=True):
            total += actual
            inside += low <= total <= high
            days += 1
    return inside, days


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--series", type=int, default=20, help="series per kind")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    header = (
        f"{'kind':<10}{'series':>7}{'MASE model':>12}{'MASE snaive':>13}{'ratio':>8}"
        f"{'cover80':>9}{'cum cover':>11}{'fit ms':>8}"
    )
    print(header)
    print("-" * len(header))
    beaten = True
    for kind in KINDS:
        model: list[float] = []
        naive: list[float] = []
        seconds: list[float] = []
        covered = days = cum_in = cum_days = 0
        for s in generate(kind, args.series, args.seed):
            result = backtest(s.values, s.first_day, s.horizon, s.origins, level=LEVEL)
            model += result.mase_model
            naive += result.mase_naive
            seconds += result.fit_seconds
            covered += result.covered
            days += result.days
            inside, total = running_total_coverage(s)
            cum_in += inside
            cum_days += total
        m, n = statistics.fmean(model), statistics.fmean(naive)
        beaten &= m < n
        print(
            f"{kind:<10}{args.series:>7}{m:>12.3f}{n:>13.3f}{m / n:>8.3f}{covered / days:>9.1%}"
            f"{cum_in / cum_days:>11.1%}{1000 * float(np.mean(seconds)):>8.2f}"
        )
    longest = max(generate("weekday", args.series, args.seed), key=lambda s: len(s.values))
    year = (longest.values * 2)[:365]  # timing only: a repeat is as good as a year
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        forecast_daily(year, longest.first_day, 30)
        runs.append(time.perf_counter() - start)
    print(f"one fit on a 365-day history: {1000 * statistics.median(runs):.2f} ms (median of 20)")
    print("model beats seasonal naive on every kind" if beaten else "FAIL: seasonal naive wins on some kind")
    sys.exit(0 if beaten else 1)


if __name__ == "__main__":
    main()
