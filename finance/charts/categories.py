"""Spending by category: horizontal bars, biggest first, the top eight and an "Other" for the rest,
each with its amount ("Ksh 12,300") at the end of the bar."""

from decimal import Decimal

from matplotlib.axes import Axes

from finance.charts.bars import horizontal_bars
from finance.charts.canvas import (
    GAP,
    PAD,
    Drawing,
    add_axes,
    add_title,
    baseline,
    new_chart,
    no_data_png,
    to_png,
    y_labels,
)
from finance.charts.data import ExpensesByCategoryData
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle
from finance.charts.text import clean, full_money, truncate

TOP = 8  # bars a phone shows legibly in 400 px, plus the "Other" bar
LABEL_SHARE = 0.36  # the most of the width category names may take

Row = tuple[str, Decimal, bool]  # label, amount, is "Other"


def ranked(data: ExpensesByCategoryData, labels: ChartLabels, family: str) -> list[Row]:
    """Categories merged by name, biggest first, zeros dropped, the tail beyond `TOP` summed."""
    merged: dict[str, Decimal] = {}
    for label, amount in data.items:
        name = clean(label, family) or "?"
        merged[name] = merged.get(name, Decimal(0)) + amount
    rows = sorted(((name, amount) for name, amount in merged.items() if amount != 0), key=lambda row: -row[1])
    if len(rows) <= TOP + 1:  # an "Other" standing for a single category would only hide its name
        return [(name, amount, False) for name, amount in rows]
    rest = sum((amount for _, amount in rows[TOP:]), Decimal(0))
    return [(name, amount, False) for name, amount in rows[:TOP]] + [(clean(labels.other, family), rest, True)]


def value_limits(values: list[float], label_px: float, plot_px: float) -> tuple[float, float]:
    """x limits leaving room for a value label of `label_px` beyond the end of every bar."""
    low, high = min(*values, 0.0), max(*values, 0.0)
    if low == high:
        high = 1.0
    share = min((label_px + 2 * GAP) / plot_px, 0.6)  # of the plot's width, per label
    for _ in range(3):  # with bars both ways each side's room depends on the other's
        if max(values) > 0:
            high = max(high, low + (max(values) - low) / (1 - share))
        if min(values) < 0:
            low = min(low, high - (high - min(values)) / (1 - share))
    return low, high


def expenses_by_category_png(
    data: ExpensesByCategoryData, *, title: str, labels: ChartLabels = ChartLabels(), style: ChartStyle = ChartStyle()
) -> bytes:
    rows = ranked(data, labels, style.font_family)
    if not rows:
        return no_data_png(title, labels, style)
    chart = new_chart(style)
    add_title(chart, title)
    names = [chart.fit(truncate(name, 40), style.text_size, chart.width * LABEL_SHARE) for name, _, _ in rows]
    values = [float(amount) for _, amount, _ in rows]
    amounts = [clean(full_money(amount, labels), style.font_family) for _, amount, _ in rows]
    left = max(chart.text_width(name, style.text_size) for name in names) + PAD + GAP
    ax = add_axes(chart, left=left, right=PAD, bottom=PAD)
    _draw(chart, ax, names, values, amounts, [other for _, _, other in rows])
    return to_png(chart)


def _draw(
    chart: Drawing, ax: Axes, names: list[str], values: list[float], amounts: list[str], others: list[bool]
) -> None:
    style = chart.style
    low, high = value_limits(values, chart.widest(amounts, style.text_size), chart.plot_width)
    ax.set_xlim(low, high)
    ax.set_ylim(len(values) - 0.5, -0.5)  # first row at the top
    ys = [float(i) for i in range(len(values))]
    colours = [style.other if other else style.bar for other in others]
    horizontal_bars(ax, ys, [0.0] * len(values), values, 0.7, colours)
    if low < 0:
        baseline(chart, ax, vertical=True)
    y_labels(chart, ax, ys, names)
    for y, value, text in zip(ys, values, amounts, strict=True):
        right = value >= 0
        chart.text(value, y, text, transform=ax.transData, ha="left" if right else "right", dx=GAP if right else -GAP)
