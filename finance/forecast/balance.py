"""The balance path implied by forecasts of money in and money out, with a band that widens with time."""

import math
from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist

from finance.forecast.model import SHILLING, SeriesForecast


def cumulative_band(
    forecasts_in: SeriesForecast, forecasts_out: SeriesForecast, opening: Decimal, *, level: float = 0.8
) -> list[tuple[Decimal, Decimal, Decimal]]:
    """(mean, low, high) of opening + cumsum(in - out), day by day, with a normal `level` band.

    Assumptions: each series' daily error is a shared part (the level being off, the same sign every day)
    plus day-to-day noise independent across days; in and out are independent of each other. So after k
    days the variance is (sum of shared sds)^2 + sum of noise variances, per series: the band grows like
    sqrt(k) from noise and like k from the level. A forecast without `sd` is read from its band width
    (taken to be at this `level`), all of it noise.
    """
    if len(forecasts_in.mean) != len(forecasts_out.mean):
        raise ValueError("money in and money out must cover the same days")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    z = NormalDist().inv_cdf((1 + level) / 2)
    balance = opening
    # Spreads are statistics, not money: floats here, rounded back to shillings on the way out.
    shared_in = shared_out = noise = 0.0
    path = []
    for day, (gain, loss) in enumerate(zip(forecasts_in.mean, forecasts_out.mean, strict=True)):
        balance += gain - loss
        sd_in, part_in = _spread(forecasts_in, day, z)
        sd_out, part_out = _spread(forecasts_out, day, z)
        shared_in += part_in
        shared_out += part_out
        noise += sd_in**2 - part_in**2 + sd_out**2 - part_out**2
        half = Decimal(z * math.sqrt(shared_in**2 + shared_out**2 + noise)).quantize(SHILLING, rounding=ROUND_HALF_UP)
        path.append((balance, balance - half, balance + half))
    return path


def _spread(forecast: SeriesForecast, day: int, z: float) -> tuple[float, float]:
    """(total sd, shared sd) of one day's error."""
    if not forecast.sd:
        return float(forecast.high[day] - forecast.low[day]) / (2 * z), 0.0
    total = float(forecast.sd[day])
    return total, min(float(forecast.shared[day]), total) if forecast.shared else 0.0
