"""Daily forecasts of one money series: a weekday profile times a smoothed level.

From four weeks of history on, several candidates (level half-lives, damped trends, Croston-SBA for
intermittent series) are scored by a rolling-origin backtest inside the history; the best one forecasts,
and its backtest errors give the prediction interval. Shorter histories get a shrunk weekday mean.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

SHILLING = Decimal(1)
SHORT_DAYS = 14  # below this, a fallback that says so
BACKTEST_DAYS = 28  # from this on, candidates are chosen by backtest
TREND_DAYS = 56  # trends and Croston need at least eight weeks to be told from noise
MIN_TRAIN = 21  # the shortest training part of an internal backtest
ORIGINS = 8  # internal backtest origins
ORIGIN_STEP = 14  # two weeks apart: the scored windows overlap less, so luck picks less often
PROFILE_DAYS = 112  # the weekday profile is read from the last 16 weeks
CLOSED = 0.05  # a weekday under 5% of the average is treated as closed when deseasonalising
WINDOW = 7  # interval at step k uses backtest errors of steps k-7..k+7


@dataclass(frozen=True)
class SeriesForecast:
    """Per-day forecasts for the days right after the history, in whole shillings."""

    mean: tuple[Decimal, ...]
    low: tuple[Decimal, ...]
    high: tuple[Decimal, ...]
    method: str
    # Per-day error sd (from the same errors as the band), and the part of it that every day shares because
    # the level itself may be off; cumulative_band adds shared parts linearly and the rest in quadrature.
    sd: tuple[Decimal, ...] = ()
    shared: tuple[Decimal, ...] = ()


@dataclass(frozen=True)
class _Candidate:
    name: str
    half_life: float = np.inf
    trend: bool = False
    damping: float = 1.0
    croston: float = 0.0  # smoothing weight; 0 means a weekday x level candidate


# Few candidates on purpose: each one more is another chance to win the backtest by luck.
_LEVELS = (
    _Candidate("weekday x mean"),
    *(_Candidate(f"weekday x level (half-life {h}d)", half_life=h) for h in (112, 56, 28, 14)),
)
_TRENDS = tuple(
    _Candidate(f"weekday x trend (half-life {h}d, damping {d})", half_life=h, trend=True, damping=d)
    for h, d in ((112, 0.98), (224, 1.0))
)
_CROSTONS = tuple(_Candidate(f"croston-sba (alpha {a})", croston=a) for a in (0.05, 0.15))


def forecast_daily(history: Sequence[Decimal], first_day: date, horizon: int, *, level: float = 0.8) -> SeriesForecast:
    """Forecast `horizon` days after `history` (one total per consecutive day from `first_day`)."""
    if horizon < 0:
        raise ValueError("horizon must not be negative")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    if not history or horizon == 0:
        zeros = (Decimal(0),) * horizon
        return SeriesForecast(zeros, zeros, zeros, "none", zeros, zeros)
    # Floats inside: this is statistics, not bookkeeping; results are rounded back to Decimal shillings.
    y = np.array([float(v) for v in history], dtype=np.float64)
    if not np.isfinite(y).all():
        raise ValueError("history must hold finite amounts")
    dow0 = first_day.weekday()
    mult = bool((y >= 0).all())  # multiplicative weekday factors need a non-negative series
    fit = _short(y, dow0, horizon, mult) if y.size < BACKTEST_DAYS else _chosen(y, dow0, horizon, mult)
    low, high, sd, shared = _band(fit, level, mult)
    if mult:
        low = np.maximum(low, 0)
    return SeriesForecast(_money(fit.mean), _money(low), _money(high), fit.method, _money(sd), _money(shared))


def _money(values: Floats) -> tuple[Decimal, ...]:
    return tuple(Decimal(float(v)).quantize(SHILLING, rounding=ROUND_HALF_UP) for v in values)


def _shrink(groups: list[Floats], neutral: float) -> Floats:
    """Weekday effects shrunk toward `neutral` by empirical Bayes: a weekday pattern that is small against
    the day-to-day noise is mostly ignored, a strong one (a closed Sunday) is kept."""
    sizes = np.array([g.size for g in groups])
    raw = np.array([g.mean() if g.size else neutral for g in groups])
    spreads = [float(g.var(ddof=1)) for g in groups if g.size >= 2]
    seen = sizes > 0
    if not spreads:
        weight = np.where(seen, 0.5, 0.0)  # nothing to measure the noise by: halve the pattern
    else:
        within = np.array([g.var(ddof=1) if g.size >= 2 else np.mean(spreads) for g in groups])
        noise = within / np.maximum(sizes, 1)
        between = max(float(np.mean((raw[seen] - neutral) ** 2) - np.mean(noise[seen])), 0.0)
        total = between + noise
        weight = np.where(seen, np.divide(between, total, out=np.ones(7), where=total > 0), 0.0)
    effect = neutral + (raw - neutral) * weight
    if neutral == 0:
        return effect - effect.mean()
    return effect / effect.mean() if effect.mean() > 0 else np.ones(7)


def _groups(values: Floats, dow: Ints) -> list[Floats]:
    return [values[dow == w] for w in range(7)]


def _profile(y: Floats, dow: Ints, mult: bool) -> Floats:
    """Weekday factors (or offsets) against a centred weekly moving average, so a trend does not leak in."""
    y, dow = y[-PROFILE_DAYS:], dow[-PROFILE_DAYS:]
    weekly = np.convolve(y, np.ones(7) / 7, mode="valid")
    local = np.concatenate([np.full(3, weekly[0]), weekly, np.full(3, weekly[-1])])
    if not mult:
        return _shrink(_groups(y - local, dow), 0.0)
    ok = local > 0
    return _shrink(_groups(y[ok] / local[ok], dow[ok]), 1.0)


def _candidates(y: Floats, dow0: int, horizon: int, cands: Sequence[_Candidate], mult: bool) -> Floats:
    """Forecasts of every candidate, one row each, for the `horizon` days after `y`."""
    n = y.size
    dow = ((dow0 + np.arange(n)) % 7).astype(np.int64)
    s = _profile(y, dow, mult)
    seasonal = s[(dow0 + n + np.arange(horizon)) % 7]
    if mult:
        valid = s[dow] > CLOSED
        z = np.where(valid, y / np.maximum(s[dow], CLOSED), 0.0)
    else:
        valid = np.ones(n, dtype=bool)
        z = y - s[dow]
    out = np.empty((len(cands), horizon))
    steps = np.arange(1, horizon + 1)
    levels = [i for i, c in enumerate(cands) if not c.croston]
    if levels:
        t = np.arange(n) - (n - 1.0)  # days before the last one
        half = np.array([cands[i].half_life for i in levels])
        w = 0.5 ** (-t[None, :] / half[:, None]) * valid[None, :]
        sw = np.maximum(w.sum(axis=1), 1e-12)
        zm, tm = w @ z / sw, w @ t / sw
        sxx = w @ (t * t) / sw - tm * tm
        sxy = w @ (t * z) / sw - tm * zm
        trend = np.array([cands[i].trend for i in levels])
        slope = np.where(trend & (sxx > 1e-9), sxy / np.maximum(sxx, 1e-9), 0.0)
        damp = np.array([cands[i].damping for i in levels])
        reach = np.cumsum(damp[:, None] ** steps[None, :], axis=1)
        path = (zm - slope * tm)[:, None] + slope[:, None] * reach
        out[levels] = path * seasonal if mult else path + seasonal
    for i, c in enumerate(cands):
        if c.croston:
            out[i] = _croston(y, c.croston)
    return np.maximum(out, 0.0) if mult else out


def _croston(y: Floats, alpha: float) -> float:
    """Croston's rate (smoothed size over smoothed gap) with the Syntetos-Boylan bias correction."""
    days = np.flatnonzero(y)
    if days.size == 0:
        return 0.0
    sizes, gaps = y[days], np.diff(days, prepend=-1).astype(np.float64)
    size, gap = float(sizes.mean()), float(gaps.mean())  # start from the means, then follow recent demand
    for s, g in zip(sizes.tolist(), gaps.tolist(), strict=True):
        size += alpha * (s - size)
        gap += alpha * (g - gap)
    return (1 - alpha / 2) * size / gap


