"""Teams, on both databases: an invite accepted on another channel (by the invited phone, or with the
code anywhere), staff recording, a viewer refused, the history answered with who did what; codes that
lock and expire; a business that always keeps an admin; several businesses, each reply saying which."""

import re
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.records.models import Outbox
from finance.clock import today_in
from finance.errors import TeamRefused
from finance.models import Invite, Member, Person, Transaction
from finance.services.team import accept_invite
from tests.chat import ChatTester

# The history is dated by when changes were made (the real clock), so the conversation's today is today.
DAY = today_in("Africa/Nairobi")
PHONE = "+254712000999"
_CODE = re.compile(r'"(?:join|jiunge) ([A-Z0-9]{4}-[A-Z0-9]{4})"')


def _code(reply: str) -> str:
    found = _CODE.search(reply)
    assert found, reply
    return found.group(1)


def _last(chat: ChatTester, text: str) -> str:
    """KAVI's answer to `text`, after any notices waiting for this person (someone joined)."""
    chat.push(text)
    replies = [r.text for r in chat.replies]
    chat.replies.clear()
    return replies[-1]


def _entries(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).order_by(Transaction.id)))


def test_invite_join_by_sms_staff_records_viewer_refused_and_the_history_says_who(engine: Engine) -> None:
    owner = ChatTester(engine, today=DAY)
    owner.onboard()
    owner.say("paid fuel 5000")
    invited = owner.say("add 0712 000 999 as staff")
    assert invited.startswith(f"🔑 Invite for {PHONE} to join Wanjiku Hardware as staff (record sales"), invited
    assert "nothing was sent" in invited  # no WhatsApp or SMS here: the owner is told to pass the code on
    brian = ChatTester(engine, today=DAY, sender=PHONE, channel="sms", name=None, phone=PHONE)
    joined = brian.say("join")  # the invited number itself: no code needed
    assert joined.startswith("✅ You've joined Wanjiku Hardware as staff. You can record sales"), joined
    owner.push("my team")
    assert owner.pop() == f"👋 {PHONE} joined Wanjiku Hardware as staff."  # the admin is told
    assert owner.pop() == f"👥 Wanjiku Hardware team:\n• Wanjiku — admin\n• {PHONE} — staff"
    assert "Recorded income: Ksh 2,250" in brian.say("sold 3 bags cement 2250")
    assert owner.say("make 0712000999 a viewer") == f"✅ {PHONE} is now viewer in Wanjiku Hardware."
    refused = brian.say("paid rent 15k")
    assert refused == "Your role (viewer) can't do that — ask an admin of Wanjiku Hardware."
    assert "Ksh 2,250" in brian.say("how much did we sell today?")
    assert [(e.kind, e.amount_cents) for e in _entries(engine)] == [("expense", 500_000), ("income", 225_000)]
    who = owner.say("who recorded the 5k fuel?").splitlines()
    assert who[0] == "🕘 What changed:" and len(who) == 2
    assert who[1].endswith("— Wanjiku recorded expense Ksh 5,000 transport"), who
    today = owner.say("what changed today?")
    assert f"{PHONE} recorded income Ksh 2,250 sales" in today
    assert f"Wanjiku made {PHONE} viewer" in today and f"{PHONE} joined as staff" in today
    assert f"Wanjiku invited {PHONE} as staff" in today
    brian_did = owner.say("what did Brian do this week?")
    assert brian_did == "Nothing in the books' history matches that."  # no member is called Brian


def test_the_code_works_on_any_channel_and_wrong_codes_lock_the_phones_invite(engine: Engine) -> None:
    owner = ChatTester(engine, today=DAY)
    owner.onboard()
    code = _code(owner.say("mwongeze 0712 000 999 kama viewer"))
    stranger = ChatTester(engine, today=DAY, sender="tg-77", channel="telegram", name="Akinyi")
    assert stranger.say("join ABCD-EFG2").startswith("That code does not match any invite.")
    assert stranger.say(f"jiunge {code.lower()}").startswith("✅ Umejiunga na Wanjiku Hardware kama mtazamaji")
    with Session(engine) as session:
        roles = sorted(m.role for m in session.exec(select(Member)))
    assert roles == ["admin", "viewer"]  # no empty business was made for the newcomer
    assert stranger.say(f"join {code}").startswith("✅")  # sent twice: no error, no second membership
    # Someone else's invite: five wrong codes from the invited phone lock it.
    code2 = _code(_last(owner, "add 0722 111 222 as staff"))
    guesser = ChatTester(engine, today=DAY, sender="+254722111222", channel="sms", name=None, phone="+254722111222")
    for _ in range(5):
        guesser.push("join ZZZZ-9999")
        guesser.replies.clear()
    locked = guesser.say(f"join {code2}")
    assert locked.startswith("That invite is locked after too many wrong codes. Ask for a new one."), locked


