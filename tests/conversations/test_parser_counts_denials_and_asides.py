"""Money read from messages written in a hurry or at length: counts times prices ("4 x 1,350"), groups
added up, amounts said to be wrong ("not 3,500"), change handed back, loan requests, words run together,
asides in brackets, payments through a bank from someone else. Messages written for these tests."""

from datetime import date

import pytest

from conversations.understand import understand

T = date(2026, 6, 17)  # a Wednesday


def _read(text: str) -> dict[str, object]:
    return understand(text, T).contract()


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("bought mattress 5 x 6 for 12,000", "12000"),  # a size, not five at six shillings
        ("paid 2,500 for tiles 30 x 30", "2500"),
    ],
)
def test_a_size_written_with_x_is_never_the_amount(text: str, amount: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_expense"
    assert got["slots"]["amount"] == amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("paid casuals 4 @ 600 and the mason 1 @ 1,500", "3900"),
        ("bought 2 crates @ 650 and 3 packets at 120 each", "1660"),
    ],
)
def test_several_priced_groups_are_added_up(text: str, amount: str) -> None:
    assert _read(text)["slots"]["amount"] == amount


def test_groups_bought_and_sold_in_one_message_are_asked_about() -> None:
    got = _read("bought 3 bags @ 2,900 from Kamau and sold 2 bags @ 3,200 to Otieno")
    assert "amount" not in got["slots"]  # two entries: the conversation asks


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("paid the welder 4,500, not 5,000 as I said before", "4500"),
        ("so the two of them got 2,400 altogether, not 2,800 like I said", "2400"),
        ("nimelipa stima 1,950 si 1,590", "1950"),
    ],
)
def test_an_amount_said_to_be_wrong_is_never_the_one_recorded(text: str, amount: str) -> None:
    assert _read(text)["slots"]["amount"] == amount


def test_change_handed_back_in_words_is_taken_off() -> None:
    got = _read("gave the charcoal lady 2,000 for a sack of 1,850 and she gave me 150 back")
    assert got["slots"]["amount"] == "1850"
    unclear = _read("gave the charcoal lady 2,000 and she gave me 150 back")
    assert "amount" not in unclear["slots"]  # 2,000 or 1,850? Nothing adds up: asked


@pytest.mark.parametrize(
    "text",
    ["Nipee mkopo ya 15k tafadhali", "nipe loan ya 30k", "can you lend me 10k till friday", "give me a loan of 8,000"],
)
def test_asking_for_a_loan_records_nothing(text: str) -> None:
    assert _read(text)["intent"] not in ("record_expense", "record_income", "record_transfer")


def test_a_repaid_loan_is_still_recorded() -> None:
    got = _read("nimelipa mkopo 5k")
    assert (got["intent"], got["slots"]["amount"], got["slots"]["category"]) == (
        "record_expense",
        "5000",
        "loan_repayment",
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("mauzojana 6,400", "record_income"),
        ("how much did i spend lastweek", "query_summary"),
    ],
)
def test_a_day_typed_onto_the_word_before_it_is_read_apart(text: str, intent: str) -> None:
    got = _read(text)
    assert got["intent"] == intent
    assert "counterparty" not in got["slots"]


def test_words_that_only_look_glued_are_left_whole() -> None:
    got = _read("paid 3,000 to paybill 247247 for the workshop")
    assert got["intent"] == "record_expense"
    assert got["slots"]["amount"] == "3000"


