"""Seeded synthetic daily money series for the forecast benchmark and its test.

Each kind imitates a small business's daily totals in whole shillings. Every series carries its scored
future after the history, and the origins (history lengths) at which a forecast is made and scored.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

KINDS = ("steady", "weekday", "trending", "lumpy", "short")
SHORT_HORIZON = 14
LONG_HORIZON = 30
SHORT_ORIGINS = (14, 17, 21)
LONG_ORIGINS = 4  # the last four origins, two weeks apart
MIN_TRAIN = 56


@dataclass(frozen=True)
class SyntheticSeries:
    kind: str
    first_day: date
    values: tuple[Decimal, ...]  # history and scored future together
    origins: tuple[int, ...]  # forecast from values[:origin], score on the next `horizon` days
    horizon: int


def generate(kind: str, count: int = 20, seed: int = 0) -> list[SyntheticSeries]:
    """`count` series of one kind; the same (kind, count, seed) always gives the same series."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    rng = np.random.default_rng([seed, KINDS.index(kind)])
    return [_one(kind, rng) for _ in range(count)]


def _one(kind: str, rng: np.random.Generator) -> SyntheticSeries:
    first_day = date(2025, 1, 6) + timedelta(days=int(rng.integers(0, 7)))
    horizon = SHORT_HORIZON if kind == "short" else LONG_HORIZON
    length = SHORT_ORIGINS[-1] + horizon if kind == "short" else int(rng.integers(120, 366))
    dow = (first_day.weekday() + np.arange(length)) % 7
    base = float(rng.uniform(2_000, 50_000))
    if kind == "lumpy":
        values = _lumpy(rng, dow)
    else:
        profile = np.ones(7) if kind == "steady" else _weekday_profile(rng)
        level = np.full(length, base)
        if kind == "trending":
            # Linear change over the whole series: shrinking to 40-70%, or growing to 150-300%.
            end = rng.uniform(0.4, 0.7) if rng.random() < 0.5 else rng.uniform(1.5, 3.0)
            level = base * (1 + (end - 1) * np.arange(length) / (length - 1))
        values = level * profile[dow] * _noise(rng, length)
    values = np.maximum(np.round(values), 0)
    origins: tuple[int, ...]
    if kind == "short":
        origins = SHORT_ORIGINS
    else:
        origins = tuple(o for o in (length - horizon - 14 * j for j in range(LONG_ORIGINS)) if o >= MIN_TRAIN)
    return SyntheticSeries(kind, first_day, tuple(Decimal(int(v)) for v in values), origins[::-1], horizon)


def _weekday_profile(rng: np.random.Generator) -> np.ndarray:
    """Mild day-to-day differences, a busy Saturday, and a Sunday that is usually closed or quiet."""
    profile = 1 + rng.normal(0, 0.15, 7)
    profile[5] *= rng.uniform(1.4, 2.2)
    profile[6] = 0.0 if rng.random() < 0.6 else rng.uniform(0.3, 0.7)
    return np.maximum(profile, 0) / np.mean(np.maximum(profile, 0))


def _noise(rng: np.random.Generator, length: int) -> np.ndarray:
    """Right-skewed multiplicative noise (gamma, mean 1), plus the odd big-order day."""
    cv = rng.uniform(0.15, 0.4)
    noise = rng.gamma(1 / cv**2, cv**2, length)
    big = rng.random(length) < 0.02
    noise[big] *= rng.uniform(2, 3.5, int(big.sum()))
    return noise


def _lumpy(rng: np.random.Generator, dow: np.ndarray) -> np.ndarray:
    """Most days nothing; now and then a large amount (stock, rent, a bulk order).

    Half the series prefer one weekday (a supplier's delivery day).
    """
    chance = np.full(7, rng.uniform(0.06, 0.3))
    if rng.random() < 0.5:
        day = int(rng.integers(0, 7))
        chance[day] = min(3 * chance[day], 0.9)
    happens = rng.random(dow.size) < chance[dow]
    sizes = rng.lognormal(np.log(rng.uniform(3_000, 40_000)), rng.uniform(0.4, 0.9), dow.size)
    return np.where(happens, sizes, 0.0)
