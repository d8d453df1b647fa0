"""Chart PNGs opened with Pillow and looked at: valid, phone-sized, not blank, small; empty, single
and long series; negative money; caller text (titles, localised labels) really drawn; threads."""

import dataclasses
import io
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import matplotlib
import pytest
from PIL import Image

from finance.charts.budget import budget_png, shown_percent
from finance.charts.canvas import new_chart
from finance.charts.cashflow import cashflow_png
from finance.charts.categories import expenses_by_category_png, ranked
from finance.charts.data import (
    BudgetData,
    BudgetLine,
    CashflowData,
    CategoryTotal,
    ExpensesByCategoryData,
    ForecastData,
    IncomeExpensesData,
    PeriodTotals,
)
from finance.charts.forecast import forecast_png
from finance.charts.income_expenses import income_vs_expenses_png
from finance.charts.kinds import CHART_KINDS, Chart, ChartData, render
from finance.charts.labels import ChartLabels
from finance.charts.style import ChartStyle
from finance.charts.text import full_money, short_money

START = date(2026, 11, 1)
TITLE = "Mama Mboga — Novemba 2026"
STYLE = ChartStyle()
SWAHILI = ChartLabels(
    no_data="Hakuna rekodi bado",
    money_in="Pesa iliyoingia",
    money_out="Pesa iliyotoka",
    balance="Salio",
    weekly="Jumla kwa wiki",
    income="Mapato",
    expenses="Matumizi",
    profit="Faida",
    other="Mengineyo",
    limit="Kikomo",
    today="Leo",
    forecast="Utabiri",
    likely_range="Kiwango kinachowezekana",
    lowest="Chini kabisa",
    threshold="Kiwango cha chini",
    months=("Jan", "Feb", "Mac", "Apr", "Mei", "Jun", "Jul", "Ago", "Sep", "Okt", "Nov", "Des"),
)


def ksh(value: int | str) -> Decimal:
    return Decimal(value)


def days(count: int, start: date = START) -> list[date]:
    return [start + timedelta(days=i) for i in range(count)]


def cashflow(count: int = 30, opening: int = 20_000) -> CashflowData:
    dates = days(count)
    ins = [ksh(3_000 + (i * 1_237) % 6_000) for i in range(count)]
    outs = [ksh(1_500 + (i * 2_113) % 5_500) for i in range(count)]
    balance, held = [], ksh(opening)
    for money_in, money_out in zip(ins, outs, strict=True):
        held += money_in - money_out
        balance.append(held)
    return CashflowData(dates, ins, outs, balance)


def categories(count: int = 12) -> ExpensesByCategoryData:
    names = ["Stock", "Rent", "Transport", "M-Pesa charges", "Airtime", "Electricity", "Labour", "Packaging"]
    names += ["Licence", "Water", "Repairs", "Chama"]
    return ExpensesByCategoryData([CategoryTotal(names[i % 12], ksh(1_000 + 997 * i)) for i in range(count)])


def income_expenses() -> IncomeExpensesData:
    months = ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    return IncomeExpensesData(
        [PeriodTotals(m, ksh(100_000 + 7_000 * i), ksh(90_000 + 11_000 * i)) for i, m in enumerate(months)]
    )


def budget() -> BudgetData:
    return BudgetData(
        [
            BudgetLine("Stock", ksh(41_000), ksh(60_000)),
            BudgetLine("Rent", ksh(15_000), ksh(15_000)),
            BudgetLine("Transport", ksh(7_300), ksh(6_000)),
            BudgetLine("Airtime", ksh(1_640), ksh(2_000)),
        ]
    )


def forecast(ahead: int = 30, drop: int = 400, threshold: Decimal | None = ksh(5_000)) -> ForecastData:
    past = cashflow(30)
    future = days(ahead, START + timedelta(days=30))
    mean = [past.balance[-1] - ksh(drop * (i + 1)) for i in range(ahead)]
    spread = [ksh(300 * (i + 1)) for i in range(ahead)]
    return ForecastData(
        past.days,
        past.balance,
        future,
        mean,
        [m - s for m, s in zip(mean, spread, strict=True)],
        [m + s for m, s in zip(mean, spread, strict=True)],
        threshold=threshold,
    )


