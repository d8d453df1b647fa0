"""The cash forecast and "can I afford it?" in a conversation, on both databases: the path from the
business's own history, the lowest point, the day it goes below zero and what would fix it; a purchase
answered yes or not yet, and never recorded."""

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import Customer, Member, Transaction
from finance.services.forecast import cash_forecast
from finance.services.invoices import create_invoice
from finance.services.ledger import record_transaction
from tests.chat import ChatTester

DAY = date(2026, 11, 20)


def _history(engine: Engine, weeks: int, sales: int, spending: int) -> None:
    """Daily sales and spending for the weeks before DAY (quieter on Sundays, as shops are)."""
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        for back in range(weeks * 7, 0, -1):
            day = DAY - timedelta(days=back)
            factor = Decimal("0.3") if day.weekday() == 6 else Decimal(1)
            for kind, amount, category in (("income", sales, "sales"), ("expense", spending, "stock")):
                record_transaction(
                    session,
                    actor=member,
                    kind=kind,
                    amount=Decimal(amount) * factor,
                    category=category,
                    occurred_on=day,
                )
        session.commit()


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(Transaction)).all())


def _money(text: str) -> int:
    """The first "Ksh 12,345" (or "-Ksh 1,000") in text, in shillings."""
    import re

    found = re.search(r"(-?)Ksh\s?(-?[\d,]+)", text.replace("\u2212", "-"))
    assert found, text
    return int(found.group(1) + found.group(2).replace(",", ""))


def test_forecast_of_a_growing_shop(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=8, sales=5000, spending=3000)
    reply = chat.say("forecast my cash").splitlines()
    assert reply[0].startswith("📈 Cash forecast, next 30 days (balance today Ksh ")
    opening = _money(reply[0])
    assert reply[1].startswith("• By Sun 20 Dec: about Ksh ")
    closing = _money(reply[1])
    # About 2,000 a day more in than out, a little less on Sundays: some 55,000 over 30 days.
    assert 45_000 < closing - opening < 65_000, reply
    assert "likely" in reply[1]
    assert reply[2] == f"• Lowest: Ksh {opening:,} today"  # the path only rises from here
    assert not any("below zero" in line for line in reply)
    # A level the owner watches: said when the path goes under it, and when it never does.
    assert "⚠️ Your balance is already below Ksh 200,000." in chat.say("forecast: will I go below 200k?")
    assert "✅ Expected to stay above Ksh 50,000 all the way." in chat.say("forecast, will cash go under 50k")
    two_weeks = chat.say("cash forecast for the next 2 weeks").splitlines()
    assert two_weeks[0].startswith("📈 Cash forecast, next 14 days") and "Fri 4 Dec" in two_weeks[1]


def test_forecast_going_below_zero_names_the_invoice_that_would_fix_it(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=6, sales=2000, spending=1500)
    chat.say("add customer Otieno Kamau")
    chat.say("paid rent 60000")  # the balance is now low; spending still beats a slow month's sales
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        otieno = session.exec(select(Customer)).one()
        create_invoice(
            session,
            actor=member,
            customer=otieno,
            issued_on=DAY - timedelta(days=20),
            due_on=DAY - timedelta(days=12),
            total=Decimal(18000),
        )
        session.commit()
    reply = chat.say("how will my cash look in the next 30 days? forecast")
    lines = reply.splitlines()
    assert "⚠️ Your balance is already below Ksh 0." in lines, reply
    assert "What would fix it: collect INV-0001 (Ksh 18,000 from Otieno Kamau, 12 days late)." in reply
    assert "Counting 1 open invoice(s): Ksh 18,000" in reply


def test_can_afford_yes_and_not_yet_and_nothing_recorded(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=8, sales=5000, spending=3000)
    before = _count(engine)
    yes = chat.say("can i afford a fridge for 30k?")
    assert yes.startswith("✅ Yes: after fridge for Ksh 30,000 today, your balance should stay above Ksh ")
    assert yes.endswith("(Nothing was recorded.)")
    not_yet = chat.say("can I afford a pickup for 400k")
    assert not_yet.startswith("⏳ Not yet: after pickup for Ksh 400,000 today, your balance would fall to about -Ksh")
    assert "No day in the next 30 days leaves enough" in not_yet
    later = chat.say("can i afford a display fridge at 130k?")
    assert later.startswith("⏳ Not yet") and "A better day to buy: " in later, later
    sw = chat.say("naweza kununua friji ya 30k?")
    assert sw.startswith("✅ Ndiyo: ukinunua friji kwa Ksh 30,000 leo") and sw.endswith("(Sijarekodi chochote.)")
    assert _count(engine) == before


