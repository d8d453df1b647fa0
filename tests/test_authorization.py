"""Authorization as a property. Random businesses, people and roles (admin, staff, viewer; some people in two
businesses), each business with its own customer, invoice, payment, expenses, supplier and budget; then
random turns: every declared intent with sample slots (some naming another business's customer, phone,
supplier, person or business), or a message a person would type (the help's examples, answers, requests
naming another business's people), through the real conversation on a real database. After every turn:

- no row of another business is created, changed or deleted (every table, rows compared whole, per
  business_id; a business joined by accepting its invite in that turn, or started in it, is the person's own);
- no business's row points at a row of another business (an invoice at another's customer, say);
- a viewer changes nothing in the business they view (leaving it aside: their own membership);
- no reply to a person (text, buttons, spoken text, CSV) contains a name, phone or amount unique to a
  business they are not a member of.
"""

import itertools
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import bot.pipeline  # noqa: F401  (the metadata knows the messaging tables too)
from bot.records.outbox import SessionOutbox
from conversations.dispatch import run
from conversations.intents import Intent
from conversations.messages import IncomingMessage, Reply
from conversations.registry import all_declared
from finance.errors import FinanceError
from finance.models import Member, Person
from finance.services.members import current_membership, find_person, register_person
from tests.chat import ChatTester
from tests.conftest import TODAY, wipe
from tests.conversations.test_registry import _NOT_WRITES
from tests.conversations.test_registry import _SAMPLE as REGISTRY_SAMPLE

ROLES = ("admin", "staff", "viewer")
# Per business: its name, its customer (name, phone), its supplier, and amounts no other business has.
_BUSINESSES = ("Zawadi Hardware", "Baraka Salon", "Neema Grocers")
_CUSTOMERS = (("Achieng Odhiambo", "0722000101"), ("Kiprop Langat", "0722000202"), ("Nyambura Gitau", "0722000303"))
_SUPPLIERS = ("Simba Cement", "Tembo Timber", "Chui Paints")
_AMOUNTS = ((613_417, 287_539, 41_293), (724_651, 391_863, 52_817), (835_729, 452_971, 63_581))
_PEOPLE = ("Wekesa", "Chebet", "Mwangi", "Njoki", "Barasa", "Atieno", "Kilonzo", "Jeptoo", "Mutiso", "Nafula")

# Records that are the person's own or the conversation's, not the business's books or its messages out
# (as in tests/conversations/test_registry.py).
# Tables without a business_id belong to the business of the row they point at.
_OWNED_VIA = {"invoiceitem": ("invoice_id", "invoice"), "paymentallocation": ("payment_id", "payment")}
_OWNED_VIA["budgetalert"] = ("budget_id", "budget")

# The registry walk's sample slots, and an invite code for join_business.
_SAMPLE: dict[str, Any] = {**REGISTRY_SAMPLE, "code": "K7QX-M4PA"}
_ids = itertools.count(1)
_INTENTS = sorted(d.name for d in all_declared())
# What people type: the help's examples, answers to KAVI's questions, and requests about someone else's
# people ({c} a customer, {p} a person, {b} a business, {s} a supplier: of the business the turn targets).
_HELP_EXAMPLES = sorted({e for d in all_declared() if d.help for e in re.findall(r'"([^"]+)"', d.help.en)})
_ANSWERS = ["yes", "no", "1", "2", "500", "undo", "redo", "Yes, leave", "help", "hi"]
_ABOUT_OTHERS = [
    "{c} paid 1000",
    "{c} paid 1000 for INV-0001",
    "invoice {c} 2000",
    "remind {c}",
    "request payment from {c}",
    "how much does {c} owe?",
    "add customer {c} {phone}",
    "statement for {c}",
    "make {p} a viewer",
    "make {p} an admin",
    "remove {p} from the team",
    "what did {p} do this week?",
    "switch to {b}",
    "add supplier {s}",
    "bought stock worth 3000 from {s}",
    "add {pphone} as staff",
    "join",
    "QKJ4ABC123 Confirmed. You have received Ksh1,000.00 from {C} {phone} on 22/11/26 at 10:15 AM "
    "New M-PESA balance is Ksh5,000.00.",
]


@dataclass
class Actor:
    sender: str
    name: str
    phone: str


@dataclass
class World:
    engine: Engine
    business_ids: list[int] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    markers: dict[int, set[str]] = field(default_factory=dict)  # business id -> strings only it should show
    people: dict[int, list[str]] = field(default_factory=dict)  # business id -> its people's names


