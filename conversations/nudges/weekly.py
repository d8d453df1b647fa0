"""The Friday report (18:00): the week so far against last week by the same day, where the money went,
with the week's cash-flow chart."""

from datetime import timedelta

from conversations.chart_replies import chart_for
from conversations.display import money, period
from conversations.nudges.plan import Books, Nudge
from conversations.nudges.words import both
from conversations.texts import t
from finance.categories import category_label
from finance.services.reports import summarise


def weekly(books: Books) -> list[Nudge]:
    session, actor, today = books.session, books.member, books.today
    start = today - timedelta(days=today.weekday())
    week = summarise(session, actor=actor, start=start, end=today)
    before = summarise(session, actor=actor, start=start - timedelta(days=7), end=today - timedelta(days=7))
    if not week.count and not before.count:
        return []
    spent = {c: v for c, v in week.by_category.items() if c not in ("sales", "services", "other_income")}

    def write(b: Books) -> str:
        lang, currency = b.lang, b.business.currency
        lines = [
            t("weekly_head", lang, period=period(start, today, today, lang),
              money_in=money(week.income, lang, currency), money_out=money(week.expenses, lang, currency),
              profit=money(week.profit, lang, currency), before=money(before.profit, lang, currency))
        ]  # fmt: skip
        if spent:
            category, amount = max(spent.items(), key=lambda kv: kv[1])
            lines.append(t("weekly_top", lang, category=category_label(category, lang),
                           amount=money(amount, lang, currency)))  # fmt: skip
        return "\n".join(lines)

    chart = chart_for(books, "cashflow", start, today, period(start, today, today, books.lang))
    image = chart.image.data if chart is not None and chart.image is not None else None
    return [Nudge("weekly", "weekly", both(books, write), image=image)]
