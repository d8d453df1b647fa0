"""Money said one way and meant another: a plan said after a payment ("paid 2k, will pay 3k Friday"),
numbers as a recogniser writes them ("elfu 2 500", "2 thousand 300 shillings"), a phone's model number
beside a price, money only held ("niko na 5k ya rent"), a fee from a customer. Messages written for
these tests from a review of the parser."""

from datetime import date

import pytest

from conversations.understand import understand

T = date(2026, 6, 17)  # a Wednesday
RECORDS = {"record_expense", "record_income", "record_transfer", "record_payment"}


def _read(text: str) -> dict[str, object]:
    return understand(text, T).contract()


@pytest.mark.parametrize(
    ("text", "intent", "amount"),
    [
        ("nimelipa elfu 2 500 ya stima", "record_expense", "2500"),
        ("nimepokea elfu 3 200 kutoka kwa Akinyi", "record_income", "3200"),
        ("received 2 thousand 300 shillings from Baraka", "record_income", "2300"),
        ("paid 4 thousand 750 bob for gas", "record_expense", "4750"),
    ],
)
def test_a_thousands_word_then_the_hundreds_is_one_amount(text: str, intent: str, amount: str) -> None:
    got = _read(text)
    assert (got["intent"], got["slots"].get("amount")) == (intent, amount)


@pytest.mark.parametrize(
    "text",
    [
        "Kamau paid 2k on Monday and will pay 3k on Friday",
        "Kamau amelipa 2k jana, atalipa 3k ijumaa",
        "received 2,000 from Kamau, he promised to bring 3,000 next week",
    ],
)
def test_a_plan_said_after_money_moved_leaves_the_money_that_moved(text: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_income"
    assert got["slots"]["amount"] == "2000"


@pytest.mark.parametrize(
    "text",
    [
        "sold Tecno Spark 10 to Brian at 14,000",
        "sold a Samsung A14 at 13,500",
        "sold Redmi Note 12 at 18,000 cash",
    ],
)
def test_a_model_number_is_no_count_of_the_price(text: str) -> None:
    got = _read(text)
    assert got["intent"] in RECORDS | {"unknown"}
    if got["intent"] in RECORDS:
        assert got["intent"] == "record_income"
        assert got["slots"]["amount"] in {"14000", "13500", "18000"}


def test_many_priced_at_a_bare_price_worth_a_fortune_are_asked_about() -> None:
    # 20 x 5,500 or 5,500 in all? Over Ksh 100,000 the conversation asks before recording.
    got = _read("sold 20 bags at 5,500")
    assert got["intent"] not in RECORDS or got["slots"].get("amount") is None


@pytest.mark.parametrize(
    "text",
    ["niko na 5k ya rent", "I have 5k for rent", "nimeweka kando 3k ya school fees", "I have 20k set aside for stock"],
)
def test_money_only_held_or_set_aside_is_no_record(text: str) -> None:
    got = _read(text)
    assert got["intent"] not in {"record_expense", "record_income"}


@pytest.mark.parametrize(
    "text",
    ["delivery fee 300 from Mama Njeri", "transport charge 500 from Otieno", "got delivery fee 200 from Wanjiru"],
)
def test_a_fee_from_a_named_person_is_asked_about_never_booked_as_spent(text: str) -> None:
    got = understand(text, T)
    if got.name == "record_expense":
        # a fee she paid, or one he charged? Asked, with money in as the other button
        assert got.confidence < 0.5
        assert [a.name for a in got.alternatives] == ["record_income"]
    else:
        assert got.name == "record_income"


@pytest.mark.parametrize(
    ("text", "intent", "amount"),
    [
        ("Biscuits cartons 4 from Naivas, 4 x 1,350, ni stock", "record_expense", "5400"),
        ("Layers mash 6 bags x 3,250 from Unga Farm Care", "record_expense", "19500"),
        ("Sold 18 trays kwa Mama Wambui jana, 18 x 420", "record_income", "7560"),
        ("sold 12 x 150 sodas", "record_income", "1800"),
    ],
)
def test_a_count_times_a_price_is_multiplied_out(text: str, intent: str, amount: str) -> None:
    got = _read(text)
    assert (got["intent"], got["slots"].get("amount")) == (intent, amount)


@pytest.mark.parametrize(
    "text",
    ["bought tiles 30 x 30", "paid for a mattress 5 x 6", "bought timber 2 x 4"],
)
def test_a_size_alone_is_no_amount(text: str) -> None:
    assert _read(text)["slots"].get("amount") is None


@pytest.mark.parametrize(
    ("text", "amount"),
    [("wifi 3k5 pd", "3500"), ("income ya leo 6k5", "6500"), ("nimelipa rent 12k5", "12500"), ("fare 1k2", "1200")],
)
def test_thousands_then_a_hundreds_digit_as_nairobi_types_it(text: str, amount: str) -> None:
    assert _read(text)["slots"]["amount"] == amount


@pytest.mark.parametrize(
    "text",
    ["elfu tatu mia tano from phone repair", "nimepata 2k from kuchaji simu za watu", "got 1,500 from the car wash"],
)
def test_money_from_work_done_is_income(text: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_income"
    assert got["slots"].get("counterparty") is None


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("nimelipa delivery 300,ile 2k ya stock bado sijalipa", "300"),
        ("paid fundi 1,500, the 3k for the welder not yet paid", "1500"),
    ],
)
def test_an_amount_said_to_be_unpaid_is_not_the_money_moved(text: str, amount: str) -> None:
    got = _read(text)
    assert (got["intent"], got["slots"]["amount"]) == ("record_expense", amount)