def test_an_invite_expires_after_seven_days_and_is_used_once(engine: Engine) -> None:
    owner = ChatTester(engine, today=DAY)
    owner.onboard()
    code = _code(owner.say("invite 0733 444 555 as staff"))
    with Session(engine) as session:
        invite = session.exec(select(Invite)).one()
        person = Person(name="Late")
        other = Person(name="Other")
        session.add_all([person, other])
        session.flush()
        with pytest.raises(TeamRefused) as late:
            accept_invite(session, person=person, code=code, now=invite.expires_at + timedelta(seconds=1))
        assert late.value.reason == "expired"
        accept_invite(session, person=person, code=code, now=invite.created_at + timedelta(days=6))
        with pytest.raises(TeamRefused) as used:
            accept_invite(session, person=other, code=code, now=invite.created_at + timedelta(days=6))
        assert used.value.reason == "used"


def test_an_invite_goes_out_by_phone_when_a_channel_can_reach_it(engine: Engine) -> None:
    owner = ChatTester(engine, today=DAY, can_push_to_phone=True)
    owner.onboard()
    reply = owner.say("add 0712 000 999 as staff")
    assert "I've queued a message to them with the code" in reply
    with Session(engine) as session:
        rows = session.exec(select(Outbox).where(Outbox.kind == "invite")).all()
    assert len(rows) == 1 and (rows[0].payload or {})["phone"] == PHONE
    assert f"reply: join {_code(reply)}" in (rows[0].payload or {})["text"]


def test_a_business_always_keeps_an_admin(engine: Engine) -> None:
    owner = ChatTester(engine, today=DAY)
    owner.onboard()
    owner.say("add 0712 000 999 as staff")
    ChatTester(engine, today=DAY, sender=PHONE, channel="sms", name="Brian", phone=PHONE).say("join")
    owner.push("hi")
    owner.replies.clear()  # the notice that Brian joined
    assert owner.say("remove Wanjiku from the team") == 'To leave Wanjiku Hardware yourself, say "leave this business".'
    asked = owner.ask("leave this business")
    assert asked.text.startswith("Leave Wanjiku Hardware?")
    assert owner.tap(asked, "Yes, leave") == "Wanjiku Hardware needs at least one admin: make someone else admin first."
    assert owner.say("make Brian an admin") == "✅ Brian is now admin in Wanjiku Hardware."
    assert owner.say("remove Brian from the team") == "🗑️ Brian was removed from Wanjiku Hardware."
    assert owner.say("my team").startswith("👥 It's just you in Wanjiku Hardware.")


def test_several_businesses_each_reply_says_which(engine: Engine) -> None:
    owner = ChatTester(engine, today=DAY)
    owner.onboard()
    owner.say("paid rent 15k")
    made = owner.say("start a new business called Wanjiku Salon")
    assert made == (
        "🏪 Wanjiku Salon\n"
        '✅ Wanjiku Salon is ready, and you\'re working in it now. Say "use Wanjiku Hardware" to go back.'
    )
    assert owner.say("paid rent 3000").startswith("🏪 Wanjiku Salon\n✅ Recorded expense: Ksh 3,000 for rent")
    assert "Ksh 3,000" in owner.say("how much did I spend this month?")
    asked = owner.ask("switch business")
    assert asked.text == "🏪 Wanjiku Salon\nWhich business?\n• Wanjiku Hardware\n• Wanjiku Salon (now)"
    assert owner.tap(asked, "Wanjiku Hardware") == "🏪 Wanjiku Hardware\n✅ Now working in Wanjiku Hardware."
    assert "Ksh 15,000" in owner.say("how much did I spend this month?")
    assert owner.say("hamia salon") == "🏪 Wanjiku Salon\n✅ Sasa unafanya kazi kwenye Wanjiku Salon."