class _Fit(NamedTuple):
    mean: Floats
    errors: Floats  # out-of-sample errors (see _errors), one per scored day
    steps: Ints  # how far ahead each error was made (0: left-one-out, no horizon)
    shared: float  # variance of the error part all days share (the level being off), in error units
    method: str


def _chosen(y: Floats, dow0: int, horizon: int, mult: bool) -> _Fit:
    """Pick the candidate with the least error over a rolling-origin backtest inside `y`.

    The error is absolute (robust to the odd huge day), except on intermittent series, where absolute error
    rewards forecasting low (zero is its best guess when most days are zero) and a balance forecast needs
    the mean: there it is squared.
    """
    n = y.size
    intermittent = mult and float(np.mean(y == 0)) >= 0.3
    cands: list[_Candidate] = list(_LEVELS)
    if n >= TREND_DAYS:
        cands += _TRENDS
        if intermittent:
            cands += _CROSTONS
    h = min(horizon, n - MIN_TRAIN)
    origins = [o for o in (n - h - ORIGIN_STEP * j for j in range(ORIGINS)) if o >= MIN_TRAIN]
    runs = [(_candidates(y[:o], dow0, h, cands, mult), y[o : o + h]) for o in origins]
    loss = sum(((f - a) ** 2 if intermittent else np.abs(f - a)).sum(axis=1) for f, a in runs)
    best = int(np.argmin(loss))
    mean = _candidates(y, dow0, horizon, [cands[best]], mult)[0]
    per_origin = np.array([_errors(a, f[best], mult) for f, a in runs])
    steps = np.tile(np.arange(1, h + 1), len(runs))
    return _Fit(mean, per_origin.ravel(), steps, _shared(per_origin, mult), cands[best].name)