@pytest.mark.parametrize(
    "text",
    [
        "lorry ya kubeba mawe from Mlolongo 7,000",
        "boda ya kubeba mizigo from stage 150",
    ],
)
def test_a_journey_from_a_place_is_transport_paid(text: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_expense"
    assert got["slots"]["category"] == "transport"


def test_goods_got_from_a_supplier_are_not_money_in() -> None:
    got = _read("those bales, we finally got them from Gikomba on Monday, 45,000 total")
    assert got["intent"] != "record_income"


def test_a_customer_who_came_and_bought_made_a_sale() -> None:
    got = _read("Today Mzee Kiprop came and bought 6 bags of feeds at 2,900 each")
    assert (got["intent"], got["slots"]["amount"], got["slots"]["counterparty"]) == (
        "record_income",
        "17400",
        "Mzee Kiprop",
    )


def test_an_aside_in_brackets_makes_no_one_a_payer() -> None:
    got = _read("KPLC (tokens) paid 1,000")
    assert (got["intent"], got["slots"]["amount"]) == ("record_expense", "1000")


def test_banking_the_owners_own_takings_is_a_move_not_income() -> None:
    got = _read("Banked 45,000 from Saturday's sales at KCB")
    assert got["intent"] == "record_transfer"


def test_money_from_someone_by_bank_transfer_is_income_not_a_move() -> None:
    got = _read("Received 2,000 dollars by bank transfer from Gamewatchers for the August group")
    assert got["intent"] == "record_income"
    assert got["slots"]["counterparty"] == "Gamewatchers"
    moved = _read("transferred 20,000 from KCB to M-Pesa")
    assert moved["intent"] == "record_transfer"


def test_a_cooperative_paying_is_income_and_the_owners_bank_note_makes_a_move() -> None:
    paid = (
        "TK7AB2CD3E Confirmed. You have received Ksh18,600.00 from MATHIRA DAIRY COOPERATIVE on 5/6/26 at "
        "10:15 AM. New M-PESA balance is Ksh20,100.00.\nmilk payout"
    )
    assert _read(paid)["intent"] == "record_income"
    banked = (
        "TK8AB2CD3F Confirmed. Ksh25,000.00 sent to KCB Paybill AC for account 1234567890 on 6/6/26 at 3:02 PM "
        "New M-PESA balance is Ksh1,200.00. Transaction cost, Ksh108.00.\nto my own account at KCB"
    )
    got = _read(banked)
    assert (got["intent"], got["slots"]["from"], got["slots"]["to"], got["slots"]["amount"]) == (
        "record_transfer",
        "mpesa",
        "bank",
        "25000",
    )
    supplier = banked.replace("to my own account at KCB", "supplier ya unga")
    assert _read(supplier)["intent"] == "record_expense"


@pytest.mark.parametrize(
    ("text", "chart"),
    [
        ("show me spending by category for May", "expenses_by_category"),
        ("nionyeshe grafu ya mapato vs matumizi", "income_vs_expenses"),
        ("chart of budget vs actual", "budget"),
    ],
)
def test_charts_asked_for_by_their_shape(text: str, chart: str) -> None:
    got = _read(text)
    assert got["intent"] == "show_chart"
    assert got["slots"]["chart"] == chart


def test_a_reminder_asked_for_after_the_story_is_a_reminder() -> None:
    got = _read("One of my clients, Lakeview Hotel, has not paid since March. Please send them a reminder.")
    assert got["intent"] == "remind_customer"
    named = _read("Please send Lakeview Hotel a reminder about INV-0062")
    assert named["slots"] == {"customer": "Lakeview Hotel", "invoice": "INV-0062"}


@pytest.mark.parametrize(
    "text",
    ["What are the things you can do for me?", "sijui kutumia hii app, nisaidie", "hii kitu inafanya aje"],
)
def test_help_asked_for_in_other_words(text: str) -> None:
    assert _read(text)["intent"] == "help"


def test_a_possessive_is_not_part_of_the_name() -> None:
    got = _read("Shamba boy Kilonzo's wages for May, 7,500, paid")
    assert got["slots"]["counterparty"] == "Kilonzo"


@pytest.mark.parametrize(
    "text",
    ["Received 15k from Atieno for the birthday party", "MC gig at the chama end year party paid 20k"],
)
def test_money_in_for_an_event_served_is_a_service(text: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_income"
    assert got["slots"]["category"] == "services"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("County permit for June 4,800 paid", "4800"),  # "June 4,800" is no 4th of June
        ("Stall rent for July 12k paid to Wekesa", "12000"),
        ("paid the insurance on March 3 2026 ksh 6,500", "6500"),  # the year is the date's
    ],
)
def test_an_amount_after_a_month_is_money_unless_it_can_be_a_day(text: str, amount: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_expense"
    assert got["slots"]["amount"] == amount


@pytest.mark.parametrize(("text", "amount"), [("sold mandazi 2,5k", "2500"), ("paid fuliza 1,8k", "1800")])
def test_a_decimal_comma_before_k_is_a_decimal(text: str, amount: str) -> None:
    assert _read(text)["slots"]["amount"] == amount


def test_fillers_are_no_part_of_names_or_questions() -> None:
    added = _read("Add a new client, umm, Jeremiah Wafula, 0711 408 226")
    assert added["slots"]["name"] == "Jeremiah Wafula"
    assert _read("How do I, um, use this thing?")["intent"] == "help"


def test_customers_who_paid_with_a_day_between_made_money_in() -> None:
    got = _read("Slow Monday, eh, customers today paid like 7,300 altogether")
    assert (got["intent"], got["slots"]["amount"]) == ("record_income", "7300")


def test_goods_from_a_wholesaler_were_bought() -> None:
    got = _read("Hair extensions from the wholesaler in Kawangware, 8,400")
    assert got["intent"] == "record_expense"


def test_money_from_a_customer_is_money_in_whatever_it_paid_for() -> None:
    got = _read("order ya 2,300 + delivery 200 = 2,500 from mteja wa instagram")
    assert (got["intent"], got["slots"]["amount"]) == ("record_income", "2500")


def test_the_amount_the_owner_says_to_put_is_the_one_meant() -> None:
    got = _read("Box braids for Njoki, 5,000, she paid 3,000 now so put 3,000")
    assert got["slots"]["amount"] == "3000"
    quoted = _read("I quoted 7,000 for the fridge repair and he paid a deposit of 2,500")
    assert (quoted["intent"], quoted["slots"]["amount"]) == ("record_income", "2500")


def test_a_customers_deposit_is_money_in_and_its_day_to_come_is_not_the_entrys() -> None:
    got = _read("Mteja ameweka deposit 2,000 ya kushona suit, atalipa balance akichukua")
    assert (got["intent"], got["slots"]["amount"]) == ("record_income", "2000")
    later = _read("Mteja ameweka deposit 1,500, atalipa balance Ijumaa")
    assert later["slots"]["date"] == T.isoformat()
    mine = _read("I left a deposit of 5,000 with the supplier")
    assert mine["intent"] != "record_income"


def test_the_price_weighed_is_the_one_asked_and_record_this_is_no_wish() -> None:
    weighed = _read("I paid 4k for the old one, can I afford 12k for a new blender?")
    assert (weighed["intent"], weighed["slots"]["amount"]) == ("can_afford", "12000")
    told = _read("I think I should record this one: today I paid back 6,000 of the chama loan.")
    assert (told["intent"], told["slots"]["amount"]) == ("record_expense", "6000")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Eh, I want everything you have on me deleted", "my_data"),
        ("Failed. You have entered the wrong PIN. Please try again.", "mpesa_info"),
        ("Nataka kuongeza cashier wangu Wambui, namba yake 0733 222 111", "invite_member"),
        ("paid 1,2m for the plot in Kitengela", "record_expense"),  # a plot of land, no chart
    ],
)
def test_requests_read_for_what_they_ask(text: str, intent: str) -> None:
    assert _read(text)["intent"] == intent


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("School fees for Kevin 15k nimetoa kwa pesa ya duka", "other"),
        ("nimenunua bero ya sweaters 22k", "stock"),
        ("Restocked the fridge: KES 4,100 of juice and snacks from Quickmart", "stock"),
        ("Fundi Otieno mshahara ya mwezi 18,000", "salaries"),
        ("nimelipa pickers 6,000", "salaries"),
    ],
)
def test_what_the_money_was_for(text: str, category: str) -> None:
    got = _read(text)
    assert got["intent"] == "record_expense"
    assert got["slots"]["category"] == category


