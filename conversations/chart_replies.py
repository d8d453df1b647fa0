"""A chart as a reply, or added to one: the figures read from the books, drawn in the person's language,
with the two-line summary that SMS and a spoken reply get instead of the picture. People who asked for
charts ("always send charts") get one with their summaries, budgets and forecasts too."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Protocol

from sqlmodel import Session

from conversations.display import day, money, period
from conversations.messages import Media, Reply
from conversations.texts import t
from conversations.texts_charts import SWAHILI_CHART_LABELS
from conversations.turn import Turn
from finance.categories import category_label
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
from finance.charts.kinds import Chart, ChartData, render
from finance.charts.labels import ChartLabels
from finance.models import Business, Member
from finance.money import ZERO
from finance.services import chart_data
from finance.services.forecast import DEFAULT_DAYS

CHARTS = tuple(kind.value for kind in Chart)


class Viewer(Protocol):
    """Whom a chart is drawn for: a turn of the conversation, or a scheduled nudge's reader."""

    session: Session
    member: Member
    business: Business
    lang: str
    today: date


def chart_labels(lang: str) -> ChartLabels:
    if lang != "sw":
        return ChartLabels()
    return replace(ChartLabels(), **SWAHILI_CHART_LABELS)  # type: ignore[arg-type]


def chart_for(turn: Viewer, kind: str, start: date, end: date, when: str) -> Reply | None:
    """The chart of `kind` for the period with its summary; None when there is nothing to draw."""
    drawn = _draw(turn, kind, start, end, when)
    if drawn is None:
        return None
    summary, data = drawn
    lang = turn.lang
    title = t(f"chart_title_{kind}", lang, business=turn.business.name, period=when, days=DEFAULT_DAYS)
    png = render(kind, data, title=title, labels=chart_labels(lang))
    return Reply(summary, image=Media("image/png", f"{kind}.png", png), spoken=summary.replace("\n", " "))


def with_chart(turn: Turn, reply: Reply, kind: str, start: date, end: date) -> Reply:
    """The reply, with the matching chart when the person asked for charts with their answers."""
    if not turn.person.chart_replies or reply.image is not None:
        return reply
    found = chart_for(turn, kind, start, end, period(start, end, turn.today, turn.lang))
    if found is not None:
        reply.image = found.image
    return reply


def _draw(turn: Viewer, kind: str, start: date, end: date, when: str) -> tuple[str, ChartData] | None:
    session, actor, lang, currency = turn.session, turn.member, turn.lang, turn.business.currency

    def m(amount: Decimal) -> str:
        return money(amount, lang, currency)

    if kind == "cashflow":
        flows = chart_data.daily(session, actor=actor, start=start, end=end)
        if not any(flows.money_in) and not any(flows.money_out):
            return None
        opening = flows.balance[0] - flows.money_in[0] + flows.money_out[0]
        text = t(
            "chart_cashflow",
            lang,
            period=when,
            money_in=m(sum(flows.money_in, ZERO)),
            money_out=m(sum(flows.money_out, ZERO)),
            opening=m(opening),
            closing=m(flows.balance[-1]),
        )
        return text, CashflowData(flows.days, flows.money_in, flows.money_out, flows.balance)
    if kind == "expenses_by_category":
        items = chart_data.expenses_by_category(session, actor=actor, start=start, end=end)
        if not items:
            return None
        top = ", ".join(f"{category_label(c, lang)} {m(v)}" for c, v in items[:2])
        text = t("chart_expenses_by_category", lang, period=when, total=m(sum((v for _, v in items), ZERO)), top=top)
        return text, ExpensesByCategoryData([CategoryTotal(category_label(c, lang), v) for c, v in items])
    if kind == "income_vs_expenses":
        size, buckets = chart_data.buckets(session, actor=actor, start=start, end=end)
        income = sum((b.income for b in buckets), ZERO)
        expenses = sum((b.expenses for b in buckets), ZERO)
        if not income and not expenses:
            return None
        labels = chart_labels(lang)
        names = [
            labels.months[b.start.month - 1] if size == "monthly" else day(b.start, turn.today, lang) for b in buckets
        ]
        profit = income - expenses
        text = t(
            "chart_income_vs_expenses",
            lang,
            period=when[0].upper() + when[1:],
            income=m(income),
            expenses=m(expenses),
            label=t("profit" if profit >= 0 else "loss", lang),
            result=m(abs(profit)),
        )
        return text, IncomeExpensesData(
            [PeriodTotals(n, b.income, b.expenses) for n, b in zip(names, buckets, strict=True)]
        )
    if kind == "budget":
        found = chart_data.budget_lines(session, actor=actor, today=turn.today)
        if not found:
            return None
        fullest = found[0]
        text = t(
            "chart_budget",
            lang,
            period=when,
            count=len(found),
            category=category_label(fullest.category, lang),
            percent=fullest.percent,
        )
        return text, BudgetData([BudgetLine(category_label(s.category, lang), s.spent, s.limit) for s in found])
    series = chart_data.forecast_series(session, actor=actor, today=turn.today, days=DEFAULT_DAYS)
    cast = series.forecast
    if cast.history_days == 0 and not cast.expected:
        return None
    text = t(
        "chart_forecast",
        lang,
        days=DEFAULT_DAYS,
        closing=m(cast.closing.mean),
        end=day(cast.closing.day, turn.today, lang),
        lowest=m(cast.lowest.mean),
        low_day=day(cast.lowest.day, turn.today, lang),
    )
    data = ForecastData(
        series.history.days,
        series.history.balance,
        [p.day for p in cast.path],
        [p.mean for p in cast.path],
        [p.low for p in cast.path],
        [p.high for p in cast.path],
    )
    return text, data
