""" "stop reminders" / "acha kunikumbusha" / "start reminders" / "stop the morning digest" / "remind
customers automatically": what the scheduler may send this person, and this business's customers."""

from datetime import timedelta
from typing import Any

from conversations import state as st
from conversations.contract import IntentSpec, Slot
from conversations.display import day
from conversations.handlers.payments import remind_customer, request_payment
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.nudges.overdue import ACTIONS, OVERDUE_QUESTION
from conversations.registry import CHOICE, EVERYONE, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.errors import AccessDenied
from finance.models import Invoice
from finance.services.nudge_settings import NUDGE_KINDS, set_auto_remind, set_nudges, set_quiet_hours


def nudge_settings(turn: Turn, intent: Intent) -> Reply:
    if "quiet" in intent.slots or "mode" not in intent.slots:
        return _quiet(turn, str(intent.slots.get("quiet") or ""))
    on = intent.slots.get("mode") != "off"
    kind = intent.slots.get("kind")
    if kind == "customers":
        try:
            set_auto_remind(turn.session, actor=turn.member, business=turn.business, on=on)
        except AccessDenied:
            return Reply(t("nudges_customers_admin_only", turn.lang))
        return Reply(t("auto_remind_on" if on else "auto_remind_off", turn.lang))
    chosen = str(kind) if kind in NUDGE_KINDS else None
    set_nudges(turn.session, person=turn.person, on=on, kind=chosen)
    if chosen is None:
        return Reply(t("nudges_on" if on else "nudges_off", turn.lang))
    what = t(f"nudge_kind_{chosen}", turn.lang)
    return Reply(t("nudge_kind_on" if on else "nudge_kind_off", turn.lang, what=what))


SNOOZE = timedelta(days=7)


def _quiet(turn: Turn, hours: str) -> Reply:
    """ "quiet hours 22:00 to 06:00": nothing scheduled is pushed between them (it waits)."""
    try:
        start, end = (int(h) * 60 + int(m) for h, m in (part.split(":") for part in hours.split("-")))
    except ValueError:
        return Reply(t("quiet_ask", turn.lang))
    set_quiet_hours(turn.session, person=turn.person, start=start, end=end)
    return Reply(t("quiet_set", turn.lang, start=hours.split("-")[0], end=hours.split("-")[1]))


def overdue_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    """A button under an overdue nudge: remind the customer, ask for an M-Pesa payment, or snooze."""
    chosen = text.strip().lower()
    labels = slots.get("labels") or {}
    action = next(
        (ACTIONS[i] for options in labels.values() for i, label in enumerate(options) if label.lower() == chosen), None
    )
    if action is None:
        return None
    st.clear(turn.state)
    about = {"customer": slots.get("customer"), "invoice": slots.get("number")}
    if action == "overdue_remind":
        return remind_customer(turn, Intent("remind_customer", about))
    if action == "overdue_request":
        return request_payment(turn, Intent("request_payment", {**about, "amount": slots.get("owed")}))
    invoice = turn.session.get(Invoice, int(slots.get("invoice_id") or 0))
    if invoice is None or invoice.business_id != turn.business.id:
        return Reply(t("unknown", turn.lang))
    invoice.snoozed_until = turn.today + SNOOZE
    turn.session.add(invoice)
    return Reply(
        t("overdue_snoozed", turn.lang, number=invoice.number, day=day(invoice.snoozed_until, turn.today, turn.lang))
    )


declare(
    "nudge_settings",
    nudge_settings,
    roles=EVERYONE,
    says=("stop reminders", "start reminders"),
    command=True,
    spec=IntentSpec(
        "Turn scheduled nudges (or one kind of them) on or off; 'customers' is automatic customer reminders.",
        {
            "mode": Slot("string", "On or off.", ("on", "off")),
            "kind": Slot("string", "Which nudges.", (*NUDGE_KINDS, "customers")),
            "quiet": Slot("string", "Quiet hours as HH:MM-HH:MM, e.g. 22:00-06:00."),
        },
    ),
    questions=(Question(OVERDUE_QUESTION, CHOICE, overdue_answer),),
    help=Help(
        64,
        '• Nudges: "stop reminders", "start reminders", "stop the morning digest", "quiet hours 22:00 to 06:00", '
        '"remind customers automatically"',
        '• Vikumbusho: "acha kunikumbusha", "nikumbushe tena", "wakumbushe wateja kiotomatiki"',
    ),
)
