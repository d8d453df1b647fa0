"""The owner's rights over their data, on both databases: the export ZIP opened and checked against the
tables; deletion asked, waited out (and cancelled within the grace), then erased — every table read back
and no name, phone or message text of the person left — while the money records stay, de-identified."""

import csv
import io
import zipfile
from datetime import timedelta
from typing import Any

from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from bot.erasure import sweep
from conversations.messages import IncomingMessage, Reply
from finance.clock import today_in, utcnow
from finance.models import Business, Customer, Person, Transaction
from tests.chat import ChatTester

DAY = today_in("Africa/Nairobi")
PHONE = "+254711000222"
SECRETS = ("Akinyi", "711000222", "Mama Njeri", "Baraka", "722333444")


def _owner(engine: Engine) -> ChatTester:
    owner = ChatTester(engine, today=DAY, sender=PHONE, channel="sms", name="Akinyi Otieno", phone=PHONE)
    owner.onboard("Akinyi Salon")
    owner.say("paid rent 15k to Mama Njeri")
    owner.say("sold 2,500 to Baraka")
    owner.say("add customer Baraka 0722 333 444")
    owner.push("invoice Baraka 5000")
    owner.replies.clear()
    return owner


def _tap_reply(chat: ChatTester, reply: Reply, choice: str) -> Reply:
    """Taps a button and returns KAVI's reply whole (buttons and all)."""
    message = IncomingMessage(
        channel=chat.channel, sender=chat.sender, text=choice, phone=chat.phone, answers=reply.question_id,
        external_id=f"tap-{reply.question_id}-{choice}",
    )  # fmt: skip
    [answer] = chat.pipeline.handle(message)
    return answer


def _csv_rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_the_export_holds_what_the_tables_hold(engine: Engine) -> None:
    owner = _owner(engine)
    reply = owner.ask("export my data")
    assert reply.text.startswith("📦 Everything I keep about you, as a ZIP")
    assert reply.document is not None and reply.document.content_type == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(reply.document.data))
    with Session(engine) as session:
        business = session.exec(select(Business)).one()
        entries = session.exec(select(Transaction).order_by(Transaction.id)).all()
        customers = session.exec(select(Customer)).all()
    folder = f"Akinyi Salon-{business.id}"
    names = set(archive.namelist())
    expected = {"transactions", "customers", "suppliers", "invoices", "payments", "activity"}
    assert {"README.txt", "me.csv", "memberships.csv"} | {f"{folder}/{n}.csv" for n in expected} <= names
    assert "Kenya Data Protection Act" in archive.read("README.txt").decode()
    assert _csv_rows(archive, "me.csv")[0]["phone"] == PHONE
    assert _csv_rows(archive, "memberships.csv") == [
        {"business": "Akinyi Salon", "role": "admin", "since": _csv_rows(archive, "memberships.csv")[0]["since"]}
    ]
    rows = _csv_rows(archive, f"{folder}/transactions.csv")
    assert [(r["kind"], r["amount"], r["category"], r["counterparty"]) for r in rows] == [
        (t.kind, str(t.amount_cents // 100), t.category, t.counterparty or "") for t in entries
    ]
    assert [r["name"] for r in _csv_rows(archive, f"{folder}/customers.csv")] == [c.name for c in customers]
    invoice = _csv_rows(archive, f"{folder}/invoices.csv")
    assert [(i["number"], i["customer"], i["total"]) for i in invoice] == [("INV-0001", "Baraka", "5000")]
    pdf = PdfReader(io.BytesIO(archive.read(f"{folder}/invoices/INV-0001.pdf")))
    assert "INV-0001" in pdf.pages[0].extract_text()
    actions = [r["action"] for r in _csv_rows(archive, f"{folder}/activity.csv")]
    assert actions.count("record") == 2 and "create" in actions


def _everything(engine: Engine) -> str:
    """Every value of every row of every table, as text: what a search for personal data would read."""
    found: list[str] = []
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(text(f'SELECT * FROM "{table.name}"')):
                found.extend(str(value) for value in row if not isinstance(value, bytes | memoryview))
    return "\n".join(found)


def _money_left(engine: Engine) -> list[tuple[str, int, str]]:
    with Session(engine) as session:
        return [
            (t.kind, t.amount_cents, t.category) for t in session.exec(select(Transaction).order_by(Transaction.id))
        ]


def test_deletion_waits_seven_days_can_be_cancelled_and_then_erases(engine: Engine) -> None:
    owner = _owner(engine)
    asked = owner.ask("delete my data")
    assert asked.text.startswith("Delete your data? Your name, phone and messages will be erased, and Akinyi Salon")
    assert asked.choices == ["Delete my data", "Keep my data"]
    assert owner.tap(asked, "Keep my data") == "OK, nothing will be deleted."
    asked = owner.ask("delete my data")
    again = _tap_reply(owner, asked, "Delete my data")  # the business goes too: asked a second time
    assert again.text.startswith("Are you sure? Akinyi Salon goes too: its customers' and suppliers' details")
    assert owner.tap(again, "Yes, delete the business").startswith("🗑️ Your data will be deleted on ")
    # Within the grace: the sweep erases nothing, and "cancel deletion" keeps everything.
    assert sweep(engine, utcnow() + timedelta(days=6)).people == 0
    assert owner.say("cancel deletion") == "✅ Deletion cancelled: your data stays."
    assert sweep(engine, utcnow() + timedelta(days=8)).people == 0
    assert "Akinyi" in _everything(engine)
    books = _money_left(engine)
    # Asked again and left to run: after seven days, erased.
    second = owner.ask("futa data yangu")
    assert second.choices == ["Futa data yangu", "Usifute"]
    owner.tap(_tap_reply(owner, second, "Futa data yangu"), "Ndiyo, futa biashara")
    swept = sweep(engine, utcnow() + timedelta(days=7, minutes=1))
    assert (swept.people, swept.businesses) == (1, 1)
    left = _everything(engine)
    for secret in SECRETS:
        assert secret not in left, f"{secret!r} is still stored"
    assert _money_left(engine) == books  # the money records a business must keep stay
    with Session(engine) as session:
        person = session.exec(select(Person)).one()
        assert person.erased_at is not None and person.name is None and person.phone is None


def test_the_only_admin_of_a_shared_business_is_asked_twice(engine: Engine) -> None:
    owner = _owner(engine)
    owner.say("add 0733 555 666 as staff")
    staff = ChatTester(engine, today=DAY, sender="+254733555666", channel="sms", name=None, phone="+254733555666")
    staff.say("join")
    owner.push("hi")
    owner.replies.clear()
    asked = owner.ask("delete my data")
    assert asked.text.startswith("You're the only admin of Akinyi Salon, which others use too."), asked.text
    second = owner.ask("Delete the business too")
    assert second.text.startswith("Are you sure? Akinyi Salon and its details go for all 2 people in it.")
    assert owner.tap(second, "Yes, delete the business").startswith("🗑️ Your data will be deleted on ")
    sweep(engine, utcnow() + timedelta(days=8))
    with Session(engine) as session:
        business: Any = session.exec(select(Business)).one()
        assert business.name == f"Deleted business {business.id}" and business.erased_at is not None
    assert "Mama Njeri" not in _everything(engine)
