"""my_data (Kenya Data Protection Act): "export my data" sends a ZIP of everything KAVI keeps about the
person; "delete my data" asks first (twice when a whole business would go for everyone), then waits
seven days — "cancel deletion" restores — before the scheduler erases it."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from sqlmodel import func, select

from conversations import state as st
from conversations.contract import IntentSpec, Slot
from conversations.intents import Intent
from conversations.messages import Media, Reply
from conversations.registry import CHOICE, EVERYONE, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.documents.data_export import person_export
from finance.errors import TeamRefused
from finance.models import Business, Member
from finance.services.erasure import cancel_erasure, plan_for, request_erasure, sole_admin_of

CONFIRM = "erase_confirm"
CONFIRM_BUSINESS = "erase_business_confirm"
_LOCALES = {"en": "en_KE", "sw": "sw_KE"}


def my_data(turn: Turn, intent: Intent) -> Reply:
    action = intent.slots.get("action")
    if action == "export":
        return _export(turn)
    if action == "cancel":
        return _cancel(turn)
    if action == "delete":
        return _ask_delete(turn)
    return Reply(
        t("my_data_which", turn.lang), choices=[t("my_data_export", turn.lang), t("my_data_delete", turn.lang)]
    )


def _export(turn: Turn) -> Reply:
    data = person_export(turn.session, person=turn.person)
    name = f"kavi-my-data-{turn.today.isoformat()}.zip"
    return Reply(t("my_data_exported", turn.lang), document=Media("application/zip", name, data))


def _cancel(turn: Turn) -> Reply:
    if cancel_erasure(turn.session, person=turn.person):
        return Reply(t("erase_cancelled", turn.lang))
    return Reply(t("erase_nothing_pending", turn.lang))


def _ask_delete(turn: Turn) -> Reply:
    lang = turn.lang
    if turn.person.erase_after is not None:
        return Reply(t("erase_already", lang, when=_when(turn, turn.person.erase_after)))
    plan = plan_for(turn.session, person=turn.person)
    stuck = sole_admin_of(turn.session, person=turn.person, businesses=plan.shared)
    going = list(plan.businesses)
    st.ask(turn.state, CONFIRM, {"businesses": [b.id for b in going], "stuck": [b.id for b in stuck]})
    if stuck:
        names = ", ".join(b.name for b in stuck)
        return Reply(
            t("erase_stuck", lang, names=names),
            choices=[t("erase_with_business", lang), t("erase_keep", lang)],
        )
    books = t("erase_books", lang, names=", ".join(b.name for b in going)) if going else ""
    return Reply(t("erase_ask", lang, books=books), choices=[t("erase_yes", lang), t("erase_keep", lang)])


def confirm_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    lang, chosen = turn.lang, text.strip().lower()
    if chosen == t("erase_keep", lang).lower() or chosen in ("no", "hapana", "keep"):
        st.clear(turn.state)
        return Reply(t("erase_kept", lang))
    businesses = _businesses(turn, slots.get("businesses"))
    stuck = _businesses(turn, slots.get("stuck"))
    if stuck and chosen == t("erase_with_business", lang).lower():
        # A business others use goes for all of them: asked once more, naming them.
        count = sum(_members(turn, b) for b in stuck)
        st.ask(turn.state, CONFIRM_BUSINESS, {"businesses": [b.id for b in businesses + stuck]})
        names = ", ".join(b.name for b in stuck)
        return Reply(
            t("erase_business_ask", lang, names=names, count=count),
            choices=[t("erase_business_yes", lang), t("erase_keep", lang)],
        )
    if stuck or chosen not in (t("erase_yes", lang).lower(), "yes", "ndiyo", "ndio"):
        return None
    if businesses:
        # A whole business goes with them: asked once more, naming it, before anything is set in motion.
        st.ask(turn.state, CONFIRM_BUSINESS, {"businesses": [b.id for b in businesses]})
        names = ", ".join(b.name for b in businesses)
        return Reply(
            t("erase_own_business_ask", lang, names=names),
            choices=[t("erase_business_yes", lang), t("erase_keep", lang)],
        )
    return _start(turn, businesses)


def business_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    lang, chosen = turn.lang, text.strip().lower()
    if chosen == t("erase_keep", lang).lower() or chosen in ("no", "hapana"):
        st.clear(turn.state)
        return Reply(t("erase_kept", lang))
    if chosen != t("erase_business_yes", lang).lower():
        return None
    return _start(turn, _businesses(turn, slots.get("businesses")))


def _start(turn: Turn, businesses: list[Business]) -> Reply:
    st.clear(turn.state)
    try:
        due = request_erasure(turn.session, person=turn.person, with_businesses=businesses)
    except TeamRefused:
        return Reply(t("last_admin", turn.lang, business=turn.business.name))
    return Reply(t("erase_scheduled", turn.lang, when=_when(turn, due)))


def _businesses(turn: Turn, ids: Any) -> list[Business]:
    found = [turn.session.get(Business, int(i)) for i in ids or []]
    return [b for b in found if b is not None]


def _members(turn: Turn, business: Business) -> int:
    return int(turn.session.exec(select(func.count()).where(Member.business_id == business.id)).one())


def _when(turn: Turn, moment: datetime) -> str:
    local = moment.astimezone(ZoneInfo(turn.business.timezone))
    return format_datetime(local, "EEE d MMM HH:mm", locale=_LOCALES.get(turn.lang, "en_KE"))


declare(
    "my_data",
    my_data,
    roles=EVERYONE,
    spec=IntentSpec(
        "Export or delete the person's own data (Kenya Data Protection Act).",
        {"action": Slot("string", "What to do.", ("export", "delete"))},
        ("action",),
    ),
    command=True,
    gemini=False,
    questions=(Question(CONFIRM, CHOICE, confirm_answer), Question(CONFIRM_BUSINESS, CHOICE, business_answer)),
    help=Help(
        66,
        '• Your data: "export my data", "delete my data", "cancel deletion"',
        '• Data yako: "nipe data yangu", "futa data yangu", "usifute data yangu"',
    ),
)
