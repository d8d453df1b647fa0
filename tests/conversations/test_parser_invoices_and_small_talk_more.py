"""Invoices, team and small talk as owners in two unseen sets wrote them: items priced "each" after
the thing, deposits beside an invoice's price, a price brought down, due days in Swahili, payments said
as finished, Swahili questions about changes and data, greetings, undo said in passing, and takings
told without a question. Messages written for these tests."""

from datetime import date

import pytest

from conversations.understand import understand

T = date(2026, 11, 3)  # a Tuesday


def _read(text: str) -> dict[str, object]:
    return understand(text, T).contract()


@pytest.mark.parametrize(
    ("text", "description", "quantity", "price"),
    [
        ("create invoice for shiko 3 bales mitumba 15k each due friday", "bales", 3, 15000),
        ("INVOICE MAMA BRIAN 10 BAGS SUGAR 6K EACH", "sugar", 10, 6000),
        ("invoice Ahmed 20 jerrycans oil 3,400 kila moja", "oil", 20, 3400),
    ],
)
def test_a_price_each_said_after_the_thing_makes_an_item(
    text: str, description: str, quantity: int, price: int
) -> None:
    got = _read(text)
    assert got["intent"] == "create_invoice"
    (item,) = got["slots"]["items"]
    assert description in item["description"]
    assert (item["quantity"], item["unit_price"]) == (quantity, price)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("create invoice for Garissa Meat Exporters 450k total for 3 camels", "450000"),
        ("niandikie invoice ya Njeri, cake ya 5k. she paid 2k deposit, balance 3k on delivery", "5000"),
        ("Invoice ya Kui: box braids 4k. Ameweka deposit 1k, zingine atalipa Friday", "4000"),
        ("invoice Aunty Cate, cake ya 4.5k but nimempunguzia to 4k", "4000"),
    ],
)
def test_an_invoice_is_for_its_whole_agreed_price(text: str, amount: str) -> None:
    got = _read(text)
    assert got["intent"] == "create_invoice"
    assert "items" not in got["slots"]
    assert got["slots"]["amount"] == amount


def test_a_due_day_said_as_ilipwe() -> None:
    text = "nitengenezee invoice ya Mama Rehema, chakula cha harusi elfu ishirini na tano, ilipwe tarehe 15"
    assert _read(text)["slots"]["due_date"] == "2026-11-15"


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("ni invoice gani zimeshalipwa?", "list_invoices", {"status": "paid"}),
        ("Pwani Fish Traders wamemaliza kulipa invoice INV-0050 jana", "record_payment", {"invoice": "INV-0050"}),
        ("nataka kufuta data yangu yote kwenye hii app", "my_data", {"action": "delete"}),
        ("badilisha kwenda juice kiosk", "switch_business", {"name": "Juice Kiosk"}),
        ("ni nani ameongeza entries jana?", "activity_log", {"start": "2026-11-02"}),
        ("nini kimebadilika leo kwa account", "activity_log", {"start": "2026-11-03"}),
        ("Asc walaal", "greeting", {}),
        ("naeza chukua mashine ya kushona ya 28k?", "can_afford", {"amount": "28000"}),
        ("eish nimeweka wrong entry, irudishe tafadhali undo", "undo", {}),
        ("The last entry I made was a mistake; please reverse it.", "undo", {}),
        ("Shiro hajalipa balance ya 3k bado, mkumbushe tafadhali", "remind_customer", {"customer": "Shiro"}),
        ("mtumie Mama Aisha ombi la malipo ya 6,000 kwa simu yake", "request_payment", {"customer": "Mama Aisha"}),
        ("mpe mhasibu wangu access ya kuangalia tu, namba ni 0799 100 200", "invite_member", {"role": "viewer"}),
    ],
)
def test_requests_said_in_swahili_and_sheng(text: str, intent: str, slots: dict[str, object]) -> None:
    got = _read(text)
    assert got["intent"] == intent
    assert {k: got["slots"].get(k) for k in slots} == slots


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("nauli ya kwenda town 200, nilienda kuangalia bei ya mzigo", "record_expense", {"amount": "200"}),
        ("nimelipa fundi wa dryer leo, nitakuambia ni ngapi baadaye", "record_expense", {"category": "repairs"}),
        ("bundles za 250 nimejinunulia ndio niweke status za cakes", "record_expense", {"amount": "250"}),
        ("cake boxes na boards 1,150", "record_expense", {"category": "supplies"}),
        ("paid truck hire 25k for the camels to Nairobi market", "record_expense", {"category": "transport"}),
        ("leo boutique imeuza 11,200", "record_income", {"category": "sales"}),
        ("Mama Tasha ameleta school fees ya term hii 12k", "record_income", {"category": "services"}),
        ("leo hakuna kazi", "unknown", {}),
    ],
)
def test_money_told_in_passing(text: str, intent: str, slots: dict[str, object]) -> None:
    got = _read(text)
    assert got["intent"] == intent
    assert {k: got["slots"].get(k) for k in slots} == slots


def test_the_amount_promised_later_leaves_it_out() -> None:
    got = _read("nimelipa fundi wa dryer leo, nitakuambia ni ngapi baadaye")
    assert "amount" not in got["slots"]


def test_words_that_only_join_a_sentence_name_no_one() -> None:
    assert "counterparty" not in _read("bundles za 250 nimejinunulia ndio niweke status za cakes")["slots"]
