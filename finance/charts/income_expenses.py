"""Income against expenses: per period a pair of bars, and the profit (their difference) as a line
of dots, which dips under zero in a losing month."""

from finance.charts.bars import vertical_bars
from finance.charts.canvas import (
    GAP,
    PAD,
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
from finance.charts.data import IncomeExpensesData
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle
from finance.charts.text import clean, truncate

BAR = 0.38  # of a period's width, each of the pair


def income_vs_expenses_png(
    data: IncomeExpensesData, *, title: str, labels: ChartLabels = ChartLabels(), style: ChartStyle = ChartStyle()
) -> bytes:
    if not data.periods:
        return no_data_png(title, labels, style)
    income = [float(period.income) for period in data.periods]
    expenses = [float(abs(period.expenses)) for period in data.periods]
    # Profit in Decimal first, so the dot is exactly income minus expenses.
    profit = [float(period.income - abs(period.expenses)) for period in data.periods]

    chart = new_chart(style)
    add_title(chart, title)
    add_legend(
        chart,
        [
            ("box", style.money_in, labels.income),
            ("box", style.money_out, labels.expenses),
            ("dot", style.balance, labels.profit),
        ],
    )
    limits = padded(min(*profit, *income, 0.0), max(*income, *expenses, *profit))
    ticks = money_ticks(*limits)
    texts = money_texts(chart, ticks, labels)
    left = chart.widest(texts, style.text_size) + PAD + GAP
    ax = add_axes(chart, left=left, right=2 * PAD, bottom=chart.line_height(style.text_size) + PAD)
    count = len(data.periods)
    xs = [float(i) for i in range(count)]
    ax.set_xlim(-0.6, max(count, 3) - 0.4)  # one or two periods do not fill the whole width
    ax.set_ylim(*limits)
    hgrid(chart, ax, ticks)
    y_labels(chart, ax, ticks, texts)
    zeros = [0.0] * count
    vertical_bars(ax, [x - BAR / 2 - 0.01 for x in xs], zeros, income, BAR, style.money_in)
    vertical_bars(ax, [x + BAR / 2 + 0.01 for x in xs], zeros, expenses, BAR, style.money_out)
    baseline(chart, ax)
    ax.plot(xs, profit, color=style.balance, linewidth=2, marker="o", markersize=7, zorder=3)

    # Period names, thinned to every n-th when they would collide.
    names = [truncate(clean(period.label, style.font_family), 8) for period in data.periods]
    slot = chart.plot_width / (max(count, 3) - 0.4 + 0.6)
    every = 1
    widest = chart.widest(names, style.text_size) + GAP
    while widest > slot * every and every < count:
        every += 1
    picked = list(range(0, count, every))
    x_labels(chart, ax, [xs[i] for i in picked], [names[i] for i in picked])
    return to_png(chart)
