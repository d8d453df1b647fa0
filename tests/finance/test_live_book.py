"""The book the live engine keeps between payments: reused while nothing changed, updated in place by
a payment it applies, built again when anything else changed the invoices, customers or payers."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import Invoice, Member
from finance.reconciliation.live import live_book
from finance.services.payments import PaymentIn, receive
from tests.chat import ChatTester
from tests.conftest import TODAY

WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=ZoneInfo("Africa/Nairobi"))


def test_kept_while_unchanged_updated_by_its_payment_rebuilt_after_other_changes(engine: Engine) -> None:
    chat = ChatTester(engine, today=TODAY)
    chat.onboard()
    chat.say("invoice Jane Achieng 2 bags of cement at 2500")
    chat.say("invoice Otieno 4 bags of cement at 750")
    with Session(engine, expire_on_commit=False) as session:
        member = session.exec(select(Member)).one()
        first = live_book(session, member.business_id)
        assert live_book(session, member.business_id) is first  # nothing changed: not built again
        paid = receive(
            session,
            actor=member,
            pin=PaymentIn(
                Decimal("5000"), WHEN, "c2b", reference="TKA1", payer_name="JANE ACHIENG", account="INV-0001"
            ),
        )
        assert [i.number for i, _ in paid.applied] == ["INV-0001"]
        session.commit()
    with Session(engine, expire_on_commit=False) as session:
        member = session.exec(select(Member)).one()
        kept = live_book(session, member.business_id)
        assert kept is first and kept.invoices["INV-0001"].balance == 0  # the engine's own: updated in place
        otieno = session.exec(select(Invoice).where(Invoice.number == "INV-0002")).one()
        # A payment set against a named invoice outside the engine: the book is built afresh.
        receive(session, actor=member, pin=PaymentIn(Decimal("3000"), WHEN, "cash"), invoice=otieno)
        session.commit()
    with Session(engine, expire_on_commit=False) as session:
        again = live_book(session, member.business_id)
        assert again is not kept and again.invoices["INV-0002"].balance == 0
    chat.say("invoice Wanjiru 1 bag of cement at 800")
    with Session(engine) as session:
        fresh = live_book(session, member.business_id)
        assert fresh is not again and "INV-0003" in fresh.invoices