def _build(engine: Engine, n: int, extras: list[tuple[int, str]], second: list[tuple[int, int, str]]) -> World:
    wipe(engine)
    world = World(engine)
    for i in range(n):
        name, (customer, phone), supplier = _BUSINESSES[i], _CUSTOMERS[i], _SUPPLIERS[i]
        invoiced, rent, stock = _AMOUNTS[i]
        admin = Actor(f"a{i}", _PEOPLE[i], f"+2547330000{i:02d}")
        owner = ChatTester(engine, TODAY, sender=admin.sender, name=admin.name, can_push_to_phone=True)
        owner.onboard(name)
        for text in (
            f"add customer {customer} {phone}",
            f"invoice {customer.split()[0]} {invoiced}",
            f"{customer.split()[0]} paid 1000",
            f"paid rent {rent}",
            f"add supplier {supplier}",
            f"bought stock worth {stock} from {supplier}",
            "transport budget 10k",
        ):
            owner.push(text)
            owner.replies.clear()
        world.actors.append(admin)
        with Session(engine) as session:
            member = current_membership(session, person=_person(session, admin))
            assert member is not None
            business_id = member.business_id
        world.business_ids.append(business_id)
        world.people[business_id] = [admin.name]
        digits = phone[1:]
        world.markers[business_id] = {name, customer, supplier, digits} | {f"{a:,}" for a in (invoiced, rent, stock)}
    with Session(engine) as session:
        for k, (b, role) in enumerate(extras):
            actor = Actor(f"x{k}", _PEOPLE[n + k], f"+2547440000{k:02d}")
            person = register_person(
                session, channel="test", external_user_id=actor.sender, name=actor.name, phone=actor.phone
            )
            business_id = world.business_ids[b % n]
            session.add(Member(business_id=business_id, person_id=person.id or 0, role=role))
            person.current_business_id = business_id
            session.add(person)
            world.actors.append(actor)
            world.people[business_id].append(actor.name)
        session.flush()
        for who, b, role in second:  # someone in a second business too (still working in their first)
            actor = world.actors[who % len(world.actors)]
            business_id = world.business_ids[b % n]
            if actor.name in world.people[business_id]:
                continue
            person = _person(session, actor)
            session.add(Member(business_id=business_id, person_id=person.id or 0, role=role))
            world.people[business_id].append(actor.name)
        session.commit()
    for business_id, names in world.people.items():
        only_here = [p for p in names if sum(p in other for other in world.people.values()) == 1]
        world.markers[business_id] |= set(only_here)
    return world


def _person(session: Session, actor: Actor) -> Person:
    person = find_person(session, channel="test", external_user_id=actor.sender)
    assert person is not None
    return person


# --- snapshots ---------------------------------------------------------------------------------------------

Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


def _snapshot(engine: Engine) -> Rows:
    with engine.connect() as conn:
        return {
            table.name: {
                tuple(row[c.name] for c in table.primary_key): dict(row)
                for row in conn.execute(select(table)).mappings()
            }
            for table in SQLModel.metadata.sorted_tables
        }


def _owner(rows: Rows, table: str, row: dict[str, Any]) -> int | None:
    if table == "business":
        return int(row["id"])
    if "business_id" in row:
        return int(row["business_id"])
    if table in _OWNED_VIA:
        column, parent_table = _OWNED_VIA[table]
        parent = rows[parent_table].get((row[column],))
        return None if parent is None else _owner(rows, parent_table, parent)
    return None


def _by_business(rows: Rows) -> dict[int, dict[tuple[str, Any], dict[str, Any]]]:
    out: dict[int, dict[tuple[str, Any], dict[str, Any]]] = {}
    for table, table_rows in rows.items():
        for key, row in table_rows.items():
            owner = _owner(rows, table, row)
            if owner is not None:
                out.setdefault(owner, {})[(table, key)] = row
    return out


def _changed(before: dict[Any, Any], after: dict[Any, Any]) -> list[Any]:
    return sorted({k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}, key=repr)


def _cross_references(rows: Rows) -> list[str]:
    """Rows of one business that point at a row of another."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        links = [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys]
        for key, row in rows[table.name].items():
            owner = _owner(rows, table.name, row)
            if owner is None:
                continue
            for column, target_table in links:
                target = rows[target_table].get((row[column],)) if row[column] is not None else None
                if target is None:
                    continue
                target_owner = _owner(rows, target_table, target)
                if target_owner is not None and target_owner != owner:
                    found.append(f"{table.name}{key}.{column} -> {target_table} of business {target_owner}")
    return found


# --- one turn ----------------------------------------------------------------------------------------------


def _where(rows: Rows, actor: Actor) -> tuple[int | None, dict[int, str]]:
    """The person's id and their memberships (business id -> role)."""
    ident = next((r for r in rows["channelidentity"].values() if r["external_user_id"] == actor.sender), None)
    person_id = None if ident is None else ident["person_id"]
    return person_id, {m["business_id"]: m["role"] for m in rows["member"].values() if m["person_id"] == person_id}


