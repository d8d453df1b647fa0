"""list_customers: every customer, or those who owe, most owed first."""

from tests.chat import ChatTester


def test_customers_listed_with_what_they_owe(chat: ChatTester) -> None:
    chat.onboard()
    assert "No customers yet" in chat.say("show all my customers")
    chat.say("add customer Jane Achieng 0798123456")
    chat.say("add customer Otieno Kamau")
    chat.say("add customer Mary Wambui")
    chat.say("invoice Otieno 3000")
    chat.say("invoice Jane 5000")
    chat.say("Jane paid 1000")
    listed = chat.say("customer list pls")
    assert listed.splitlines() == [
        "👥 3 customer(s); together they owe Ksh 7,000:",
        "• Jane Achieng, +254798123456 — owes Ksh 4,000",
        "• Otieno Kamau — owes Ksh 3,000",
        "• Mary Wambui",
    ]
    owing = chat.say("wateja gani bado hawajanilipa?")
    assert owing.splitlines()[0] == "👥 Wateja 2 wanadaiwa Ksh 7,000:" and "Mary" not in owing
