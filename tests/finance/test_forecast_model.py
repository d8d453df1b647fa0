import statistics
import time
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.forecast_series import generate
from finance.forecast.backtest import backtest, mase_scale, seasonal_naive
from finance.forecast.balance import cumulative_band
from finance.forecast.model import SeriesForecast, forecast_daily

MONDAY = date(2026, 3, 2)
# Monday..Sunday: a busy Saturday, closed on Sunday.
PROFILE = np.array([0.9, 0.8, 0.9, 1.0, 1.3, 2.1, 0.0])


def weekly(days: int, *, seed: int = 1, start: date = MONDAY, slope: float = 0.0) -> list[Decimal]:
    rng = np.random.default_rng(seed)
    dow = (start.weekday() + np.arange(days)) % 7
    level = 10_000 * (1 + slope * np.arange(days))
    return [Decimal(int(v)) for v in np.round(level * PROFILE[dow] * rng.gamma(25, 1 / 25, days))]


def assert_well_formed(fc: SeriesForecast, horizon: int) -> None:
    assert len(fc.mean) == len(fc.low) == len(fc.high) == horizon
    for value in (*fc.mean, *fc.low, *fc.high, *fc.sd, *fc.shared):
        assert isinstance(value, Decimal)
        assert value == value.to_integral_value()  # whole shillings
        assert value >= 0
    for low, mean, high in zip(fc.low, fc.mean, fc.high, strict=True):
        assert low <= mean <= high


@pytest.mark.parametrize("days", [1, 5, 13, 14, 21, 27, 28, 60, 365])
def test_forecasts_are_whole_non_negative_shillings_with_the_mean_inside_the_band(days: int) -> None:
    fc = forecast_daily(weekly(days), MONDAY, 30)
    assert_well_formed(fc, 30)
    assert sum(fc.mean) > 0


def test_no_history_forecasts_zeros() -> None:
    fc = forecast_daily([], MONDAY, 7)
    assert fc.method == "none"
    assert fc.mean == fc.low == fc.high == (Decimal(0),) * 7


def test_a_few_days_forecast_their_mean_and_say_so() -> None:
    fc = forecast_daily([Decimal(1000), Decimal(1500), Decimal(2000), Decimal(0), Decimal(1500)], MONDAY, 10)
    assert "short history" in fc.method
    assert set(fc.mean) == {Decimal(1200)}


def test_under_two_weeks_uses_a_shrunk_weekday_profile() -> None:
    history = weekly(10)
    fc = forecast_daily(history, MONDAY, 7)
    assert "short history" in fc.method
    saturday = (5 - (MONDAY + timedelta(days=10)).weekday()) % 7
    assert fc.mean[saturday] == max(fc.mean)  # the busy day still shows
    assert fc.mean[saturday] < max(history)  # but pulled toward the mean


@pytest.mark.parametrize("days", [21, 112, 365])
def test_a_weekday_pattern_is_forecast_with_the_same_shape(days: int) -> None:
    start = MONDAY + timedelta(days=3)  # a Thursday: the forecast starts mid-week
    fc = forecast_daily(weekly(days, start=start), start, 14)
    by_weekday = {(start + timedelta(days=days + k)).weekday(): float(v) for k, v in enumerate(fc.mean[:7])}
    shape = np.array([by_weekday[w] for w in range(7)]) / 10_000
    assert by_weekday[6] == 0  # closed on Sunday stays closed
    assert max(by_weekday, key=by_weekday.__getitem__) == 5  # Saturday is the busiest
    assert np.corrcoef(shape, PROFILE)[0, 1] > 0.95
    if days >= 112:
        assert np.abs(shape - PROFILE).max() < 0.2
    assert fc.mean[:7] == fc.mean[7:14]  # a flat level repeats the week


def test_a_rising_series_is_forecast_to_keep_rising() -> None:
    history = weekly(182, slope=0.005)  # +0.5% of the start level a day
    fc = forecast_daily(history, MONDAY, 28)
    weeks = [sum(fc.mean[k : k + 7]) for k in range(0, 28, 7)]
    assert weeks == sorted(weeks) and weeks[-1] > weeks[0]
    assert weeks[-1] > sum(history[-56:]) / 8  # above the last two months' weekly average
    assert "trend" in fc.method


def test_a_falling_series_never_goes_below_zero() -> None:
    history = weekly(120, slope=-0.008)  # reaches about zero at the end of the history
    fc = forecast_daily(history, MONDAY, 60)
    assert_well_formed(fc, 60)