def _current(rows: Rows, person_id: int | None, memberships: dict[int, str]) -> int | None:
    person = rows["person"].get((person_id,)) if person_id is not None else None
    if person is not None and person["current_business_id"] in memberships:
        return int(person["current_business_id"])
    ids = sorted((m["id"], m["business_id"]) for m in rows["member"].values() if m["person_id"] == person_id)
    return ids[0][1] if ids else None


def _fill(world: World, target: int, actor: Actor) -> dict[str, str]:
    """The names a turn uses: those of the business it targets (-1: the samples)."""
    if target < 0:
        return {
            "c": "Mary Wambui",
            "C": "MARY WAMBUI",
            "phone": "0711222333",
            "p": "Brian",
            "pphone": "+254711222333",
            "b": "Wanjiku Hardware",
            "s": "Bidco",
        }
    i = target % len(world.business_ids)
    business_id = world.business_ids[i]
    people = [p for p in world.people[business_id] if p != actor.name] or world.people[business_id]
    person = next(a for a in world.actors if a.name == people[0])
    customer, phone = _CUSTOMERS[i]
    return {
        "c": customer.split()[0] if target % 2 else customer,
        "C": customer.upper(),
        "phone": phone,
        "p": person.name,
        "pphone": person.phone,
        "b": _BUSINESSES[i],
        "s": _SUPPLIERS[i],
    }


def _slots(name: str, names: dict[str, str]) -> dict[str, Any]:
    declared = next(d for d in all_declared() if d.name == name)
    slots = dict(_SAMPLE)
    slots.update(customer=names["c"], supplier=names["s"], phone=names["phone"])
    if name in ("invite_member", "change_role", "remove_member"):
        slots.update(name=names["p"], phone=names["pphone"])
    elif name in ("switch_business", "new_business"):
        slots["name"] = names["b"]
    else:
        slots["name"] = names["c"]
    return {k: v for k, v in slots.items() if declared.spec is None or k in declared.spec.slots}


def _message(actor: Actor, text: str, answers: int | None = None) -> IncomingMessage:
    return IncomingMessage(
        channel="test",
        sender=actor.sender,
        text=text,
        display_name=actor.name,
        received_at=datetime(2026, 11, 22, 6, tzinfo=UTC),
        external_id=f"auth{next(_ids)}",
        phone=actor.phone,
        answers=answers,
    )


def _turn(world: World, action: tuple[str, int, str, int]) -> tuple[Actor, str, list[Reply]]:
    kind, who, what, target = action
    actor = world.actors[who % len(world.actors)]
    chat = ChatTester(world.engine, TODAY, sender=actor.sender, name=actor.name, can_push_to_phone=True)
    names = _fill(world, target, actor)
    if kind in ("say", "tap"):
        text = what.format_map(names)
        # A tap carries a question's id: any id, as a client that sends another's (or a stale one) would.
        message = _message(actor, text, answers=target + 2 if kind == "tap" else None)
        return actor, text, chat.pipeline.handle(message, raise_errors=True)
    slots = _slots(what, names)
    with Session(world.engine) as session:
        # The Turn the core builds for this person, as tests/conversations/test_registry.py does.
        turn = chat.conversation._turn(session, _message(actor, ""), SessionOutbox(session))
        try:
            replies = [run(turn, Intent(what, slots))]
        except FinanceError as refused:  # AccessDenied, NotFound, ...: refused, nothing written
            session.rollback()
            return actor, " ".join(map(str, slots.values())), [Reply(f"refused: {refused!r}")]
        session.commit()
    return actor, " ".join(map(str, slots.values())), replies


def _left(before: Rows, after: Rows, table: str, key: Any, person_id: int | None) -> bool:
    """The person's own membership, gone: they left."""
    return table == "member" and key not in after["member"] and before["member"][key]["person_id"] == person_id


def _said(replies: list[Reply]) -> str:
    parts = []
    for reply in replies:
        parts += [reply.text, *reply.choices, reply.spoken or ""]
        for media in (reply.document, reply.image):
            if media is not None:
                parts.append(media.filename)
                if media.content_type.startswith("text/"):
                    parts.append(media.data.decode("utf-8", "replace"))
    return "\n".join(parts)


def _text_of(rows: dict[Any, dict[str, Any]]) -> str:
    return "\n".join(str(v) for row in rows.values() for v in row.values() if isinstance(v, str))


