"""Cash flow: per day (per week beyond two months) money in as bars up, money out as bars down,
and the closing balance as a line, on its own right-hand scale (in the balance's colour) when it
dwarfs the bars."""

import math
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from finance.charts.bars import vertical_bars
from finance.charts.canvas import (
    GAP,
    PAD,
    add_axes,
    add_legend,
    add_note,
    add_title,
    baseline,
    hgrid,
    money_texts,
    money_ticks,
    new_chart,
    no_data_png,
    padded,
    to_png,
    x_labels,
    y_labels,
)
from finance.charts.data import CashflowData
from finance.charts.dates import date_ticks, week_start, x_limits
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle

MAX_DAYS = 62  # beyond about two months, daily bars get too thin to read on a phone
TWIN_RATIO = 3.0  # a balance this many times the biggest day's flow gets its own scale

Limits = tuple[float, float]


def _buckets(
    data: CashflowData, key: Callable[[date], date]
) -> tuple[list[date], list[float], list[float], list[float]]:
    """Sum flows per bucket (in Decimal) and keep the last closing balance of each."""
    order = sorted(range(len(data.days)), key=lambda i: data.days[i])
    sums: dict[date, list[Decimal]] = {}
    for i in order:
        bucket = sums.setdefault(key(data.days[i]), [Decimal(0), Decimal(0), Decimal(0)])
        bucket[0] += data.money_in[i]
        bucket[1] += abs(data.money_out[i])
        bucket[2] = data.balance[i]
    days = list(sums)
    return (
        days,
        [float(sums[d][0]) for d in days],
        [float(sums[d][1]) for d in days],
        [float(sums[d][2]) for d in days],
    )


def align_zero(first: Limits, second: Limits) -> tuple[Limits, Limits]:
    """Stretch two scales so zero sits at the same height on both, wasting the least room."""

    def stretched(limits: Limits, below: float) -> Limits:
        low, high = limits
        if below == 0 and low < 0:
            return -math.inf, math.inf  # zero at the bottom cannot show losses
        total = max(-low / below if below else 0.0, high / (1 - below))
        return -below * total, (1 - below) * total

    def used(below: float) -> float:
        return sum((lim[1] - lim[0]) / (s[1] - s[0]) for lim in (first, second) for s in [stretched(lim, below)])

    def share(limits: Limits) -> float:
        return -limits[0] / (limits[1] - limits[0])

    candidates = {share(first), share(second), *(i / 20 for i in range(19))}
    best = max((below for below in candidates if below < 0.96), key=used)
    return stretched(first, best), stretched(second, best)


def cashflow_png(
    data: CashflowData, *, title: str, labels: ChartLabels = ChartLabels(), style: ChartStyle = ChartStyle()
) -> bytes:
    if not data.days:
        return no_data_png(title, labels, style)
    weekly = (max(data.days) - min(data.days)).days + 1 > MAX_DAYS  # the span, not the count: gaps take room too
    days, ins, outs, balance = _buckets(data, week_start if weekly else (lambda day: day))
    step = 7.0 if weekly else 1.0
    xs = [float(day.toordinal()) for day in days]

    chart = new_chart(style)
    add_title(chart, title)
    if weekly:
        add_note(chart, labels.weekly)
    add_legend(
        chart,
        [
            ("box", style.money_in, labels.money_in),
            ("box", style.money_out, labels.money_out),
            ("line", style.balance, labels.balance),
        ],
    )

    flow = (-max(outs), max(ins))
    held = (min(balance), max(balance))
    flow_size = max(flow[1], -flow[0])
    twin = flow_size > 0 and max(abs(held[0]), abs(held[1])) > TWIN_RATIO * flow_size
    if twin and held[0] < 0 < held[1]:
        # A balance that crosses zero: zero must mean the same height on both scales.
        limits, right_limits = align_zero(padded(*flow), padded(*held))
    elif twin:
        limits, right_limits = padded(*flow), padded(*held, zero=False)
    else:
        limits = right_limits = padded(min(flow[0], held[0]), max(flow[1], held[1]))
    ticks = money_ticks(*limits)
    texts = money_texts(chart, ticks, labels)
    right_ticks = money_ticks(*right_limits) if twin else []
    right_texts = money_texts(chart, right_ticks, labels)

    left = chart.widest(texts, style.text_size) + PAD + GAP
    right = chart.widest(right_texts, style.text_size) + PAD + GAP if twin else 2 * PAD
    ax = add_axes(chart, left=left, right=right, bottom=chart.line_height(style.text_size) + PAD)
    ax.set_xlim(*x_limits(xs, step))
    ax.set_ylim(*limits)
    hgrid(chart, ax, ticks)
    y_labels(chart, ax, ticks, texts)
    zeros = [0.0] * len(xs)
    vertical_bars(ax, xs, zeros, ins, step * 0.8, style.money_in)
    vertical_bars(ax, xs, zeros, [-value for value in outs], step * 0.8, style.money_out)
    baseline(chart, ax)

    if twin:
        # The balance scale is drawn into the same axes (a twin axes costs ~10 ms): map it linearly.
        scale = (limits[1] - limits[0]) / (right_limits[1] - right_limits[0])

        def mapped(value: float) -> float:
            return limits[0] + (value - right_limits[0]) * scale

        y_labels(chart, ax, [mapped(t) for t in right_ticks], right_texts, side="right", colour=style.balance)
        line = [mapped(value) for value in balance]
    else:
        line = balance
    ax.plot(xs, line, color=style.balance, linewidth=2.5, marker="o" if len(xs) == 1 else None, zorder=3)

    positions, labels_x = date_ticks(chart, days, labels, chart.plot_width)
    x_labels(chart, ax, positions, labels_x)
    return to_png(chart)
