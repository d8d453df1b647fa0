"""Each state of the menu as the text Africa's Talking shows: "CON ..." waits for input, "END ..."
closes the session; either fits one 182-character screen, "CON " included."""

from dataclasses import dataclass

from conversations.display import money
from conversations.texts import t
from conversations.ussd.actions import choose_language, describe, last_entry, record, undo
from conversations.ussd.caller import Caller
from conversations.ussd.steps import (
    AMOUNT,
    CATEGORY,
    CONFIRM,
    EXPENSE_CHOICES,
    HOME,
    LANGUAGE,
    NOT_RECORDED,
    NOT_UNDONE,
    RECORD,
    REFUSED,
    SALE,
    UNDO,
    UNDONE,
    VIEW,
    State,
)
from conversations.ussd.texts import u
from conversations.ussd.views import view
from finance.categories import category_label
from finance.errors import AccessDenied
from finance.money import MAX_AMOUNT, ZERO

LIMIT = 182  # characters a USSD screen holds
ROOM = LIMIT - len("CON ")  # "END " is as long
TITLE_CHARS = 24  # the business's name in the menu's title
NAME_CHARS = 30  # ... and in a refusal


@dataclass(frozen=True)
class Screen:
    body: str
    end: bool = False
    # False for someone KAVI does not know: nothing of their step is kept.
    keep: bool = True

    @property
    def text(self) -> str:
        return ("END " if self.end else "CON ") + self.body


def fits(lines: list[str], tail: tuple[str, ...] = ()) -> bool:
    return len("\n".join([*lines, *tail])) <= ROOM


def fit(lines: list[str], tail: tuple[str, ...] = (), *, end: bool = False) -> Screen:
    """The lines and the tail (how to go back) in one screen: the last lines give way first."""
    lines = [line for line in lines if line]
    while len(lines) > 1 and not fits(lines, tail):
        lines.pop()
    return Screen("\n".join([*lines, *tail])[:ROOM], end)


def render(caller: Caller, state: State) -> Screen:
    """The screen for `state`; the step that reaches a recording, an undo or a language does it."""
    lang = caller.lang
    note = [_note(state, lang)] if state.note else []
    nav = (u("nav", lang),)
    screen = state.screen
    if screen == HOME:
        if state.note == "language_set":
            choose_language(caller, state.lang)
        title = [u("title", lang, business=caller.business.name[:TITLE_CHARS])]
        menu = u("menu", lang).split("\n")
        # The title gives way before any item does.
        return fit([*note, *(title if fits([*note, *title, *menu]) else []), *menu])
    if screen == AMOUNT:
        return fit([*note, u(f"ask_amount_{state.item}", lang)], nav)
    if screen == CATEGORY:
        choices = [f"{n} {_capital(category_label(c, lang))}" for n, c in enumerate(EXPENSE_CHOICES, 1)]
        return fit([*note, u("ask_category", lang, amount=_amount(caller, state)), *choices], nav)
    if screen == CONFIRM:
        key = "confirm_sale" if state.item == SALE else "confirm_expense"
        asked = u(key, lang, amount=_amount(caller, state), category=category_label(state.category or "", lang))
        return fit([*note, asked, u("yes_no", lang)], nav)
    if screen == VIEW:
        return fit([*note, *view(caller, state.item)], nav)
    if screen == UNDO:
        txn = last_entry(caller)
        if txn is None:
            return fit([u("nothing_to_undo", lang)], end=True)
        return fit([*note, u("undo_confirm", lang, **describe(caller, txn)), u("yes_no", lang)], nav)
    if screen == LANGUAGE:
        return fit([*note, *u("language_menu", lang).split("\n")], nav)
    return _final(caller, state)


def _final(caller: Caller, state: State) -> Screen:
    lang = caller.lang
    try:
        if state.screen == RECORD:
            return fit(record(caller, state), end=True)
        if state.screen == UNDONE:
            return fit(undo(caller), end=True)
    except AccessDenied as exc:  # the role changed since the menu was shown
        return refused(caller, exc.has)
    if state.screen in (NOT_RECORDED, NOT_UNDONE):
        return fit([u("not_recorded" if state.screen == NOT_RECORDED else "not_undone", lang)], end=True)
    if state.screen == REFUSED:
        return refused(caller, caller.member.role)
    return fit([u("over", lang)], end=True)


def refused(caller: Caller, role: str) -> Screen:
    role_name = t(f"role_{role}", caller.lang)
    business = caller.business.name[:NAME_CHARS]
    return fit([u("refused", caller.lang, role=role_name, business=business)], end=True)


def stranger() -> Screen:
    return Screen(u("stranger", "en"), end=True, keep=False)


def failed(lang: str = "en") -> Screen:
    return Screen(u("failed", lang), end=True)


def _note(state: State, lang: str) -> str:
    if state.note == "choose_category":
        return u("choose_category", lang, count=len(EXPENSE_CHOICES))
    if state.note == "amount_too_large":
        return u("amount_too_large", lang, limit=money(MAX_AMOUNT, lang))
    return u(state.note or "", lang)


def _amount(caller: Caller, state: State) -> str:
    return money(state.amount or ZERO, caller.lang, caller.business.currency)


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]
