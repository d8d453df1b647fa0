"""Budgets: per category, spending as a share of its limit, a bar against a grey track that ends
at the limit line: green under 80%, amber to 100%, red over; "82%" just past the bar, or past the
limit line for bars short of it.

The bars are in percent of each category's own limit, so rent and airtime read on one scale."""

from decimal import ROUND_HALF_UP, Decimal

from finance.charts.bars import horizontal_bars
from finance.charts.canvas import (
    GAP,
    PAD,
    add_axes,
    add_title,
    new_chart,
    no_data_png,
    to_png,
    y_labels,
)
from finance.charts.data import BudgetData, BudgetLine
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle
from finance.charts.text import clean, short_money, truncate

ROWS = 10  # more would be under 30 px each at 400 px high
WARN, OVER = Decimal(80), Decimal(100)
CAP = 150.0  # bars stop here so one blown budget does not squash the rest; its label says how far
LABEL_SHARE = 0.36


def percent(spent: Decimal, limit: Decimal) -> Decimal | None:
    """Spent as a percentage of the limit; None when there is no positive limit to compare with."""
    if limit <= 0:
        return None
    return max(spent, Decimal(0)) * 100 / limit


def shown_percent(share: Decimal) -> int:
    """The whole percent on the label, never contradicting the colour (99.6% over is "101%", not "100%")."""
    whole = int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if share > OVER:
        return max(whole, 101)
    if share >= WARN:
        return min(max(whole, 80), 100)
    return min(whole, 79)


def ordered(lines: list[BudgetLine], other: str) -> list[BudgetLine]:
    """Worst first; beyond `ROWS` the rest share one line (their spending against their limits)."""

    def badness(line: BudgetLine) -> Decimal:
        share = percent(line.spent, line.limit)
        return Decimal("Infinity") if share is None and line.spent > 0 else share or Decimal(0)

    ranked = sorted(lines, key=badness, reverse=True)
    if len(ranked) <= ROWS:
        return ranked
    rest = ranked[ROWS - 1 :]
    spent = sum((line.spent for line in rest), Decimal(0))
    limit = sum((line.limit for line in rest), Decimal(0))
    return [*ranked[: ROWS - 1], BudgetLine(other, spent, limit)]


def budget_png(
    data: BudgetData, *, title: str, labels: ChartLabels = ChartLabels(), style: ChartStyle = ChartStyle()
) -> bytes:
    if not data.lines:
        return no_data_png(title, labels, style)
    lines = ordered([BudgetLine(*line) for line in data.lines], labels.other)
    chart = new_chart(style)
    add_title(chart, title)

    bars: list[float] = []
    colours: list[str] = []
    texts: list[str] = []
    for line in lines:
        share = percent(line.spent, line.limit)
        if share is None:  # no limit set: any spending is over it
            over = line.spent > 0
            bars.append(CAP if over else 0.0)
            colours.append(style.bad if over else style.good)
            texts.append(short_money(float(line.spent), labels))
            continue
        bars.append(min(float(share), CAP))
        colours.append(style.bad if share > OVER else style.warn if share >= WARN else style.good)
        texts.append(f"{shown_percent(share)}%")
    texts = [clean(text, style.font_family) for text in texts]

    names = [
        chart.fit(truncate(clean(line.label, style.font_family) or "?", 40), style.text_size, chart.width * LABEL_SHARE)
        for line in lines
    ]
    left = max(chart.text_width(name, style.text_size) for name in names) + PAD + GAP
    limit_text = chart.fit(clean(labels.limit, style.font_family), style.note_size, chart.width / 3)
    ax = add_axes(chart, left=left, right=PAD, bottom=PAD, top_gap=chart.line_height(style.note_size) + 4)

    # Room past the longest bar for its label.
    label_px = chart.widest(texts, style.text_size) + 2 * GAP
    longest = max(max(bars), 100.0)
    high = longest / max(1 - label_px / chart.plot_width, 0.4)
    ax.set_xlim(0, high)
    ax.set_ylim(len(lines) - 0.5, -0.5)
    ys = [float(i) for i in range(len(lines))]
    horizontal_bars(ax, ys, [0.0] * len(ys), [100.0] * len(ys), 0.7, style.track, zorder=1)
    horizontal_bars(ax, ys, [0.0] * len(ys), bars, 0.7, colours, zorder=2)
    ax.axvline(100, color=style.ink, linewidth=1.5, linestyle=(0, (3, 2)), zorder=3)
    chart.text(
        100, 1.0, limit_text, transform=ax.get_xaxis_transform(), size=style.note_size, ha="center", va="bottom", dy=-2
    )
    y_labels(chart, ax, ys, names)
    for y, end, text in zip(ys, bars, texts, strict=True):
        # Under-limit labels line up just past the limit line, clear of its dashes.
        chart.text(max(end, 100.0), y, text, transform=ax.transData, dx=GAP)
    return to_png(chart)
