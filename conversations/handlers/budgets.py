"""set_budget / budget_status: a monthly or weekly limit per expense category, how it stands, and what
drove it. The alerts after a recording that crosses 80 % or 100 % are in conversations/budget_alerts.py."""

from decimal import Decimal
from typing import Any

from conversations import state as st
from conversations.budget_alerts import standing
from conversations.chart_replies import with_chart
from conversations.contract import AMOUNT, EXPENSE_CATEGORIES, IntentSpec, Slot
from conversations.display import money
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.parser.money_moved import money_amount
from conversations.parser.records import EXPENSE_CATEGORIES as CATEGORY_WORDS
from conversations.parser.text import Analysed
from conversations.registry import ADMINS, CHOICE, EVERYONE, Help, Question, declare
from conversations.registry import AMOUNT as TAKES_AMOUNT
from conversations.texts import t
from conversations.turn import Turn
from conversations.understand import understand
from finance.categories import EXPENSE_CATEGORIES as CATEGORIES
from finance.categories import category_label
from finance.errors import FinanceError, NotFound
from finance.money import ZERO, D, MoneyError, plain
from finance.services.budgets import PERIODS, BudgetStatus, period_of, remove_budget, set_budget, statuses, variance
from finance.services.reports import summarise

# The categories offered as buttons when a budget names none: where small businesses spend most.
# A reading this sure is a message of its own, never the answer to "how much?".
SURE_OF_ITS_OWN = 0.7
_OFFERED = ("stock", "transport", "rent", "utilities", "salaries", "airtime")


def set_budget_intent(turn: Turn, intent: Intent) -> Reply:
    slots = dict(intent.slots)
    named = slots.get("period")
    category = slots.get("category")
    if named and named not in PERIODS:
        return Reply(t("budget_period_unsupported", turn.lang))  # never a yearly budget kept as monthly
    slots["period"] = named or "monthly"
    if "amount" in slots:
        try:
            amount = D(str(slots["amount"]))
        except MoneyError:
            return Reply(t("unknown", turn.lang))
        if amount == 0 and category:
            return _remove(turn, str(category), str(named) if named else None)
        if amount <= 0:
            return Reply(t("amount_zero" if amount == 0 else "amount_negative", turn.lang))
    if not category:
        shown = money(D(str(slots["amount"])), turn.lang, turn.business.currency) if "amount" in slots else ""
        st.ask(turn.state, "budget_category", slots)
        return Reply(
            t("budget_ask_category", turn.lang, amount=shown).replace("  ", " "),
            choices=[category_label(c, turn.lang) for c in _OFFERED],
        )
    if "amount" not in slots:
        st.ask(turn.state, "budget_amount", slots)
        unit = t(f"unit_{slots['period']}", turn.lang)
        return Reply(t("budget_ask_amount", turn.lang, unit=unit, category=category_label(str(category), turn.lang)))
    return _set(turn, str(category), D(str(slots["amount"])), slots["period"])


def _set(turn: Turn, category: str, amount: Decimal, period: str) -> Reply:
    st.clear(turn.state)
    try:
        result = set_budget(turn.session, actor=turn.member, category=category, amount=amount, period=period)
    except FinanceError:
        return Reply(t("unknown", turn.lang))
    current = next(
        s for s in statuses(turn.session, actor=turn.member, today=turn.today, category=category) if s.period == period
    )
    lang, currency = turn.lang, turn.business.currency
    label = category_label(category, lang)
    words: dict[str, object] = {
        "category": label,
        "amount": money(amount, lang, currency),
        "per": t(f"per_{period}", lang),
        "period": t("this_week" if period == "weekly" else "this_month", lang),
        "spent": money(current.spent, lang, currency),
        "percent": current.percent,
    }
    if result.previous is None:
        return Reply(t("budget_set", lang, **words))
    words["category"] = label.capitalize()
    return Reply(t("budget_changed", lang, before=money(result.previous, lang, currency), **words))


def _remove(turn: Turn, category: str, period: str | None) -> Reply:
    """Removes the period named, or every period of the category when none was, and says which."""
    st.clear(turn.state)
    label = category_label(category, turn.lang)
    try:
        removed = remove_budget(turn.session, actor=turn.member, category=category, period=period)
    except NotFound:
        return Reply(t("budget_none_to_remove", turn.lang, category=label))
    periods = t("and", turn.lang).join(t(f"period_{b.period}", turn.lang) for b in removed)
    key = "budget_removed" if len(removed) == 1 else "budget_removed_several"
    return Reply(t(key, turn.lang, category=label, periods=periods))


