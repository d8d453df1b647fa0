"""activity_log: "who recorded the 5k fuel?", "what changed today?", "what did Brian do this week?" —
from the activity log, newest first, with before and after for edits, and who made each change when
the business has more than one member."""

from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from conversations.contract import END, START, IntentSpec, Slot
from conversations.display import money, period
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import EVERYONE, Help, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.categories import category_label
from finance.money import D, MoneyError
from finance.services.history import Change, Filters, changes, members_named
from finance.services.team import team

SHOWN = 10
_LOCALES = {"en": "en_KE", "sw": "sw_KE"}
_KINDS = {"expense": ("expense", "matumizi"), "income": ("income", "mapato"), "transfer": ("move", "uhamisho")}


def activity_log(turn: Turn, intent: Intent) -> Reply:
    slots, lang = intent.slots, turn.lang
    start, end = _day(slots.get("start")), _day(slots.get("end"))
    people = None
    if slots.get("member"):
        people = members_named(turn.session, actor=turn.member, name=str(slots["member"]))
    filters = Filters(
        start=start,
        end=end or start,
        category=str(slots["category"]) if slots.get("category") else None,
        counterparty=str(slots["counterparty"]) if slots.get("counterparty") else None,
        amount=_amount(slots.get("amount")),
        person_ids=people,
    )
    found = changes(turn.session, actor=turn.member, filters=filters, timezone=turn.business.timezone, limit=SHOWN + 1)
    if not found:
        return Reply(t("history_none", lang))
    several = len(team(turn.session, business_id=turn.business.id or 0)) > 1
    what = f" {period(start, end or start, turn.today, lang)}" if start else ""
    lines = [t("history_header", lang, what=what)]
    lines += [_line(turn, change, several) for change in found[:SHOWN]]
    if len(found) > SHOWN:
        lines.append(t("history_more", lang, count="+"))
    return Reply("\n".join(lines))


def _line(turn: Turn, change: Change, several: bool) -> str:
    lang, entry = turn.lang, change.entry
    when = format_datetime(
        entry.created_at.astimezone(ZoneInfo(turn.business.timezone)),
        "EEE d MMM HH:mm",
        locale=_LOCALES.get(lang, "en"),
    )
    who = ""
    if several:
        name = (change.person.name or change.person.phone) if change.person else None
        who = t("history_who", lang, name=name or t("someone", lang))
    if entry.entity != "transaction":
        return f"• {when} — {who}{_about(turn, entry.action, entry.entity, entry.after or entry.before or {})}"
    key = f"act_{entry.action}" if entry.action in ("record", "edit", "undo", "redo", "create") else "act_other"
    did = t(key, lang, action=entry.action.replace("_", " "))
    return f"• {when} — {who}{did} {_what(turn, entry.entity, entry.before, entry.after)}"


_WORDED = {"invite", "join", "role", "remove", "leave", "rename", "set_budget", "remove_budget", "set_rate", "repeat"}
_CREATED = {"business", "customer", "supplier", "invoice"}


def _about(turn: Turn, action: str, entity: str, shown: dict[str, Any]) -> str:
    """A change to something other than an entry, in words: "invited +2547… as staff"."""
    lang = turn.lang
    role = shown.get("role")
    values = {
        "phone": shown.get("phone") or "",
        "role": t(f"role_{role}", lang) if role in ("admin", "staff", "viewer") else role or "",
        "name": shown.get("name") or "",
        "number": shown.get("number") or "",
        "amount": _money(turn, shown.get("amount") or shown.get("total")),
        "category": category_label(str(shown.get("category") or ""), lang),
        "currency": shown.get("currency") or "",
        "rate": shown.get("rate") or "",
        "every": shown.get("every") or "",
    }
    if action in _WORDED:
        return t(f"did_{action}", lang, **values)
    if action == "create" and entity in _CREATED:
        return t(f"did_create_{entity}", lang, **values)
    label = shown.get("number") or shown.get("name") or shown.get("category") or ""
    return t("did_other", lang, action=action.replace("_", " "), entity=entity, label=label).strip()


def _what(turn: Turn, entity: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    lang = turn.lang
    shown = after or before or {}
    kind = _KINDS.get(str(shown.get("kind")), (str(shown.get("kind")), str(shown.get("kind"))))
    text = f"{kind[0] if lang == 'en' else kind[1]} {_money(turn, shown.get('amount'))}"
    if shown.get("category"):
        text += f" {category_label(str(shown['category']), lang)}"
    if shown.get("counterparty"):
        text += f" ({shown['counterparty']})"
    if before and after:
        moved = [
            f"{field} {_show(turn, field, before.get(field))} → {_show(turn, field, after.get(field))}"
            for field in ("amount", "category", "date", "counterparty")
            if before.get(field) != after.get(field)
        ]
        if moved:
            text += ": " + ", ".join(moved)
    return text


def _show(turn: Turn, field: str, value: Any) -> str:
    if field == "amount":
        return _money(turn, value)
    if field == "category" and value:
        return category_label(str(value), turn.lang)
    return str(value or "—")


def _money(turn: Turn, value: Any) -> str:
    amount = _amount(value)
    return money(amount, turn.lang, turn.business.currency) if amount is not None else "—"


def _amount(value: Any) -> Decimal | None:
    try:
        return D(str(value)) if value not in (None, "") else None
    except MoneyError:
        return None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


declare(
    "activity_log",
    activity_log,
    roles=EVERYONE,
    spec=IntentSpec(
        "Who recorded or changed what.",
        {
            "category": Slot("string", "Only this category."),
            "counterparty": Slot("string", "Only this counterparty."),
            "start": START,
            "end": END,
        },
    ),
    help=Help(
        54,
        '• History: "what changed today?", "who recorded the 5k fuel?", "what did Brian do this week?"',
        '• Historia: "nini imebadilika leo?", "nani alirekodi mafuta ya 5k?"',
    ),
)