def _shared(per_origin: Floats, mult: bool) -> float:
    """How far a whole backtest window is off on average, beyond what its daily noise explains."""
    centred = per_origin - 1.0 if mult else per_origin
    known = ~np.isnan(centred)
    counts = known.sum(axis=1)
    rows = counts >= 2
    if not rows.any():
        return 0.0
    bias = np.array([c[k].mean() for c, k in zip(centred[rows], known[rows], strict=True)])
    noise = np.array([c[k].var(ddof=1) / k.sum() for c, k in zip(centred[rows], known[rows], strict=True)])
    return max(float(np.mean(bias**2) - np.mean(noise)), 0.0)


def _short(y: Floats, dow0: int, horizon: int, mult: bool) -> _Fit:
    """Under four weeks: a weekday mean (shrunk, or none under a week); errors from leaving each day out."""
    n = y.size
    dow = ((dow0 + np.arange(n)) % 7).astype(np.int64)
    weekdays = n >= 7

    def fit(keep: NDArray[np.bool_]) -> tuple[float, Floats]:
        neutral = 1.0 if mult else 0.0
        if not weekdays:
            return float(y[keep].mean()), np.full(7, neutral)
        means = [g.mean() for g in _groups(y[keep], dow[keep]) if g.size]
        centre = float(np.mean(means))
        if mult and centre <= 0:
            return centre, np.ones(7)
        rel = y[keep] / centre if mult else y[keep] - centre
        return centre, _shrink(_groups(rel, dow[keep]), neutral)

    def predict(centre: float, s: Floats, days: Ints) -> Floats:
        return centre * s[days] if mult else centre + s[days]

    centre, s = fit(np.ones(n, dtype=bool))
    mean = predict(centre, s, (dow0 + n + np.arange(horizon)) % 7)
    left_out = [predict(*fit(np.arange(n) != i), dow[i : i + 1])[0] for i in range(n if n >= 3 else 0)]
    errors = _errors(y[: len(left_out)], np.array(left_out), mult)
    known = errors[~np.isnan(errors)]
    # The level is a mean of n days: its own error shares the days' spread over n. With nothing to
    # measure by, say the level may be off by all of itself.
    unmeasured = 1.0 if mult else float(np.mean(np.abs(y))) ** 2
    shared = float(known.var(ddof=1)) / n if known.size >= 2 else unmeasured
    if n >= SHORT_DAYS:
        method = "weekday mean"
    else:
        method = "shrunk weekday mean (short history)" if weekdays else "mean (short history)"
    return _Fit(np.maximum(mean, 0.0) if mult else mean, errors, np.zeros(errors.size, dtype=np.int64), shared, method)


def _errors(actual: Floats, forecast: Floats, mult: bool) -> Floats:
    """Errors as ratios actual/forecast for non-negative series (they scale with the weekday), else differences.

    A ratio to a zero forecast is undefined (NaN) and left out of the band."""
    if not mult:
        return actual - forecast
    return np.divide(actual, forecast, out=np.full(actual.size, np.nan), where=forecast > 0)


def _band(fit: _Fit, level: float, mult: bool) -> tuple[Floats, Floats, Floats, Floats]:
    """Empirical `level` interval, error sd and shared-error sd per day, from errors near that step ahead."""
    mean = fit.mean
    q = ((1 - level) / 2, (1 + level) / 2)
    z = NormalDist().inv_cdf(q[1])
    known = ~np.isnan(fit.errors)
    errors, steps = fit.errors[known], fit.steps[known]
    low, high, sd = np.empty_like(mean), np.empty_like(mean), np.empty_like(mean)
    last = int(steps.max()) if steps.size else 0
    for k in range(mean.size):
        near = errors[np.abs(steps - min(k + 1, last)) <= WINDOW]
        pool = near if near.size >= 10 else errors
        if pool.size >= 3:
            lo, hi = np.quantile(pool, q, method="weibull")  # unbiased coverage from few errors
            spread = float(pool.std(ddof=1))
        else:
            # Nothing to measure by: a normal band with an sd as big as the forecast (wide on purpose).
            size = 1.0 if mult else abs(float(mean[k]))
            lo, hi, spread = (max(1 - z, 0.0), 1 + z, 1.0) if mult else (-z * size, z * size, size)
        if mult:
            low[k], high[k], sd[k] = mean[k] * lo, mean[k] * hi, mean[k] * spread
        else:
            low[k], high[k], sd[k] = mean[k] + lo, mean[k] + hi, spread
    shared = np.sqrt(fit.shared) * (np.abs(mean) if mult else np.ones_like(mean))
    return np.minimum(low, mean), np.maximum(high, mean), sd, np.minimum(shared, sd)
