"""The USSD menu as a small state machine over Africa's Talking's `text`.

Every request carries all the session's input joined by "*" ("", "2", "2*500", "2*500*3"), so the
state is never stored: it is worked out again from the start each time, with no database. That
makes a resent request land on the same screen, and only the last input can change anything (a
terminal screen takes no more input). "0" goes back a screen, "00" home; each screen says so.
"""

from collections.abc import Collection
from dataclasses import dataclass, replace
from decimal import Decimal

from conversations.parser.currency import foreign_currency
from conversations.parser.money_moved import money_amount
from conversations.parser.text import Analysed
from finance.errors import InvalidAmount
from finance.services.ledger import check_amount

HOME, AMOUNT, CATEGORY, CONFIRM, VIEW, UNDO, LANGUAGE = "home", "amount", "category", "confirm", "view", "undo", "lang"
# Screens that end the session (END): after one, there is nothing more to type.
RECORD, NOT_RECORDED, UNDONE, NOT_UNDONE, REFUSED, OVER = "record", "no_record", "undone", "no_undo", "refused", "over"
TERMINAL = frozenset({RECORD, NOT_RECORDED, UNDONE, NOT_UNDONE, REFUSED, OVER})

SALE, EXPENSE = "sale", "expense"
TODAY, MONTH, BALANCE, INVOICES, ENTRIES = "today", "month", "balance", "invoices", "entries"
VIEWS = frozenset({TODAY, MONTH, BALANCE, INVOICES, ENTRIES})
# Menu number -> (item, the intent whose roles it takes, from conversations/registry.py).
MENU: dict[str, tuple[str, str]] = {
    "1": (SALE, "record_income"),
    "2": (EXPENSE, "record_expense"),
    "3": (TODAY, "query_summary"),
    "4": (MONTH, "query_summary"),
    "5": (BALANCE, "query_summary"),
    "6": (INVOICES, "list_invoices"),
    "7": (ENTRIES, "query_summary"),
    "8": ("undo", "undo"),
    "9": ("language", "set_language"),
}
# KAVI's own expense categories (finance/categories.py), the everyday ones, in this order on screen.
EXPENSE_CHOICES = ("stock", "rent", "transport", "utilities", "salaries", "airtime", "supplies", "meals", "other")
LANGUAGES = {"1": "en", "2": "sw"}
BACK, GO_HOME = "0", "00"


@dataclass(frozen=True)
class State:
    screen: str = HOME
    item: str = ""
    amount: Decimal | None = None
    category: str | None = None
    lang: str = "en"
    # A text key shown above the screen: why the last input was not taken, or "language_set".
    note: str | None = None


def inputs(text: str) -> list[str]:
    return [part.strip() for part in text.split("*")] if text else []


def walk(text: str, *, lang: str, allowed: Collection[str]) -> State:
    """The screen `text` leads to. `allowed`: the menu items this person's role may use."""
    state, stack = State(lang=lang), list[State]()
    for typed in inputs(text):
        state = _step(state, stack, typed, allowed)
    return state


def _step(state: State, stack: list[State], typed: str, allowed: Collection[str]) -> State:
    if state.screen in TERMINAL:
        return State(OVER, lang=state.lang)
    if typed == GO_HOME or (typed == BACK and state.screen != HOME and not stack):
        stack.clear()
        return State(lang=state.lang)
    if typed == BACK and state.screen != HOME:
        return stack.pop()
    nxt = _next(state, typed, allowed)
    if nxt.screen == HOME:
        stack.clear()
    elif nxt.screen != state.screen:
        stack.append(replace(state, note=None))
    return nxt


def _next(state: State, typed: str, allowed: Collection[str]) -> State:
    """The screen one input leads to; the same screen with a note when the input does not fit it."""
    lang = state.lang
    if state.screen == HOME:
        if typed not in MENU:
            return replace(state, note="choose_menu")
        item = MENU[typed][0]
        if item not in allowed:
            return State(REFUSED, item, lang=lang)
        if item in (SALE, EXPENSE):
            return State(AMOUNT, item, lang=lang)
        if item in VIEWS:
            return State(VIEW, item, lang=lang)
        return State(UNDO if item == "undo" else LANGUAGE, item, lang=lang)
    if state.screen == AMOUNT:
        amount, problem = read_amount(typed)
        if amount is None:
            return replace(state, note=problem)
        if state.item == SALE:
            return State(CONFIRM, SALE, amount, "sales", lang)
        return State(CATEGORY, EXPENSE, amount, lang=lang)
    if state.screen == CATEGORY:
        if typed.isdigit() and 1 <= int(typed) <= len(EXPENSE_CHOICES):
            return replace(state, screen=CONFIRM, category=EXPENSE_CHOICES[int(typed) - 1], note=None)
        return replace(state, note="choose_category")
    if state.screen in (CONFIRM, UNDO):
        yes, no = (RECORD, NOT_RECORDED) if state.screen == CONFIRM else (UNDONE, NOT_UNDONE)
        if typed in ("1", "2"):
            return replace(state, screen=yes if typed == "1" else no, note=None)
        return replace(state, note="choose_yes_no")
    if state.screen == LANGUAGE and typed in LANGUAGES:
        return State(lang=LANGUAGES[typed], note="language_set")
    return replace(state, note="choose_yes_no" if state.screen == LANGUAGE else "choose_back")


def read_amount(typed: str) -> tuple[Decimal | None, str]:
    """KAVI's own amount reading ("500", "1,500", "1.5k", "2 thao"), and only when it is all that was
    typed: "1e5" or "1.5.5" is no amount, nor "40 usd" (the books are in shillings). The problem's text
    key when it is not one."""
    msg = Analysed.of(typed)
    found = money_amount(msg, set()) if msg.tokens else None
    if found is None or found.start != 0 or found.end != len(msg.tokens) or foreign_currency(msg):
        return None, "not_amount"
    try:
        check_amount(found.value)
    except InvalidAmount as exc:
        return None, f"amount_{exc.reason}"
    return found.value, ""