TYPICAL: dict[Chart, Callable[[], ChartData]] = {
    Chart.CASHFLOW: cashflow,
    Chart.EXPENSES_BY_CATEGORY: categories,
    Chart.INCOME_VS_EXPENSES: income_expenses,
    Chart.BUDGET: budget,
    Chart.FORECAST: forecast,
}
EMPTY: dict[Chart, ChartData] = {
    Chart.CASHFLOW: CashflowData([], [], [], []),
    Chart.EXPENSES_BY_CATEGORY: ExpensesByCategoryData([]),
    Chart.INCOME_VS_EXPENSES: IncomeExpensesData([]),
    Chart.BUDGET: BudgetData([]),
    Chart.FORECAST: ForecastData([], [], [], [], [], []),
}


def opened(png: bytes) -> Image.Image:
    """The PNG, checked by Pillow's own verifier, then reopened for reading pixels."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    Image.open(io.BytesIO(png)).verify()
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.convert("RGB")


def colours(image: Image.Image) -> list[tuple[int, tuple[int, int, int]]]:
    found = image.getcolors(maxcolors=1 << 16)
    assert found is not None
    return found  # type: ignore[return-value]


def has_colour(image: Image.Image, hex_colour: str, min_pixels: int = 20, tolerance: int = 14) -> bool:
    """Whether at least `min_pixels` pixels are (near) this colour; the palette shifts colours a little."""
    target = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    near = sum(
        count for count, rgb in colours(image) if all(abs(a - b) <= tolerance for a, b in zip(rgb, target, strict=True))
    )
    return near >= min_pixels


def assert_chart(png: bytes, style: ChartStyle = STYLE, min_colours: int = 8) -> Image.Image:
    image = opened(png)
    assert image.size == (style.width_px, style.height_px)
    assert len(colours(image)) > min_colours, "a blank or near-blank image"
    # Real content, not a thin frame: a good share of pixels is not the background.
    background = max(colours(image))[0]
    assert background < image.width * image.height * 0.97
    return image


# --- every kind ---------------------------------------------------------------------------------


def test_the_kind_names_are_the_five_charts() -> None:
    assert {"cashflow", "expenses_by_category", "income_vs_expenses", "budget", "forecast"} == CHART_KINDS
    assert set(TYPICAL) == set(Chart) == set(EMPTY)


@pytest.mark.parametrize("kind", list(Chart))
def test_typical_data_gives_a_phone_sized_png_under_40_kb(kind: Chart) -> None:
    png = render(kind.value, TYPICAL[kind](), title=TITLE)
    assert_chart(png, min_colours=12)
    assert len(png) < 40 * 1024


@pytest.mark.parametrize("kind", list(Chart))
def test_the_same_input_gives_the_same_bytes(kind: Chart) -> None:
    assert render(kind, TYPICAL[kind](), title=TITLE) == render(kind, TYPICAL[kind](), title=TITLE)


@pytest.mark.parametrize("kind", list(Chart))
def test_empty_data_is_a_titled_chart_with_the_callers_note(kind: Chart) -> None:
    english = render(kind, EMPTY[kind], title=TITLE)
    swahili = render(kind, EMPTY[kind], title=TITLE, labels=SWAHILI)
    for png in (english, swahili):
        image = opened(png)
        assert image.size == (600, 400)
        assert len(colours(image)) > 4  # title and note, antialiased
    assert english != swahili  # the note is the caller's words


@pytest.mark.parametrize("kind", list(Chart))
def test_swahili_labels_are_drawn_instead_of_english(kind: Chart) -> None:
    english = render(kind, TYPICAL[kind](), title=TITLE)
    swahili = render(kind, TYPICAL[kind](), title=TITLE, labels=SWAHILI)
    assert_chart(swahili)
    assert english != swahili


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (Chart.CASHFLOW, "money_in"),
        (Chart.CASHFLOW, "money_out"),
        (Chart.CASHFLOW, "balance"),
        (Chart.CASHFLOW, "currency"),
        (Chart.CASHFLOW, "months"),
        (Chart.EXPENSES_BY_CATEGORY, "other"),
        (Chart.EXPENSES_BY_CATEGORY, "currency"),
        (Chart.INCOME_VS_EXPENSES, "income"),
        (Chart.INCOME_VS_EXPENSES, "expenses"),
        (Chart.INCOME_VS_EXPENSES, "profit"),
        (Chart.INCOME_VS_EXPENSES, "thousand"),
        (Chart.BUDGET, "limit"),
        (Chart.FORECAST, "today"),
        (Chart.FORECAST, "forecast"),
        (Chart.FORECAST, "likely_range"),
        (Chart.FORECAST, "lowest"),
        (Chart.FORECAST, "threshold"),
        (Chart.FORECAST, "balance"),
    ],
)
def test_each_visible_word_comes_from_the_labels(kind: Chart, field: str) -> None:
    changed = "X" * 12 if field != "months" else tuple(f"M{i}" for i in range(12))
    labels = dataclasses.replace(ChartLabels(), **{field: changed})  # type: ignore[arg-type]
    assert render(kind, TYPICAL[kind](), title=TITLE, labels=labels) != render(kind, TYPICAL[kind](), title=TITLE)


@pytest.mark.parametrize("kind", list(Chart))
def test_the_title_is_drawn_and_wraps_when_long(kind: Chart) -> None:
    data = TYPICAL[kind]()
    short = render(kind, data, title=TITLE)
    assert render(kind, data, title="Wanjiru Hardware — Novemba 2026") != short
    long = "Wanjiru Hardware & General Supplies (Kariobangi North branch) — mtiririko wa pesa, Novemba 2026 " * 3
    assert_chart(render(kind, data, title=long))


def test_a_glyph_the_font_lacks_is_dropped_not_drawn_as_a_box() -> None:
    data = cashflow()
    assert cashflow_png(data, title="Mama Mboga 🥬 — Novemba 2026") == cashflow_png(
        data, title="Mama Mboga — Novemba 2026"
    )


def test_a_dollar_sign_is_text_not_mathtext() -> None:
    assert_chart(
        expenses_by_category_png(ExpensesByCategoryData([CategoryTotal("$5 and $6 fees", ksh(500))]), title="$")
    )


def test_render_refuses_an_unknown_kind_and_the_wrong_data() -> None:
    with pytest.raises(ValueError, match="unknown chart kind"):
        render("pie", budget(), title=TITLE)
    with pytest.raises(TypeError, match="BudgetData"):
        render("budget", cashflow(), title=TITLE)


# --- inputs -------------------------------------------------------------------------------------


def test_money_must_be_decimal() -> None:
    with pytest.raises(TypeError, match="Decimal"):
        CashflowData([START], [1500.0], [ksh(0)], [ksh(0)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="Decimal"):
        BudgetData([BudgetLine("Rent", 15_000, ksh(1))])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not an amount"):
        ExpensesByCategoryData([CategoryTotal("Rent", Decimal("NaN"))])


def test_series_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        CashflowData(days(2), [ksh(1)], [ksh(1), ksh(2)], [ksh(1), ksh(2)])
    with pytest.raises(ValueError, match="different lengths"):
        ForecastData([], [], days(2), [ksh(1), ksh(2)], [ksh(1)], [ksh(1), ksh(2)])


def test_labels_need_twelve_month_names() -> None:
    with pytest.raises(ValueError, match="12"):
        ChartLabels(months=("Jan", "Feb"))


def test_decimal_amounts_of_any_precision_and_exponent_render() -> None:
    items = [
        CategoryTotal("Cents", Decimal("1234.5678")),
        CategoryTotal("Big", Decimal("99999999.99")),
        CategoryTotal("Exponent", Decimal("1E+3")),
    ]
    image = assert_chart(expenses_by_category_png(ExpensesByCategoryData(items), title=TITLE))
    assert has_colour(image, STYLE.bar, min_pixels=500)


# --- cash flow ----------------------------------------------------------------------------------


def test_cashflow_of_a_single_day() -> None:
    png = cashflow_png(cashflow(1), title=TITLE)
    image = assert_chart(png, min_colours=6)
    assert has_colour(image, STYLE.money_in) and has_colour(image, STYLE.money_out)


def test_cashflow_beyond_62_days_is_grouped_by_week() -> None:
    # The weekly note appears only then: changing its words changes the long chart, not the short.
    weekly = dataclasses.replace(ChartLabels(), weekly="Per week!")
    long, short = cashflow(120), cashflow(62)
    assert cashflow_png(long, title=TITLE) != cashflow_png(long, title=TITLE, labels=weekly)
    assert cashflow_png(short, title=TITLE) == cashflow_png(short, title=TITLE, labels=weekly)
    image = assert_chart(cashflow_png(long, title=TITLE))
    assert has_colour(image, STYLE.money_in, min_pixels=2000)  # wide weekly bars, not hairlines
    assert len(cashflow_png(cashflow(400), title=TITLE)) < 40 * 1024


def test_cashflow_with_a_negative_balance_and_unsorted_days() -> None:
    data = cashflow(30, opening=-60_000)
    assert min(data.balance) < 0
    image = assert_chart(cashflow_png(data, title=TITLE))
    assert has_colour(image, STYLE.balance)
    shuffled = CashflowData(
        list(reversed(data.days)),
        list(reversed(data.money_in)),
        list(reversed(data.money_out)),
        list(reversed(data.balance)),
    )
    assert cashflow_png(shuffled, title=TITLE) == cashflow_png(data, title=TITLE)


def test_cashflow_of_all_zero_days_still_draws() -> None:
    zeros = [ksh(0)] * 7
    assert_chart(cashflow_png(CashflowData(days(7), zeros, zeros, zeros), title=TITLE), min_colours=4)


# --- categories ---------------------------------------------------------------------------------


def test_categories_are_biggest_first_with_the_tail_as_other() -> None:
    data = ExpensesByCategoryData([CategoryTotal(f"c{i}", ksh(100 * i)) for i in range(1, 13)])
    rows = ranked(data, ChartLabels(other="Mengineyo"), STYLE.font_family)
    assert [name for name, _, _ in rows] == ["c12", "c11", "c10", "c9", "c8", "c7", "c6", "c5", "Mengineyo"]
    assert rows[-1] == ("Mengineyo", ksh(100 + 200 + 300 + 400), True)


def test_categories_merge_names_and_drop_zeros_and_nine_need_no_other() -> None:
    items = [CategoryTotal(f"c{i}", ksh(10 * i)) for i in range(1, 10)]
    items += [CategoryTotal("c1", ksh(5)), CategoryTotal("empty", ksh(0))]
    rows = ranked(ExpensesByCategoryData(items), ChartLabels(), STYLE.font_family)
    assert len(rows) == 9 and not any(other for _, _, other in rows)
    assert ("c1", ksh(15), False) in rows


def test_long_category_names_are_cut_to_fit() -> None:
    name = "Stock from Gikomba market (sukuma wiki, tomatoes, onions, dhania) " * 4
    data = ExpensesByCategoryData([CategoryTotal(name, ksh(12_300)), CategoryTotal("Rent", ksh(15_000))])
    assert_chart(expenses_by_category_png(data, title=TITLE))
    chart = new_chart(STYLE)
    cut = chart.fit(name, STYLE.text_size, 200)
    assert cut.endswith("…") and chart.text_width(cut, STYLE.text_size) <= 200


def test_categories_with_a_refund_and_all_zero() -> None:
    data = ExpensesByCategoryData([CategoryTotal("Refund", ksh(-3_000)), CategoryTotal("Rent", ksh(15_000))])
    assert_chart(expenses_by_category_png(data, title=TITLE))
    zero = expenses_by_category_png(ExpensesByCategoryData([CategoryTotal("Rent", ksh(0))]), title=TITLE)
    assert zero == expenses_by_category_png(ExpensesByCategoryData([]), title=TITLE)  # the "no entries" chart


# --- income vs expenses -------------------------------------------------------------------------


def test_income_vs_expenses_with_a_loss_and_a_single_period() -> None:
    loss = IncomeExpensesData([PeriodTotals("Nov", ksh(20_000), ksh(35_000))])
    image = assert_chart(income_vs_expenses_png(loss, title=TITLE))
    assert has_colour(image, STYLE.money_in) and has_colour(image, STYLE.money_out)
    assert has_colour(image, STYLE.balance)  # the profit dot, below zero


def test_income_vs_expenses_of_many_weeks() -> None:
    weeks = [PeriodTotals(f"W{w}", ksh(10_000 + w * 100), ksh(9_000 + w * 150)) for w in range(1, 53)]
    assert_chart(income_vs_expenses_png(IncomeExpensesData(weeks), title=TITLE))


# --- budget -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spent", "colour"),
    [(ksh(5_000), STYLE.good), (ksh(8_200), STYLE.warn), (ksh(10_000), STYLE.warn), (ksh(10_001), STYLE.bad)],
)
def test_budget_bars_are_coloured_by_share_of_the_limit(spent: Decimal, colour: str) -> None:
    image = assert_chart(budget_png(BudgetData([BudgetLine("Food", spent, ksh(10_000))]), title=TITLE), min_colours=6)
    assert has_colour(image, colour, min_pixels=500)
    for other in {STYLE.good, STYLE.warn, STYLE.bad} - {colour}:
        assert not has_colour(image, other, min_pixels=500)


def test_budget_percent_labels_agree_with_the_colours() -> None:
    assert [shown_percent(Decimal(v)) for v in ("79.6", "80", "82.4", "99.6", "100", "100.4", "250")] == [
        79,
        80,
        82,
        100,
        100,
        101,
        250,
    ]


def test_budget_with_no_limit_a_blown_limit_and_many_lines() -> None:
    lines = [BudgetLine(f"Category {i} with a rather long name", ksh(i * 1_000), ksh(8_000)) for i in range(14)]
    lines += [BudgetLine("No limit", ksh(500), ksh(0)), BudgetLine("Way over", ksh(50_000), ksh(1_000))]
    english = budget_png(BudgetData(lines), title=TITLE)
    assert_chart(english)
    assert english != budget_png(BudgetData(lines), title=TITLE, labels=dataclasses.replace(ChartLabels(), other="Z"))


# --- forecast -----------------------------------------------------------------------------------


def test_forecast_marks_a_low_below_zero_in_red() -> None:
    falling = assert_chart(forecast_png(forecast(drop=3_000, threshold=None), title=TITLE))
    assert has_colour(falling, STYLE.bad, min_pixels=30)
    steady = assert_chart(forecast_png(forecast(drop=10, threshold=None), title=TITLE))
    assert not has_colour(steady, STYLE.bad, min_pixels=5)
    assert has_colour(steady, STYLE.band, min_pixels=300)


def test_forecast_low_under_the_owners_minimum_is_red_and_the_minimum_is_drawn() -> None:
    data = forecast(drop=10, threshold=ksh(1_000_000))
    image = assert_chart(forecast_png(data, title=TITLE))
    assert has_colour(image, STYLE.bad, min_pixels=30)
    assert has_colour(image, STYLE.warn, min_pixels=100)  # the dotted minimum line


def test_forecast_of_a_single_day_or_only_history_or_only_forecast() -> None:
    one = ForecastData([START], [ksh(100)], [START + timedelta(days=1)], [ksh(90)], [ksh(50)], [ksh(150)])
    assert_chart(forecast_png(one, title=TITLE), min_colours=6)
    history_only = ForecastData(days(30), cashflow(30).balance, [], [], [], [])
    assert_chart(forecast_png(history_only, title=TITLE))
    ahead = ForecastData(
        [], [], days(90), [ksh(1_000 - 50 * i) for i in range(90)], [ksh(-9_000)] * 90, [ksh(5_000)] * 90
    )
    assert_chart(forecast_png(ahead, title=TITLE))


def test_forecast_band_given_upside_down_is_drawn_the_same() -> None:
    data = forecast()
    flipped = dataclasses.replace(data, low=data.high, high=data.low)
    assert forecast_png(flipped, title=TITLE) == forecast_png(data, title=TITLE)


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (0.4, "0"),
        (500.0, "Ksh 500"),
        (1_500.0, "Ksh 1.5k"),
        (12_000.0, "Ksh 12k"),
        (150_000.0, "Ksh 150k"),
        (999_960.0, "Ksh 1M"),
        (1_200_000.0, "Ksh 1.2M"),
        (-40_000.0, "-Ksh 40k"),
        (3e9, "Ksh 3B"),
    ],
)
def test_short_money_on_axes(value: float, text: str) -> None:
    assert short_money(value, ChartLabels()) == text


def test_full_money_on_bars() -> None:
    assert full_money(ksh("12300"), ChartLabels()) == "Ksh 12,300"
    assert full_money(ksh("12300.50"), ChartLabels()) == "Ksh 12,301"
    assert full_money(ksh("-1050"), ChartLabels(currency="KES")) == "-KES 1,050"


# --- style and serving --------------------------------------------------------------------------


def test_fonts_are_at_least_11_pt() -> None:
    assert min(STYLE.title_size, STYLE.text_size, STYLE.note_size) >= 11


def test_another_size_and_full_colour() -> None:
    big = ChartStyle(width_in=4.8, height_in=3.6, dpi=150, png_colours=0)
    png = cashflow_png(cashflow(), title=TITLE, style=big)
    image = Image.open(io.BytesIO(png))
    assert image.size == (720, 540) and image.mode == "RGB"
    assert Image.open(io.BytesIO(cashflow_png(cashflow(), title=TITLE))).mode == "P"


def test_rendering_in_threads_gives_the_same_bytes_and_leaves_rcparams_alone() -> None:
    before = dict(matplotlib.rcParams)
    jobs = [(kind, TYPICAL[kind]()) for kind in Chart] * 4
    alone = [render(kind, data, title=TITLE) for kind, data in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda job: render(job[0], job[1], title=TITLE), jobs))
    assert together == alone
    assert dict(matplotlib.rcParams) == before


def test_pyplot_is_never_imported() -> None:
    code = (
        "import sys\n"
        "from finance.charts.kinds import render\n"
        "from tests.finance.test_charts import TYPICAL\n"
        "for kind, make in TYPICAL.items(): render(kind, make(), title='t')\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
