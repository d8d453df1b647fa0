"""A budget's standing in one line, and the alerts a recording adds to its confirmation when it pushes
a budget past 80 % or 100 % (each once a period: finance/services/budgets.py keeps which were given)."""

from conversations.display import money
from conversations.texts import t
from conversations.turn import Turn
from finance.categories import category_label
from finance.models import Kind, Transaction
from finance.services.budgets import BudgetStatus, crossings


def standing(turn: Turn, status: BudgetStatus) -> str:
    """ "🟡 transport: Ksh 8,200 of Ksh 10,000 (82%) this month, Ksh 1,800 left for 9 days"."""
    lang, currency = turn.lang, turn.business.currency
    icon = "🔴" if status.percent >= 100 else "🟡" if status.percent >= 80 else "🟢"
    left = (
        t("budget_over", lang, amount=money(-status.left, lang, currency))
        if status.left < 0
        else t("budget_left", lang, amount=money(status.left, lang, currency), days=status.days_left)
    )
    return t(
        "budget_line",
        lang,
        icon=icon,
        category=category_label(status.category, lang).capitalize(),
        spent=money(status.spent, lang, currency),
        limit=money(status.limit, lang, currency),
        percent=status.percent,
        period=t("this_week" if status.period == "weekly" else "this_month", lang),
        left=left,
    )


def alerts_after(turn: Turn, *entries: Transaction | None) -> list[str]:
    """The alert lines for budgets the entries pushed past a threshold, in the reply that recorded them."""
    lines: list[str] = []
    seen: set[str] = set()
    for txn in entries:
        if txn is None or txn.kind != Kind.expense or txn.category in seen:
            continue
        seen.add(txn.category)
        for status, threshold in crossings(
            turn.session, actor=turn.member, category=txn.category, day=txn.occurred_on, today=turn.today
        ):
            lines.append(alert_text(turn.lang, turn.business.currency, status, threshold))
    return lines


def alert_text(lang: str, currency: str, status: BudgetStatus, threshold: int) -> str:
    return t(
        f"budget_alert_{threshold}",
        lang,
        category=category_label(status.category, lang).capitalize(),
        spent=money(status.spent, lang, currency),
        limit=money(status.limit, lang, currency),
        percent=status.percent,
        days=status.days_left,
    )
