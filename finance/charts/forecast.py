"""Balance forecast: the balance so far as a solid line, the expected path dashed over a shaded
likely range, a zero line, "Today" where history ends, the lowest expected point marked with its
amount and date, and optionally the owner's minimum as a dotted line."""

from datetime import date
from decimal import Decimal

from matplotlib.axes import Axes

from finance.charts.canvas import (
    GAP,
    PAD,
    Drawing,
    Key,
    add_axes,
    add_legend,
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
from finance.charts.data import ForecastData
from finance.charts.dates import date_ticks, x_limits
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle
from finance.charts.text import clean, day_label, full_money

NOTE_LINES = 2  # the lowest point's amount, then its date


def _by_day(days: list[date], *series: list[Decimal]) -> tuple[list[date], list[list[Decimal]]]:
    order = sorted(range(len(days)), key=lambda i: days[i])
    return [days[i] for i in order], [[values[i] for i in order] for values in series]


def forecast_png(
    data: ForecastData, *, title: str, labels: ChartLabels = ChartLabels(), style: ChartStyle = ChartStyle()
) -> bytes:
    if not data.history_days and not data.forecast_days:
        return no_data_png(title, labels, style)
    history_days, (history,) = _by_day(list(data.history_days), list(data.history_balance))
    days, (mean, low, high) = _by_day(list(data.forecast_days), list(data.mean), list(data.low), list(data.high))
    # Bands come from quantiles; keep low <= mean <= high whichever way round they were given.
    low, high = (
        [min(a, b, m) for a, b, m in zip(low, high, mean, strict=True)],
        [max(a, b, m) for a, b, m in zip(low, high, mean, strict=True)],
    )

    chart = new_chart(style)
    add_title(chart, title)
    entries: list[tuple[Key, str, str]] = []
    if history:
        entries.append(("line", style.balance, labels.balance))
    if mean:
        entries += [("dashed", style.balance, labels.forecast), ("box", style.band, labels.likely_range)]
    add_legend(chart, entries)

    values = [float(v) for v in (*history, *low, *high)]
    if data.threshold is not None:
        values.append(float(data.threshold))
    top_gap = chart.line_height(style.note_size) + 4  # room for "Today" above the plot
    bottom = chart.line_height(style.text_size) + PAD
    plot_height = chart.height - chart.top - top_gap - bottom
    limits = padded(min(values), max(values))
    if mean:
        # Room under the lowest expected point for its two-line note: nothing else is drawn there
        # but the band and the zero line, since the forecast line never goes lower.
        need = NOTE_LINES * chart.line_height(style.note_size) + 2 * GAP
        lowest = float(min(mean))
        for _ in range(2):
            per_px = (limits[1] - limits[0]) / plot_height
            limits = (min(limits[0], lowest - need * per_px), limits[1])
    ticks = money_ticks(*limits)
    texts = money_texts(chart, ticks, labels)
    ax = add_axes(
        chart, left=chart.widest(texts, style.text_size) + PAD + GAP, right=2 * PAD, bottom=bottom, top_gap=top_gap
    )
    all_days = history_days + days
    ax.set_xlim(*x_limits([float(day.toordinal()) for day in all_days], 1.0, min_steps=3))
    ax.set_ylim(*limits)
    hgrid(chart, ax, ticks)
    y_labels(chart, ax, ticks, texts)
    baseline(chart, ax)

    hx = [float(day.toordinal()) for day in history_days]
    if history:
        single = len(hx) == 1
        ax.plot(
            hx,
            [float(v) for v in history],
            color=style.balance,
            linewidth=2.5,
            marker="o" if single else None,
            zorder=4,
        )
    if mean:
        # The forecast starts where history ends, so the two lines join.
        joined = hx[-1:] + [float(day.toordinal()) for day in days]
        start = [float(history[-1])] if history else []
        ax.fill_between(
            joined,
            start + [float(v) for v in low],
            start + [float(v) for v in high],
            color=style.band,
            linewidth=0,
            zorder=1,
        )
        ax.plot(
            joined,
            start + [float(v) for v in mean],
            color=style.balance,
            linewidth=2.5,
            linestyle=(0, (3, 1.5)),
            marker="o" if len(joined) == 1 else None,
            zorder=4,
        )
    if history and mean:
        ax.axvline(hx[-1], color=style.muted, linewidth=1, linestyle=(0, (1, 2)), zorder=2)
        today = chart.fit(clean(labels.today, style.font_family), style.note_size, chart.width / 3)
        chart.text(
            hx[-1],
            1.0,
            today,
            transform=ax.get_xaxis_transform(),
            size=style.note_size,
            colour=style.muted,
            ha="center",
            va="bottom",
            dy=-2,
        )
    if data.threshold is not None:
        level = float(data.threshold)
        ax.axhline(level, color=style.warn, linewidth=1.5, linestyle=(0, (1, 1.5)), zorder=3)
        name = chart.fit(clean(labels.threshold, style.font_family), style.note_size, chart.plot_width / 3)
        chart.text(
            1.0,
            level,
            name,
            transform=ax.get_yaxis_transform(),
            size=style.note_size,
            colour=style.warn,
            ha="right",
            va="bottom",
            dy=-2,
        )
    if mean:
        _mark_lowest(chart, ax, days, mean, data.threshold, labels)

    positions, names = date_ticks(chart, all_days, labels, chart.plot_width)
    x_labels(chart, ax, positions, names)
    return to_png(chart)


def _mark_lowest(
    chart: Drawing,
    ax: Axes,
    days: list[date],
    mean: list[Decimal],
    threshold: Decimal | None,
    labels: ChartLabels,
) -> None:
    """A dot on the lowest expected balance with its amount and date, red when it is below zero or
    the owner's minimum. The note goes under the dot, where the forecast line never is (the limits
    leave room for it there)."""
    style = chart.style
    i = min(range(len(mean)), key=lambda k: (mean[k], days[k]))  # the first of equal lows
    lowest, day = mean[i], days[i]
    bad = lowest < 0 or (threshold is not None and lowest < threshold)
    colour = style.bad if bad else style.ink
    x, y = float(day.toordinal()), float(lowest)
    ax.plot([x], [y], marker="o", markersize=8, color=colour, linestyle="none", zorder=5)

    prefix = clean(labels.lowest, style.font_family)
    amount = clean(full_money(lowest, labels), style.font_family)
    lines = [f"{prefix}: {amount}" if prefix else amount, clean(day_label(day, labels), style.font_family)]
    x0, x1 = ax.get_xlim()
    right_side = (x - x0) / (x1 - x0) > 0.5  # the note reads towards the middle
    pitch = chart.line_height(style.note_size)
    for n, line in enumerate(lines):
        chart.text(
            x,
            y,
            line,
            transform=ax.transData,
            size=style.note_size,
            colour=colour,
            ha="right" if right_side else "left",
            va="top",
            dx=-GAP / 2 if right_side else GAP / 2,
            dy=GAP + chart.style.px(4) + n * pitch,  # below the 8 pt dot
        )