def test_a_water_company_is_a_utility() -> None:
    sms = (
        "TK9AB2CD3G Confirmed. Ksh780.00 sent to NAWASSCO for account 2204 on 6/6/26 at 9:02 AM New M-PESA "
        "balance is Ksh3,200.00. Transaction cost, Ksh0.00."
    )
    assert _read(sms)["slots"]["category"] == "utilities"


def test_invoice_questions() -> None:
    due = _read("inv mama ken 4k due fri")
    assert due["slots"]["due_date"] == "2026-06-19"
    both = _read("show all invoices, paid and unpaid")
    assert both["slots"]["status"] == "all"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("niko na doo ngapi", "query_summary"), ("jana niliingiza pesa ngapi", "query_summary")],
)
def test_sheng_questions_about_money(text: str, intent: str) -> None:
    got = _read(text)
    assert got["intent"] == intent
    assert got["slots"]["metric"] in {"balance", "income"}


def test_a_refund_given_is_money_out_and_a_refund_received_is_money_in() -> None:
    given = _read("refunded Wambui 900 for the shoes that didn't fit")
    assert (given["intent"], given["slots"]["amount"], given["slots"]["counterparty"]) == (
        "record_expense",
        "900",
        "Wambui",
    )
    assert _read("KCB refunded me 250")["intent"] == "record_income"
    assert _read("I was refunded 400 by Carrefour")["intent"] == "record_income"


