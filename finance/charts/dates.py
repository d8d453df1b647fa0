"""Time on the x axis: days as ordinals (gaps stay gaps), week buckets, and a few date ticks."""

from collections.abc import Sequence
from datetime import date, timedelta

from finance.charts.canvas import Drawing
from finance.charts.labels import ChartLabels
from finance.charts.text import clean, day_label


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())  # Monday, as Kenyan calendars and ISO weeks have it


def x_limits(xs: Sequence[float], step: float, min_steps: float = 7) -> tuple[float, float]:
    """Room for half a bar at each end; a single day is not stretched across the whole width."""
    low, high = min(xs) - step * 0.7, max(xs) + step * 0.7
    missing = min_steps * step - (high - low)
    return (low - missing / 2, high + missing / 2) if missing > 0 else (low, high)


def date_ticks(
    chart: Drawing, days: Sequence[date], labels: ChartLabels, axis_px: float
) -> tuple[list[float], list[str]]:
    """At most five evenly spread dates from `days`, fewer when the axis is too narrow for them."""
    if not days:
        return [], []
    texts = [clean(day_label(day, labels), chart.style.font_family) for day in days]
    widest = chart.widest(texts, chart.style.text_size)
    fits = max(int(axis_px // (widest * 1.6)), 1)
    count = min(len(days), 5, fits)
    if count == 1:
        picked = [len(days) // 2] if len(days) > 2 else [0]
    else:
        picked = sorted({round(i * (len(days) - 1) / (count - 1)) for i in range(count)})
    return [float(days[i].toordinal()) for i in picked], [texts[i] for i in picked]
