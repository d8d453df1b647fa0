"""Black-box defects where money went into the books wrong or a budget changed that was not asked
for. Each test failed before its fix; both databases."""

from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from finance.models import Budget, Transaction
from tests.chat import ChatTester

DAY = date(2026, 11, 20)  # a Friday


def _entries(engine: Engine) -> list[tuple[str, str, int]]:
    with Session(engine) as session:
        rows = session.exec(select(Transaction).where(Transaction.deleted_at == None)).all()  # noqa: E711
        return sorted((t.kind, t.category, t.amount_cents // 100) for t in rows)


def _budgets(engine: Engine) -> list[tuple[str, str, int]]:
    with Session(engine) as session:
        return sorted((b.category, b.period, b.amount_cents // 100) for b in session.exec(select(Budget)).all())


def test_a_loan_taken_is_money_in_but_not_income(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    taken = chat.say("I took a loan of 20000 from KCB")
    assert taken.startswith("✅ Recorded money in: Ksh 20,000, loan received (KCB), today.")
    assert "not counted as income" in taken
    chat.say("sold 5000")
    assert "Ksh 25,000" in chat.say("what's my balance?")
    made = chat.say("how much did I make this month?")
    assert "Ksh 5,000" in made and "20,000" not in made
    repaid = chat.say("paid loan 3000")
    assert "Recorded expense: Ksh 3,000 for loan repayment" in repaid
    assert _entries(engine) == [("expense", "loan_repayment", 3000), ("income", "loan_received", 20000),
                                ("income", "sales", 5000)]  # fmt: skip


def test_a_loan_taken_in_swahili(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    taken = chat.say("nimechukua mkopo wa 20k")
    assert taken.startswith("✅ Nimerekodi pesa zilizoingia: Ksh 20,000, mkopo uliopokea, leo.")
    assert _entries(engine) == [("income", "loan_received", 20000)]


def test_an_opening_balance_sets_the_balance_not_the_profit(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    opened = chat.say("my opening balance is 60000")
    assert opened.startswith("✅ Recorded money in: Ksh 60,000, opening balance, today.")
    chat.say("paid rent 15000")
    assert "Ksh 45,000" in chat.say("balance")
    profit = chat.say("what's my profit this month?")
    assert "-Ksh 15,000" in profit or "loss" in profit.lower()
    assert "60,000" not in profit


def test_a_typed_budget_is_a_budget_not_an_expense(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.say("budjet for electricity 4000").startswith("✅ Budget set: utilities Ksh 4,000 a month.")
    assert _entries(engine) == []


def test_changing_a_budget_in_swahili_leaves_the_last_entry_alone(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("nauli 200")
    chat.say("bajeti ya nauli 1000 kwa mwezi")
    changed = chat.say("badilisha bajeti ya nauli iwe 1500")
    assert "1,500" in changed and "bajeti" in changed.lower()
    assert _entries(engine) == [("expense", "transport", 200)]
    assert _budgets(engine) == [("transport", "monthly", 1500)]


def test_removing_one_period_keeps_the_other(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("set fuel budget 5000 a month")
    chat.say("set fuel budget 1000 a week")
    assert chat.say("remove the monthly fuel budget") == "🗑️ Removed the monthly transport budget."
    assert _budgets(engine) == [("transport", "weekly", 1000)]
    assert chat.say("remove the fuel budget") == "🗑️ Removed the weekly transport budget."
    assert _budgets(engine) == []


def test_a_budget_period_kavi_does_not_keep_is_said_not_silently_monthly(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    reply = chat.say("set a yearly budget for rent 120000")
    assert "month or by the week" in reply
    assert _budgets(engine) == []
    assert "month or by the week" in chat.say("daily budget for lunch 300")
    assert _budgets(engine) == []


def test_a_day_and_month_after_on_is_that_month(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert "Recorded expense: Ksh 15,000 for rent, Sat 10 Oct." in chat.say("paid rent 15000 on 10th october")
    assert "Jumamosi 10 Okt" in chat.say("nililipa stima 2000 tarehe 10 oktoba")


def test_the_same_amount_on_another_day_is_not_taken_for_a_repeat(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("paid rent 15000 on 10 October")
    again = chat.say("paid rent 15000")
    assert again.startswith("✅ Recorded expense: Ksh 15,000 for rent, today.")
    assert _entries(engine) == [("expense", "rent", 15000), ("expense", "rent", 15000)]
