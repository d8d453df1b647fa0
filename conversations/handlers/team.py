"""The team: invite_member (a code sent to the invitee's phone, or given to the admin to pass on),
joining with the code on any channel, the team list, roles, removing and leaving; and several
businesses per person (switch_business, a new business)."""

from typing import Any

from babel.dates import format_date
from rapidfuzz import fuzz
from sqlmodel import Session

from conversations import state as st
from conversations.contract import IntentSpec, Slot
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.notices import notify_admins
from conversations.parser.text import Analysed, PhraseTable
from conversations.registry import ADMINS, CHOICE, EVERYONE, YES_NO, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.errors import TeamRefused
from finance.models import Business, Invite, Member, Person
from finance.name_match import FIRST_NAME, SAME_NAME, rank_by_name
from finance.phones import e164
from finance.services.members import start_business
from finance.services.team import (
    accept_by_phone,
    accept_invite,
    change_role,
    invite_member,
    leave_business,
    memberships,
    open_invites,
    remove_member,
    shown_code,
    switch_to,
    team,
)

LEAVE = "leave_business"
PICK_BUSINESS = "business_pick"
_LOCALES = {"en": "en_KE", "sw": "sw_KE"}


def role_words(role: str, lang: str) -> tuple[str, str]:
    """(the role's name, what it can do) in the person's language."""
    return t(f"role_{role}", lang), t(f"role_can_{role}", lang)


def _person_label(person: Person) -> str:
    return person.name or person.phone or "?"


def invite(turn: Turn, intent: Intent) -> Reply:
    phone = e164(str(intent.slots.get("phone") or "")) if intent.slots.get("phone") else None
    role = str(intent.slots.get("role") or "staff")
    lang, business = turn.lang, turn.business
    if phone is None:
        return Reply(t("invite_needs_phone", lang))
    for found in team(turn.session, business_id=business.id or 0):
        if found.person.phone == phone:
            # "make 0712000999 an admin" for someone already in the team is a change of role.
            if found.member.role != role and intent.slots.get("role"):
                return _set_role(turn, found.member, found.person, role)
            name, _ = role_words(found.member.role, lang)
            return Reply(
                t("invite_already_member", lang, name=_person_label(found.person), business=business.name, role=name)
            )
    made = invite_member(turn.session, actor=turn.member, phone=phone, role=role)
    code = shown_code(made.code)
    name, can = role_words(role, lang)
    inviter = turn.person.name or business.name
    # The invitee reads it in English unless we know them to prefer Swahili: it is their first message from us.
    message = t(
        "invite_message",
        "en",
        inviter=inviter,
        business=business.name,
        role=role,
        can=t(f"role_can_{role}", "en"),
        code=code,
    )
    if turn.can_push_to_phone:
        turn.outbox.queue(
            business_id=business.id or 0,
            kind="invite",
            subject=f"invite:{made.id}",
            period="-",
            payload={"phone": phone, "customer": phone, "text": message, "failed_key": "invite_failed"},
        )
        how = t("invite_queued", lang, code=code)
    else:
        how = t("invite_forward", lang, code=code, text=message)
    return Reply(t("invite_made", lang, phone=phone, business=business.name, role=name, can=can, how=how))


def join(turn: Turn, intent: Intent) -> Reply:
    lang = turn.lang
    try:
        member, made = accept(turn.session, turn.person, turn.message.phone, intent.slots.get("code"))
    except TeamRefused as refused:
        return Reply(t(f"join_{refused.reason}", lang, phone=turn.message.phone or ""))
    business = turn.session.get(Business, member.business_id)
    assert business is not None
    _now_in(turn, member, business)
    name, can = role_words(member.role, lang)
    notify_admins(
        turn.session,
        turn.outbox,
        business,
        kind="member_joined",
        subject=f"invite:{made.id}",
        key="member_joined",
        values={"name": _person_label(turn.person), "business": business.name, "role": member.role},
    )
    return Reply(t("joined", lang, business=business.name, role=name, can=can))


def accept(session: Session, person: Person, phone: str | None, code: object) -> tuple[Member, Invite]:
    """With the code; without one only from the invited number, which the SMS or WhatsApp channel vouches for."""
    if code:
        return accept_invite(session, person=person, code=str(code))
    if not phone:
        raise TeamRefused("needs_code")
    return accept_by_phone(session, person=person, phone=phone)


def _now_in(turn: Turn, member: Member, business: Business) -> None:
    """The rest of this message (and the next ones) work in `business`."""
    turn.member, turn.business = member, business