def budget_status(turn: Turn, intent: Intent) -> Reply:
    category = intent.slots.get("category")
    found = statuses(turn.session, actor=turn.member, today=turn.today, category=category)
    lang, currency = turn.lang, turn.business.currency
    if not found and category:
        start = period_of("monthly", turn.today)[0]
        spent = summarise(
            turn.session, actor=turn.member, start=start, end=turn.today, category=category
        ).by_category.get(category, ZERO)
        label = category_label(category, lang)
        return Reply(
            t("budget_none_for", lang, category=label, spent=money(spent, lang, currency), period=t("this_month", lang))
        )
    if not found:
        return Reply(t("budget_none", lang))
    lines = [standing(turn, s) for s in found]
    if category or len(found) == 1:
        reply = Reply("\n".join([*lines, *_explained(turn, found[0])]))
    else:
        reply = Reply(t("budget_status_header", lang) + "\n" + "\n".join(lines))
    return with_chart(turn, reply, "budget", turn.today.replace(day=1), turn.today)


def _explained(turn: Turn, current: BudgetStatus) -> list[str]:
    """The variance in words: against the previous period at this point, and who took the most."""
    lang, currency = turn.lang, turn.business.currency
    found = variance(turn.session, actor=turn.member, current=current)
    lines = []
    diff = found.current - found.previous
    change = (
        t("budget_more", lang, amount=money(diff, lang, currency))
        if diff > 0
        else t("budget_less", lang, amount=money(-diff, lang, currency))
        if diff < 0
        else t("budget_same", lang)
    )
    lines.append(
        t(f"budget_compare_{current.period}", lang, previous=money(found.previous, lang, currency), change=change)
    )
    named = [d for d in found.drivers if d.name]
    if named:
        items = ", ".join(f"{d.name} {money(d.amount, lang, currency)}" for d in named)
        lines.append(t("budget_drivers", lang, items=items))
    return lines


def _sure_of_its_own(turn: Turn, text: str) -> bool:
    reading = understand(text, turn.today)
    return reading.name not in ("unknown", "set_budget") and reading.confidence >= SURE_OF_ITS_OWN


def category_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    msg = Analysed.of(text)
    found = CATEGORY_WORDS.first(msg.lows)
    if found is None:
        lowered = text.strip().lower()
        found_name = next(
            (c for c in CATEGORIES if lowered in (c, category_label(c, "en"), category_label(c, "sw"))), None
        )
        if found_name is None:
            return None
        category = found_name
    else:
        category = found.value
    return set_budget_intent(turn, Intent("set_budget", {**slots, "category": category}))


def amount_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    msg = Analysed.of(text)
    amount = money_amount(msg, set())
    if amount is None or len(msg.lows) > 4 or _sure_of_its_own(turn, text):
        return None  # "paid rent 15k", "sold goods 5000" are entries of their own, not this budget's amount
    return set_budget_intent(turn, Intent("set_budget", {**slots, "amount": plain(amount.value)}))


declare(
    "set_budget",
    set_budget_intent,
    roles=ADMINS,
    says=(
        "set a budget of {amount} for {exp}",
        "set {exp} budget to {amount}",
        "budget {amount} for {exp} {period}",
        "weka bajeti ya {exp} {sw_amount}",
        "bajeti ya {exp} ni {sw_amount}",
    ),
    spec=IntentSpec(
        "Set a spending limit for a category.",
        {
            "category": Slot("string", "Expense category.", EXPENSE_CATEGORIES),
            "amount": AMOUNT,
            "period": Slot("string", "Budget period.", ("monthly", "weekly")),
        },
        ("category", "amount"),
    ),
    questions=(
        Question("budget_category", CHOICE, category_answer),
        Question("budget_amount", TAKES_AMOUNT, amount_answer),
    ),
    help=Help(
        40,
        '• Budgets: "transport budget 10k a month", "remove the fuel budget"',
        '• Bajeti: "bajeti ya usafiri 10k kwa mwezi", "ondoa bajeti ya mafuta"',
    ),
)
declare(
    "budget_status",
    budget_status,
    roles=EVERYONE,
    says=("how is my budget", "how is my {exp} budget"),
    spec=IntentSpec("How spending compares with budgets.", {"category": Slot("string", "Only this category.")}),
    help=Help(41, '• "how is my fuel budget?", "my budgets"', '• "bajeti ya mafuta iko aje?", "bajeti zangu"'),
)
