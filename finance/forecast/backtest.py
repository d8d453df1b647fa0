"""MASE against the seasonal-naive forecast, and a rolling-origin backtest of `forecast_daily`.

Scores are unitless ratios, so they are computed in floats; only the forecaster sees Decimal money.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np

from finance.forecast.model import forecast_daily

SEASON = 7


def seasonal_naive(train: Sequence[float], horizon: int, season: int = SEASON) -> list[float]:
    """Repeat the last `season` days (the last value when the training part is shorter than that)."""
    if not train:
        return [0.0] * horizon
    if len(train) < season:
        return [float(train[-1])] * horizon
    last = [float(v) for v in train[-season:]]
    return [last[k % season] for k in range(horizon)]


def mase_scale(train: Sequence[float], season: int = SEASON) -> float:
    """In-sample mean absolute error of the lag-`season` naive; lag 1 when too short or zero.

    Never zero: an all-flat history falls back to its mean absolute value, then to 1.
    """
    y = np.asarray(train, dtype=np.float64)
    for lag in (season, 1):
        if y.size > lag:
            scale = float(np.mean(np.abs(y[lag:] - y[:-lag])))
            if scale > 0:
                return scale
    return float(np.mean(np.abs(y))) if y.size and np.any(y) else 1.0


def mase(actual: Sequence[float], forecast: Sequence[float], scale: float) -> float:
    return float(np.mean(np.abs(np.asarray(actual, dtype=np.float64) - np.asarray(forecast, dtype=np.float64))) / scale)


@dataclass(frozen=True)
class BacktestResult:
    """Scores of one series over its origins: one MASE per origin for the model and the seasonal naive."""

    mase_model: tuple[float, ...]
    mase_naive: tuple[float, ...]
    covered: int  # actual days inside the model's band
    days: int
    fit_seconds: tuple[float, ...]  # wall time of each forecast_daily call


def backtest(
    values: Sequence[Decimal], first_day: date, horizon: int, origins: Sequence[int], *, level: float = 0.8
) -> BacktestResult:
    """Forecast from values[:o] for each origin o and score the next `horizon` days."""
    model: list[float] = []
    naive: list[float] = []
    seconds: list[float] = []
    covered = days = 0
    for o in origins:
        if not 0 < o <= len(values) - horizon:
            raise ValueError(f"origin {o} leaves no {horizon} days to score")
        train = [float(v) for v in values[:o]]
        actual = [float(v) for v in values[o : o + horizon]]
        start = time.perf_counter()
        fc = forecast_daily(values[:o], first_day, horizon, level=level)
        seconds.append(time.perf_counter() - start)
        scale = mase_scale(train)
        model.append(mase(actual, [float(v) for v in fc.mean], scale))
        naive.append(mase(actual, seasonal_naive(train, horizon), scale))
        actual_money = values[o : o + horizon]
        covered += sum(lo <= a <= hi for lo, a, hi in zip(fc.low, actual_money, fc.high, strict=True))
        days += horizon
    return BacktestResult(tuple(model), tuple(naive), covered, days, tuple(seconds))