def test_an_intermittent_series_forecasts_its_average_rate() -> None:
    rng = np.random.default_rng(3)
    history = [Decimal(int(rng.uniform(20_000, 40_000))) if rng.random() < 0.15 else Decimal(0) for _ in range(200)]
    fc = forecast_daily(history, MONDAY, 30)
    assert_well_formed(fc, 30)
    rate = float(sum(history)) / len(history)
    assert 0.5 * rate < statistics.fmean(float(v) for v in fc.mean) < 1.5 * rate
    assert max(fc.high) > 3 * max(fc.mean)  # a big day is inside the band


def test_a_history_with_negative_days_gets_a_consistent_forecast() -> None:
    rng = np.random.default_rng(4)
    history = [Decimal(int(v)) for v in rng.normal(500, 2_000, 90)]
    fc = forecast_daily(history, MONDAY, 14)
    assert len(fc.mean) == 14
    assert all(lo <= m <= hi for lo, m, hi in zip(fc.low, fc.mean, fc.high, strict=True))
    assert any(lo < 0 for lo in fc.low)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 1_000_000) | st.just(0), max_size=70),
    st.integers(0, 40),
    st.floats(0.5, 0.95),
)
def test_any_non_negative_history_gives_a_well_formed_forecast(values: list[int], horizon: int, level: float) -> None:
    assert_well_formed(forecast_daily([Decimal(v) for v in values], MONDAY, horizon, level=level), horizon)


def test_the_balance_path_is_opening_plus_running_net_and_its_band_widens() -> None:
    money_in = forecast_daily(weekly(120), MONDAY, 30)
    money_out = forecast_daily(weekly(120, seed=2)[::-1], MONDAY, 30)
    path = cumulative_band(money_in, money_out, Decimal("25000.50"))
    assert len(path) == 30
    balance = Decimal("25000.50")
    halves = []
    for (mean, low, high), gain, loss in zip(path, money_in.mean, money_out.mean, strict=True):
        balance += gain - loss
        assert mean == balance
        assert low <= mean <= high
        halves.append(high - mean)
    assert halves == sorted(halves)
    assert halves[-1] > 3 * halves[0]  # grows at least like sqrt(30) would suggest (5.5x) minus noise


def test_the_balance_band_uses_band_widths_when_a_forecast_has_no_sd() -> None:
    flat = SeriesForecast((Decimal(100),) * 4, (Decimal(0),) * 4, (Decimal(200),) * 4, "given")
    zero = SeriesForecast((Decimal(0),) * 4, (Decimal(0),) * 4, (Decimal(0),) * 4, "none")
    path = cumulative_band(flat, zero, Decimal(0))
    assert [p[0] for p in path] == [Decimal(100), Decimal(200), Decimal(300), Decimal(400)]
    assert path[3][2] - path[3][0] == 2 * (path[0][2] - path[0][0])  # sqrt(4) times day one
    assert path[0][2] - path[0][0] == Decimal(100)  # a one-day band is that day's band


def test_the_balance_band_refuses_mismatched_days() -> None:
    with pytest.raises(ValueError):
        cumulative_band(forecast_daily(weekly(30), MONDAY, 5), forecast_daily(weekly(30), MONDAY, 6), Decimal(0))


def test_seasonal_naive_and_its_scale() -> None:
    train = [1.0, 2, 3, 4, 5, 6, 7, 8]
    assert seasonal_naive(train, 9) == [2.0, 3, 4, 5, 6, 7, 8, 2, 3]
    assert mase_scale(train) == 7.0  # one lag-7 difference
    assert mase_scale([5.0] * 10) == 5.0  # flat: no naive error, falls back to the level
    assert mase_scale([0.0] * 10) == 1.0


def test_a_year_of_history_fits_well_under_50_ms() -> None:
    history = weekly(365, slope=0.002)
    best = min(_timed(history) for _ in range(5))
    assert best < 0.05


def _timed(history: list[Decimal]) -> float:
    start = time.perf_counter()
    forecast_daily(history, MONDAY, 30)
    return time.perf_counter() - start


@pytest.mark.parametrize("kind", ["weekday", "trending", "short"])
def test_the_model_beats_seasonal_naive_in_a_small_backtest(kind: str) -> None:
    model: list[float] = []
    naive: list[float] = []
    covered = days = 0
    for s in generate(kind, count=8, seed=11):
        result = backtest(s.values, s.first_day, s.horizon, s.origins)
        model += result.mase_model
        naive += result.mase_naive
        covered += result.covered
        days += result.days
    assert statistics.fmean(model) < statistics.fmean(naive)
    assert 0.7 < covered / days < 0.97  # the 80% band is roughly calibrated
