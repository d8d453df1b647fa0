"""Budgets in a conversation: set, alerts at 80 % and 100 % once each, status with what drove it,
change and remove; English and Swahili."""

from datetime import date

from sqlalchemy.engine import Engine

from tests.chat import ChatTester

DAY = date(2026, 11, 20)  # a Friday: 11 days left in November, today included


def test_budget_alerts_once_each_threshold(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.say("transport budget 10k a month").splitlines() == [
        "✅ Budget set: transport Ksh 10,000 a month.",
        "So far this month: Ksh 0 (0%).",
    ]
    first = chat.say("paid fuel 5000")
    assert "Recorded expense: Ksh 5,000 for transport" in first and "budget" not in first
    crossing = chat.say("fuel 3,200 shell")
    assert crossing.endswith("⚠️ Transport budget: Ksh 8,200 of Ksh 10,000 (82%) with 11 days left.")
    quiet = chat.say("matatu fare 300")
    assert "⚠️" not in quiet and "🚨" not in quiet  # 85 %: the 80 % alert was given already
    over = chat.say("paid diesel 2000")
    assert over.endswith("🚨 Transport budget used up: Ksh 10,500 of Ksh 10,000 (105%) with 11 days left.")
    again = chat.say("fuel 100")
    assert "🚨" not in again and "⚠️" not in again
    status = chat.say("how is my fuel budget?")
    assert status.splitlines()[0] == ("🔴 Transport: Ksh 10,600 of Ksh 10,000 (106%) this month, Ksh 600 over")
    assert "By this day last month: Ksh 0 (now Ksh 10,600 more)." in status
    assert "Most of it:" in status and "shell" in status.lower()


def test_budget_jumping_past_both_says_used_up_once(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("budget 2000 for airtime weekly")
    jump = chat.say("bought airtime 2500")
    assert "🚨 Airtime & data budget used up: Ksh 2,500 of Ksh 2,000 (125%) with 3 days left." in jump
    assert "⚠️" not in jump


def test_budget_last_period_does_not_alert_now(engine: Engine) -> None:
    """An entry dated last month counts in last month's figures, not in this month's alerts."""
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    chat.say("rent budget 15k")
    reply = chat.say("paid rent 15000 on 30 October")
    assert "budget" not in reply.lower()
    assert "(0%)" in chat.say("rent budget status")


def test_budget_changed_removed_and_listed(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.say("how are my budgets").startswith("No budgets yet.")
    chat.say("transport budget 10k")
    chat.say("stock budget 50,000 per month")
    chat.say("paid fuel 9000")
    chat.say("bought stock 10000")
    assert chat.say("set transport budget to 12k").splitlines()[0] == (
        "✏️ Transport budget changed from Ksh 10,000 to Ksh 12,000 a month."
    )
    listed = chat.say("my budgets").splitlines()
    assert listed == [
        "Your budgets:",
        "🟢 Transport: Ksh 9,000 of Ksh 12,000 (75%) this month, Ksh 3,000 left for 11 days",
        "🟢 Stock: Ksh 10,000 of Ksh 50,000 (20%) this month, Ksh 40,000 left for 11 days",
    ]
    assert chat.say("remove the transport budget") == "🗑️ Removed the monthly transport budget."
    assert chat.say("remove the transport budget") == "There is no transport budget to remove."
    assert "Transport" not in chat.say("my budgets")


def test_budget_in_swahili_with_questions(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    asked = chat.ask("weka bajeti ya 8000")
    assert asked.text == "Bajeti ya Ksh 8,000 ni ya aina gani ya matumizi?"
    set_reply = chat.tap(asked, "usafiri")
    assert set_reply.splitlines()[0] == "✅ Bajeti imewekwa: usafiri Ksh 8,000 kwa mwezi."
    chat.say("nimelipa nauli 7000")
    status = chat.say("bajeti ya usafiri iko aje?")
    assert (
        status.splitlines()[0]
        == "🟡 Usafiri: Ksh 7,000 kati ya Ksh 8,000 (87%) mwezi huu, zimebaki Ksh 1,000 kwa siku 11"
    )


def test_budget_asks_for_the_amount_and_a_new_entry_is_not_taken_for_it(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.say("set a budget for rent") == "How much a month for rent? (e.g. 10k)"
    assert chat.say("15k").startswith("✅ Budget set: rent Ksh 15,000 a month.")
    # A sale while asked is a sale, never the budget's amount.
    assert chat.say("set a budget for airtime") == "How much a month for airtime & data? (e.g. 10k)"
    assert "Recorded income: Ksh 5,000" in chat.say("sold goods 5000")


def test_budget_alerts_once_each_in_swahili(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    assert chat.say("weka bajeti ya usafiri 10k kwa mwezi").startswith("✅ Bajeti imewekwa: usafiri Ksh 10,000")
    crossing = chat.say("nimelipa nauli 8500")
    assert crossing.endswith("⚠️ Bajeti ya Usafiri: Ksh 8,500 kati ya Ksh 10,000 (85%), zimebaki siku 11."), crossing
    quiet = chat.say("nimelipa nauli 200")
    assert "⚠️" not in quiet and "🚨" not in quiet
    over = chat.say("nimelipa mafuta 1500")
    assert over.endswith("🚨 Bajeti ya Usafiri imeisha: Ksh 10,200 kati ya Ksh 10,000 (102%), zimebaki siku 11."), over
    again = chat.say("nimelipa nauli 100")
    assert "🚨" not in again and "⚠️" not in again