def test_forecast_without_records_says_what_it_needs(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.say("forecast my cash").startswith("I need a few days of records")
    asked = chat.say("can I afford a new oven?")
    assert asked == "How much does it cost? I'll check it against your cash forecast."
    assert chat.say("25k").startswith(("✅", "⏳"))
    assert _count(engine) == 0


def test_short_history_is_said(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=2, sales=3000, spending=1000)
    reply = chat.say("forecast")
    assert "(From only 15 day(s) of records: it gets better as you record more.)" in reply


def test_a_balance_already_below_zero_is_said_so(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=8, sales=3000, spending=1000)
    chat.say("paid for a new freezer 120000 on 26 September")  # long ago, and more than eight weeks' profit
    reply = chat.say("forecast my cash")
    assert "⚠️ Your balance is already below Ksh 0." in reply
    assert "Expected back above it on " in reply
    assert "• Lowest: -Ksh" in reply and "today" in reply.split("• Lowest:")[1].splitlines()[0]
    assert "Expected to go below zero on" not in reply


def test_a_new_entry_while_the_rate_is_asked_is_recorded_as_itself(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert "What is 1 USD in KES today?" in chat.say("paid supplier 200 dollars")
    assert "Recorded income: Ksh 4,500" in chat.say("sold paint 4500")
    assert "What is 1 USD in KES today?" in chat.say("paid supplier 200 dollars")  # no rate was taken


def test_a_positive_balance_that_will_run_out_names_the_day(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=6, sales=2000, spending=3000)
    chat.say("received 48000 from a big order on 2 October")
    reply = chat.say("forecast my cash")
    assert "balance today Ksh " in reply.splitlines()[0]  # still above zero today
    assert "⚠️ Expected to go below zero on " in reply, reply


def test_a_recurring_entry_is_counted_on_its_day_not_as_a_daily_level(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=6, sales=5000, spending=3000)
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        without = cash_forecast(session, actor=member, today=DAY)
    assert "every month on the 25th" in chat.say("paid rent 40k every month on the 25th")
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        found = cash_forecast(session, actor=member, today=DAY)
    assert [(s.day, s.amount, s.label) for s in found.scheduled] == [(date(2026, 11, 25), Decimal(-40000), "rent")]
    assert found.opening == without.opening - 40000  # the rent just recorded (25 Oct)
    # The rent already paid is not spread over every day: the path moves by exactly the rent, on its day.
    gaps = {p.day: w.mean - p.mean - 40000 for p, w in zip(found.path, without.path, strict=True)}
    assert {gap for d, gap in gaps.items() if d < date(2026, 11, 25)} == {Decimal(0)}
    assert {gap for d, gap in gaps.items() if d >= date(2026, 11, 25)} == {Decimal(40000)}
    reply = chat.say("forecast")
    assert "• Counting your recurring entries: rent -Ksh 40,000 on Wed 25 Nov." in reply, reply
    sw = chat.say("utabiri wa pesa")
    assert "• Nimehesabu rekodi zinazojirudia: kodi -Ksh 40,000 tarehe Jumatano 25 Nov." in sw, sw


def test_forecast_and_not_yet_in_swahili(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _history(engine, weeks=6, sales=5000, spending=3000)
    reply = chat.say("pesa yangu itakuwa ngapi mwezi ujao?").splitlines()
    assert reply[0].startswith("📈 Utabiri wa pesa, siku 30 zijazo (salio leo Ksh "), reply
    assert any(line.startswith("• Chini kabisa: ") for line in reply), reply
    not_yet = chat.say("naweza kununua gari ya 400k?")
    assert not_yet.startswith("⏳ Bado: ukinunua gari kwa Ksh 400,000 leo"), not_yet
    assert not_yet.endswith("(Sijarekodi chochote.)")
    assert _count(engine) == 6 * 7 * 2  # the questions recorded nothing