def test_money_got_for_a_cap_is_a_sale_not_a_budget() -> None:
    got = _read("got 800 from Brian for a cap")
    assert (got["intent"], got["slots"]["amount"]) == ("record_income", "800")
    assert _read("set a cap of 15k for fuel")["intent"] == "set_budget"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("paid my farm hand Mutua his wages of 5,500", "Mutua"),
        ("paid my shop girl Nekesa her 6k salary", "Nekesa"),
        ("sold 3 trays to my neighbour Chebet for 1,200", "Chebet"),
    ],
)
def test_who_someone_is_to_the_owner_is_no_part_of_their_name(text: str, name: str) -> None:
    assert _read(text)["slots"]["counterparty"] == name


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("whats my bal", "query_summary"),
        ("Toa ile nimeandika sasa hivi, si sawa", "undo"),
        ("Kindly explain to me how I can use this app", "help"),
        ("Wakya! Habari ya asubuhi", "greeting"),
    ],
)
def test_more_ways_of_asking(text: str, intent: str) -> None:
    assert _read(text)["intent"] == intent


def test_a_shop_named_with_its_capital_keeps_the_word() -> None:
    assert _read("Switch to my other business, Kaloleni Shop")["slots"]["name"] == "Kaloleni Shop"
    assert _read("switch to the Kasarani account")["slots"]["name"] == "Kasarani"


@pytest.mark.parametrize(
    ("text", "category"),
    [("paid rider 300 to drop an order", "transport"), ("pd 2,900 toner for the printer", "supplies")],
)
def test_trade_words_for_what_the_money_was_for(text: str, category: str) -> None:
    assert _read(text)["slots"]["category"] == category


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("paid 3 thousand 200 for the gas refill", "3200"),
    ],
)
def test_numbers_as_a_speech_recogniser_writes_them(text: str, amount: str) -> None:
    assert _read(text)["slots"]["amount"] == amount


@pytest.mark.parametrize(
    "text",
    ["paid 1,200 and 800 for lunch", "received 3,000 and sent 700 to Baraka", "paid rent 10,000 and 500 for water"],
)
def test_two_amounts_that_may_be_two_entries_are_asked_about(text: str) -> None:
    got = _read(text)
    assert "amount" not in got["slots"]