def _check(world: World, action: tuple[str, int, str, int]) -> None:
    before = _snapshot(world.engine)
    actor, said_in, replies = _turn(world, action)
    after = _snapshot(world.engine)
    person_id, was_in = _where(before, actor)
    _, now_in = _where(after, actor)
    working_in = _current(before, person_id, was_in)
    old, new = _by_business(before), _by_business(after)
    joined = {
        int(r["business_id"])
        for key, r in after["invite"].items()
        if r["accepted_by"] == person_id and before["invite"].get(key, {}).get("accepted_by") != person_id
    }
    own = {working_in} | (new.keys() - old.keys()) | joined
    for business_id in (old.keys() | new.keys()) - own:
        changed = _changed(old.get(business_id, {}), new.get(business_id, {}))
        assert not changed, f"{action}: {actor.sender} (in {working_in}) changed business {business_id}: {changed}"
    crossing = _cross_references(after)
    assert not crossing, f"{action}: {crossing}"
    if working_in is not None and was_in.get(working_in) == "viewer":
        changed = [
            (table, key)
            for table, key in _changed(old.get(working_in, {}), new.get(working_in, {}))
            if table not in _NOT_WRITES and not _left(before, after, table, key, person_id)
        ]
        assert not changed, f"{action}: viewer {actor.sender} wrote {changed}"
    # What the person may see: their businesses' own rows and people, and what they said themselves.
    theirs = was_in.keys() | now_in.keys() | own
    seen = said_in + "\n" + "\n".join(_text_of(new.get(b, {})) + _text_of(old.get(b, {})) for b in theirs if b)
    seen += "\n" + "\n".join(p for b in theirs if b in world.people for p in world.people[b])
    shown = _said(replies)
    compact = re.sub(r"[\s-]", "", shown)
    for business_id, markers in world.markers.items():
        if business_id in theirs:
            continue
        for marker in markers:
            if marker.lower() in seen.lower() or marker in re.sub(r"[\s-]", "", said_in):
                continue
            leaked = marker.lower() in shown.lower() or (marker.isdigit() and marker in compact)
            assert not leaked, f"{action}: {actor.sender} was shown {marker!r} of business {business_id}:\n{shown}"


# --- the property ------------------------------------------------------------------------------------------

_ACTIONS = st.one_of(
    st.tuples(st.just("intent"), st.integers(0, 11), st.sampled_from(_INTENTS), st.integers(-1, 5)),
    st.tuples(
        st.just("say"),
        st.integers(0, 11),
        st.sampled_from(_ABOUT_OTHERS + _ANSWERS + _HELP_EXAMPLES),
        st.integers(-1, 5),
    ),
    st.tuples(st.just("tap"), st.integers(0, 11), st.sampled_from(_ANSWERS), st.integers(-1, 5)),
)


# Paths a random run seldom strings together: someone in two businesses (admin, then viewer, in the
# second) makes an entry in the first, switches, taps its Undo (the question's id, then another) and says
# "undo"; starts a draft ("lunch" -> how much?) in the second, switches back and answers it.
_SWITCHING = [
    ("say", 0, "paid rent 15k", -1),
    ("say", 0, "switch to {b}", 1),
    ("tap", 0, "undo", -1),
    ("tap", 0, "undo", 0),
    ("say", 0, "undo", -1),
    ("say", 0, "lunch", -1),
    ("say", 0, "switch to {b}", 0),
    ("say", 0, "350", -1),
]


@settings(
    max_examples=int(os.environ.get("KAVI_AUTHORIZATION_EXAMPLES", "40")),  # more for a longer hunt
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(n=2, extras=[], second=[(0, 1, "admin")], actions=_SWITCHING)
@example(n=2, extras=[], second=[(0, 1, "viewer")], actions=_SWITCHING)
@given(
    n=st.integers(2, 3),
    extras=st.lists(st.tuples(st.integers(0, 2), st.sampled_from(ROLES)), max_size=4),
    second=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 2), st.sampled_from(ROLES)), max_size=2),
    actions=st.lists(_ACTIONS, min_size=1, max_size=6),
)
def test_nothing_crosses_businesses(
    engine: Engine,
    n: int,
    extras: list[tuple[int, str]],
    second: list[tuple[int, int, str]],
    actions: list[tuple[str, int, str, int]],
) -> None:
    world = _build(engine, n, extras, second)
    rows = _snapshot(engine)
    seeded = _by_business(rows)
    for business_id in world.business_ids:  # each business has books of its own to keep apart
        tables = {table for table, _ in seeded[business_id]}
        assert {"customer", "invoice", "payment", "transaction", "supplier", "budget"} <= tables, tables
    assert not _cross_references(rows)
    for action in actions:
        _check(world, action)