def list_team(turn: Turn, intent: Intent) -> Reply:
    lang, business = turn.lang, turn.business
    people = team(turn.session, business_id=business.id or 0)
    invites = open_invites(turn.session, business_id=turn.business.id or 0)
    if len(people) == 1 and not invites:
        return Reply(t("team_alone", lang, business=business.name))
    lines = [t("team_header", lang, business=business.name)]
    for found in people:
        lines.append(
            t("team_line", lang, name=_member_label(found.person), role=role_words(found.member.role, lang)[0])
        )
    if invites:
        lines.append(t("team_invites", lang))
        for made in invites:
            until = format_date(made.expires_at, "EEE d MMM", locale=_LOCALES.get(lang, "en_KE"))
            lines.append(
                t(
                    "team_invite_line",
                    lang,
                    phone=made.phone or "code",
                    role=role_words(made.role, lang)[0],
                    until=until,
                )
            )
    return Reply("\n".join(lines))


def _member_label(person: Person) -> str:
    if person.name and person.phone:
        return f"{person.name} ({person.phone})"
    return _person_label(person)


def _find_member(turn: Turn, slots: dict[str, Any]) -> tuple[Member, Person] | None:
    people = team(turn.session, business_id=turn.business.id or 0)
    phone = e164(str(slots["phone"])) if slots.get("phone") else None
    if phone:
        return next(((f.member, f.person) for f in people if f.person.phone == phone), None)
    name = str(slots.get("name") or "")
    ranked = rank_by_name(name, people, [f.person.name or "" for f in people]) if name else []
    if ranked and ranked[0][1] >= FIRST_NAME and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0].member, ranked[0][0].person
    return None


def _who(slots: dict[str, Any]) -> str:
    return str(slots.get("phone") or slots.get("name") or "?")


def set_role(turn: Turn, intent: Intent) -> Reply:
    found = _find_member(turn, intent.slots)
    if found is None:
        return Reply(t("member_not_found", turn.lang, who=_who(intent.slots), business=turn.business.name))
    return _set_role(turn, found[0], found[1], str(intent.slots.get("role") or "staff"))


def _set_role(turn: Turn, member: Member, person: Person, role: str) -> Reply:
    try:
        change_role(turn.session, actor=turn.member, member=member, role=role)
    except TeamRefused:
        return Reply(t("last_admin", turn.lang, business=turn.business.name))
    name = role_words(role, turn.lang)[0]
    return Reply(t("role_changed", turn.lang, name=_person_label(person), role=name, business=turn.business.name))


def remove(turn: Turn, intent: Intent) -> Reply:
    found = _find_member(turn, intent.slots)
    lang, business = turn.lang, turn.business.name
    if found is None:
        return Reply(t("member_not_found", lang, who=_who(intent.slots), business=business))
    try:
        remove_member(turn.session, actor=turn.member, member=found[0])
    except TeamRefused as refused:
        return Reply(t("remove_self" if refused.reason == "self" else "last_admin", lang, business=business))
    return Reply(t("member_removed", lang, name=_person_label(found[1]), business=business))


def leave(turn: Turn, intent: Intent) -> Reply:
    st.ask(turn.state, LEAVE, {"business_id": turn.business.id})
    return Reply(
        t("leave_ask", turn.lang, business=turn.business.name),
        choices=[t("leave_yes", turn.lang), t("leave_no", turn.lang)],
    )


_YES = PhraseTable.of(("yes", "ndio", "ndiyo", "sawa", "leave", "ondoka"))
_NO = PhraseTable.of(("no", "hapana", "stay", "cancel", "baki"))


def leave_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    lows = Analysed.of(text).lows
    yes, no = bool(_YES.first(lows)), bool(_NO.first(lows))
    if yes and no:
        yes = lows[0] in ("yes", "ndiyo", "ndio")  # "Yes, leave" / "No, stay"
        no = not yes
    if yes == no or len(lows) > 4:
        return None
    st.clear(turn.state)
    lang, name = turn.lang, turn.business.name
    if no or slots.get("business_id") != turn.business.id:
        return Reply(t("leave_kept", lang, business=name))
    try:
        leave_business(turn.session, actor=turn.member)
    except TeamRefused as refused:
        return Reply(t("leave_only_member" if refused.reason == "only_member" else "last_admin", lang, business=name))
    text_out = t("left", lang, business=name)
    rest = memberships(turn.session, person=turn.person)
    if rest:
        member, business = rest[0]
        switch_to(turn.session, person=turn.person, business_id=business.id or 0)
        _now_in(turn, member, business)
        text_out += t("left_now_in", lang, business=business.name)
    return Reply(text_out)


