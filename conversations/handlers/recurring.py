"""Recurring entries in the chat: "rent 15k every month on the 1st" records today's and starts the
schedule (the scheduler records the rest, conversations/nudges/), "my recurring" lists them, "stop the
rent one" stops one (with buttons when several match)."""

from typing import Any

from babel.dates import format_date

from conversations import state as st
from conversations.contract import IntentSpec, Slot
from conversations.display import day, money
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import CHOICE, EVERYONE, WRITERS, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.categories import category_label
from finance.errors import FinanceError
from finance.models import Transaction
from finance.models.recurring import Recurring
from finance.money import from_cents
from finance.services.recurring import active, start_recurring, stop_recurring

_LOCALES = {"en": "en_KE", "sw": "sw_KE"}
_CHOICE_LIMIT = 6


def how_often(schedule: Recurring, lang: str) -> str:
    """ "every day", "every Friday", "every month on the 1st"."""
    if schedule.every == "weekly":
        weekday = format_date(schedule.anchor, "EEEE", locale=_LOCALES.get(lang, "en_KE"))
        return t("every_weekly", lang, weekday=weekday)
    if schedule.every == "monthly":
        dom = schedule.anchor.day
        shown = f"{dom}{_suffix(dom)}" if lang == "en" else str(dom)
        return t("every_monthly", lang, dom=shown)
    return t("every_daily", lang)


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def what(schedule: Recurring, lang: str) -> str:
    return schedule.counterparty or category_label(schedule.category, lang)


def start_from(turn: Turn, txn: Transaction, every: str) -> str | None:
    """Starts the schedule an entry asked for; the line that says so, or None when it could not."""
    try:
        schedule = start_recurring(
            turn.session,
            actor=turn.member,
            kind=txn.kind,
            amount=from_cents(txn.amount_cents),
            category=txn.category,
            every=every,
            anchor=txn.occurred_on,
            counterparty=txn.counterparty,
        )
    except FinanceError:
        return None
    txn.recurring_id = schedule.id  # the entry that started it: undoing it stops the schedule
    turn.session.add(txn)
    lang = turn.lang
    return t(
        "repeat_started",
        lang,
        every=how_often(schedule, lang),
        next=day(schedule.next_on, turn.today, lang),
        category=category_label(schedule.category, lang),
    )


def _line(turn: Turn, schedule: Recurring) -> dict[str, str]:
    lang = turn.lang
    return {
        "what": what(schedule, lang).capitalize(),
        "amount": money(from_cents(schedule.amount_cents), lang, turn.business.currency),
        "every": how_often(schedule, lang),
        "next": day(schedule.next_on, turn.today, lang),
    }


def list_recurring(turn: Turn, intent: Intent) -> Reply:
    found = active(turn.session, actor=turn.member)
    if not found:
        return Reply(t("recurring_none", turn.lang))
    lines = [t("recurring_header", turn.lang), *(t("recurring_line", turn.lang, **_line(turn, s)) for s in found)]
    return Reply("\n".join(lines))


def stop_intent(turn: Turn, intent: Intent) -> Reply:
    category, who = intent.slots.get("category"), intent.slots.get("counterparty")
    found = [
        s
        for s in active(turn.session, actor=turn.member)
        if (not category or s.category == category) and (not who or (s.counterparty or "").lower() == str(who).lower())
    ]
    if not found:
        named = str(who or (category_label(str(category), turn.lang) if category else t("entries", turn.lang)))
        return Reply(t("recurring_not_found", turn.lang, what=named))
    if len(found) == 1:
        return _stop(turn, found[0])
    labels = [_choice(turn, s) for s in found[:_CHOICE_LIMIT]]
    st.ask(turn.state, "recurring_which", {"ids": [s.id for s in found[:_CHOICE_LIMIT]], "labels": labels})
    return Reply(t("recurring_which", turn.lang), choices=labels)


def _choice(turn: Turn, schedule: Recurring) -> str:
    words = _line(turn, schedule)
    return f"{words['what']} {words['amount']} {words['every']}"


def _stop(turn: Turn, schedule: Recurring) -> Reply:
    st.clear(turn.state)
    words = _line(turn, schedule)
    try:
        stop_recurring(turn.session, actor=turn.member, recurring_id=schedule.id or 0)
    except FinanceError:
        return Reply(t("unknown", turn.lang))
    return Reply(t("recurring_stopped", turn.lang, **words))


def which_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    labels = [str(label).lower() for label in slots.get("labels") or []]
    chosen = text.strip().lower()
    if chosen not in labels:
        return None
    schedule = turn.session.get(Recurring, int(slots["ids"][labels.index(chosen)]))
    if schedule is None or schedule.business_id != turn.business.id or schedule.stopped_at is not None:
        return Reply(t("recurring_not_found", turn.lang, what=text.strip()))
    return _stop(turn, schedule)


declare(
    "list_recurring",
    list_recurring,
    roles=EVERYONE,
    says=("my recurring", "recurring entries"),
    spec=IntentSpec("List the entries that repeat."),
    help=Help(
        58,
        '• Repeats: "my recurring", "stop the rent one", "rent 15k every month on the 1st"',
        '• Zinazojirudia: "zinazojirudia", "acha ya kodi", "kodi 15k kila mwezi tarehe 1"',
    ),
)
declare(
    "stop_recurring",
    stop_intent,
    roles=WRITERS,
    says=("stop the rent one", "stop recurring rent"),
    spec=IntentSpec(
        "Stop an entry that repeats.",
        {"category": Slot("string", "Its category."), "counterparty": Slot("string", "Who it is paid to or by.")},
    ),
    questions=(Question("recurring_which", CHOICE, which_answer),),
)