@pytest.mark.parametrize(
    "text",
    ["bei ya sugar imepanda,bale ni 7k sai", "price of cement has gone up to 850", "bei ya unga sasa ni 210"],
)
def test_a_price_told_is_no_record(text: str) -> None:
    assert _read(text)["intent"] not in RECORDS


def test_a_fuliza_limit_notice_moves_no_money() -> None:
    text = "Your Fuliza M-PESA limit has been increased to Ksh 5,000.00. Dial *234# to opt in and enjoy."
    assert _read(text)["intent"] == "mpesa_info"


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("pochi to mpesa 4500", "mpesa", "mpesa"),
        ("mshwari to mpesa 2k", "mshwari", "mpesa"),
        ("bank to mpesa 10k", "bank", "mpesa"),
    ],
)
def test_one_own_place_to_another_is_a_move(text: str, source: str, target: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_transfer"
    assert (got["slots"]["from"], got["slots"]["to"]) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        "The Okafor family (5 guests) paid a deposit of $250",
        "the tenant paid 8,000 today",
        "parents paid 3k for the trip",
    ],
)
def test_a_family_guest_tenant_or_parent_who_paid_paid_the_owner(text: str) -> None:
    assert _read(text)["intent"] == "record_income"


@pytest.mark.parametrize(
    ("text", "amount"),
    [("Elfu tatu kutoka kwa Chepkoech ya mayai", "3000"), ("Thao 4 za mayai kutoka kwa Hotel Tulip", "4000")],
)
def test_money_said_first_then_who_it_came_from_is_income(text: str, amount: str) -> None:
    got = _read(text)
    assert (got["intent"], got["slots"]["amount"]) == ("record_income", amount)


def test_goods_said_first_then_who_they_came_from_stay_bought() -> None:
    assert _read("sugar 2 bags 7k from Ahmed")["intent"] == "record_expense"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("ni meuza mayai tre tano kwa 1,750", "record_income"), ("tu melipwa 5k na hoteli", "record_income")],
)
def test_a_subject_written_apart_from_its_verb(text: str, intent: str) -> None:
    assert _read(text)["intent"] == intent


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("nimeweka akiba yangu 5k kwa SACCO kutoka mpesa", "mpesa", "bank"),
        ("moved 30,000 from my KCB bank account to mpesa to pay casuals", "bank", "mpesa"),
    ],
)
def test_savings_and_moves_for_a_purpose_stay_the_owners(text: str, source: str, target: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_transfer"
    assert (got["slots"]["from"], got["slots"]["to"]) == (source, target)


def test_a_sacco_loan_paid_is_still_an_expense() -> None:
    got = _read("nimelipa mkopo wa SACCO 5,000")
    assert (got["intent"], got["slots"]["category"]) == ("record_expense", "loan_repayment")


def test_money_from_a_farmers_co_op_is_income_not_a_bank_move() -> None:
    sms = (
        "UJK1P5TX3B Confirmed.You have received Ksh21,640.00 from KIAMBAA DAIRY FARMERS CO-OP SOCIETY 512200 "
        "on 10/9/26 at 3:21 PM New M-PESA balance is Ksh22,905.00."
    )
    got = _read(sms)
    assert (got["intent"], got["slots"]["amount"]) == ("record_income", "21640")


def test_a_month_named_by_its_number_is_no_amount() -> None:
    got = understand("expenses za transport mwezi wa nane", date(2026, 11, 30)).contract()
    assert got["intent"] == "query_summary"
    assert (got["slots"]["start"], got["slots"]["end"]) == ("2026-08-01", "2026-08-31")


@pytest.mark.parametrize(
    ("text", "customer", "amount"),
    [
        ("Chebet amemaliza kulipa invoice ya unga INV-0113, 2,700 jana", "Chebet", "2700"),
        ("brayo amemaliza invoice yake jana,4k", "Brayo", "4000"),
        ("payment ya invoice ya kevo 2,500 imeingia", "Kevo", "2500"),
        ("RCVD PART PAYMENT 10K FRM MAMA BRIAN FOR INV-0030", "mama brian", "10000"),
    ],
)
def test_an_invoice_paid_off_is_a_payment_not_a_new_invoice(text: str, customer: str, amount: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_payment"
    assert (str(got["slots"]["customer"]).lower(), got["slots"]["amount"]) == (customer.lower(), amount)


@pytest.mark.parametrize("text", ["Wĩ mwega", "Chamgei", "habari ya asubuhi mkubwa", "Mulembe"])
def test_greetings_in_more_of_kenyas_languages(text: str) -> None:
    assert _read(text)["intent"] == "greeting"