def switch_business(turn: Turn, intent: Intent) -> Reply:
    lang = turn.lang
    mine = memberships(turn.session, person=turn.person)
    if len(mine) <= 1:
        return Reply(t("switch_only_one", lang, business=turn.business.name))
    name = str(intent.slots.get("name") or "")
    businesses = [b for _, b in mine]
    ranked = rank_by_name(name, businesses, [b.name for b in businesses]) if name else []
    if name and not ranked:
        # "salon" for "Wanjiku Salon": every word said is one of the name's.
        ranked = [(b, float(fuzz.token_set_ratio(name.lower(), b.name.lower()))) for b in businesses]
        ranked = sorted((r for r in ranked if r[1] >= SAME_NAME), key=lambda r: -r[1])
    sure = [b for b, score in ranked if score >= FIRST_NAME]
    if len(sure) == 1 or (sure and ranked[0][1] > ranked[1][1]):
        return _switch(turn, sure[0])
    choices = [b.name for b in businesses if b.id != turn.business.id] if not name else [b.name for b in businesses]
    st.ask(turn.state, PICK_BUSINESS, {"ids": {b.name.lower(): b.id for b in businesses}})
    if name and not ranked:
        names = ", ".join(b.name for b in businesses)
        return Reply(t("switch_not_found", lang, name=name, names=names), choices=choices)
    lines = [t("switch_which", lang)]
    lines += [
        t("business_line_now" if b.id == turn.business.id else "business_line", lang, business=b.name)
        for b in businesses
    ]
    return Reply("\n".join(lines), choices=choices)


def _switch(turn: Turn, business: Business) -> Reply:
    member = switch_to(turn.session, person=turn.person, business_id=business.id or 0)
    _now_in(turn, member, business)
    return Reply(t("switched", turn.lang, business=business.name))


def pick_business(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    ids = dict(slots.get("ids") or {})
    chosen = ids.get(text.strip().lower())
    if chosen is None:
        return None
    st.clear(turn.state)
    business = turn.session.get(Business, int(chosen))
    if business is None:
        return None
    return _switch(turn, business)


def new_business(turn: Turn, intent: Intent) -> Reply:
    name = " ".join(str(intent.slots.get("name") or "").split())[:120]
    if not name:
        return Reply(t("new_business_ask", turn.lang))
    old = turn.business.name
    member = start_business(turn.session, founder=turn.person, name=name)
    business = turn.session.get(Business, member.business_id)
    assert business is not None
    _now_in(turn, member, business)
    return Reply(t("new_business_made", turn.lang, business=business.name, old=old))


declare(
    "invite_member",
    invite,
    roles=ADMINS,
    spec=IntentSpec(
        "Invite someone to the business.",
        {"phone": Slot("string", "Their phone."), "role": Slot("string", "Their role.", ("admin", "staff", "viewer"))},
        ("phone",),
    ),
    help=Help(
        50,
        '• Team: "add 0712 345 678 as staff", "my team", "make Brian a viewer", "remove Brian from the team"',
        '• Timu: "mwongeze 0712 345 678 kama staff", "timu yangu"',
    ),
)
declare(
    "join_business",
    join,
    roles=EVERYONE,
    command=True,
    gemini=False,
    spec=IntentSpec("Accept an invitation with its code.", {"code": Slot("string", "The invite code.")}, ("code",)),
)
declare(
    "list_team",
    list_team,
    roles=EVERYONE,
    gemini=False,
    spec=IntentSpec("The business's members and open invites.", {}),
)
declare(
    "change_role",
    set_role,
    roles=ADMINS,
    gemini=False,
    spec=IntentSpec(
        "Change a member's role.",
        {
            "name": Slot("string", "The member's name."),
            "phone": Slot("string", "Their phone."),
            "role": Slot("string", "The new role.", ("admin", "staff", "viewer")),
        },
    ),
)
declare(
    "remove_member",
    remove,
    roles=ADMINS,
    gemini=False,
    spec=IntentSpec(
        "Remove a member from the business.",
        {"name": Slot("string", "The member's name."), "phone": Slot("string", "Their phone.")},
    ),
)
declare(
    "leave_business",
    leave,
    roles=EVERYONE,
    gemini=False,
    spec=IntentSpec("Leave the current business.", {}),
    questions=(Question(LEAVE, YES_NO, leave_answer),),
)
declare(
    "switch_business",
    switch_business,
    roles=EVERYONE,
    spec=IntentSpec("Use another of the person's businesses.", {"name": Slot("string", "The business's name.")}),
    questions=(Question(PICK_BUSINESS, CHOICE, pick_business),),
    help=Help(
        52,
        '• Several businesses: "my businesses", "switch to Wanjiku Hardware", "new business called Wambui Tailors"',
        '• Biashara kadhaa: "biashara zangu", "biashara mpya inaitwa Wambui Tailors"',
    ),
)
declare(
    "new_business",
    new_business,
    roles=EVERYONE,
    gemini=False,
    spec=IntentSpec("Start another business.", {"name": Slot("string", "Its name.")}),
)
