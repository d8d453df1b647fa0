"""The cash story in two lines: how fast customers pay, and this month against last."""

from conversations.display import money
from conversations.texts import t
from conversations.turn import Turn
from finance.services.kpis import Kpis, kpis


def kpi_lines(turn: Turn) -> list[str]:
    found = kpis(turn.session, actor=turn.member, today=turn.today)
    return describe(found, turn.lang, turn.business.currency)


def describe(found: Kpis, lang: str, currency: str) -> list[str]:
    lines = []
    average = found.average_days_to_pay
    if average is not None:
        slowest = found.paces[0]
        lines.append(
            t("kpi_pay", lang, days=average, name=slowest.name, slow=slowest.days)
            + (t("kpi_owed", lang, amount=money(found.receivable, lang, currency), dso=found.dso) if found.dso else "")
        )
    if found.income_change is not None:
        income = t("kpi_up" if found.income_change >= 0 else "kpi_down", lang, pct=abs(found.income_change))
        line = t("kpi_income", lang, change=income)
        if found.expense_change is not None:
            spent = t("kpi_up" if found.expense_change >= 0 else "kpi_down", lang, pct=abs(found.expense_change))
            line += t("kpi_spending", lang, change=spent)
        lines.append(line + ".")
    return lines
