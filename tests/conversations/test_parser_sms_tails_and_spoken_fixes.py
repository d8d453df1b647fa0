"""Readings from blind sets W, X and Y, each of which was wrong or missing before its fix: M-PESA codes
without a digit, masked phones, Safaricom notices that move nothing, the owner's note beside a
confirmation, spoken self-corrections and business names written in lower case."""

from datetime import date

import pytest

from tests.conversations.readings import assert_reads
from tests.conversations.readings import read as read_on

TODAY = date(2026, 12, 7)


def read(text: str) -> tuple[str, dict[str, object]]:
    return read_on(text, TODAY)


# Codes with no digit (about one in ten since 2024) used to leave the message to the free-text reader,
# which took a balance, or a number in the promotion, for the amount.
MSHWARI = (
    "UFMSAHTXHU Confirmed.Ksh7,000.00 transferred to M-Shwari account on 22/6/26 at 8:47 PM. M-PESA balance is "
    "Ksh3,208.00 .New M-Shwari saving account balance is Ksh21,460.55. Transaction cost Ksh.0.00"
)
SENT_WITH_PROMO = (
    "UCPHODZDOC Confirmed. Ksh4,000.00 sent to ABDI  HASSAN 0733561290 on 25/3/26 at 10:20 AM. New M-PESA balance "
    "is Ksh1,220.00. Transaction cost, Ksh57.00. Amount you can transact within the day is 496,000.00. Dial "
    "*544*18# & Enjoy 18 min talktime, 180MB & an M-PESA send money transaction all @20 bob."
)
FULIZA_NOTICE = (
    "UGLZVRDRFF Confirmed. Fuliza M-PESA amount is Ksh 350.00. Access Fee charged Ksh 3.50. Total Fuliza M-PESA "
    "outstanding amount is Ksh 353.50 due on 20/08/26. To check daily charges, Dial *334#OK Select Fuliza M-PESA"
)
MASKED = (
    "UALF3CBFPQ Confirmed.You have received Ksh3,400.00 from FAITH CHEPNGENO 0712***908 on 21/1/26 at 4:41 PM  "
    "New M-PESA balance is Ksh11,902.00. Separate personal and business funds through Pochi la Biashara on *334#."
)
SWAHILI_RECEIVED = (
    "VA4MT5RE4G Imethibitishwa.Umepokea Ksh2,400.00 kutoka kwa PETER KIPLAGAT 0723***610 mnamo 4/1/27 saa 3:12 PM "
    "Salio lako jipya la M-PESA ni Ksh5,600.00."
)
RECEIVED = (
    "UI839ZZZZG Confirmed.You have received Ksh4,500.00 from KEVIN  OMONDI 0729004512 on 8/9/26 at 3:05 PM  "
    "New M-PESA balance is Ksh9,120.00."
)
TO_COOP = (
    "UI9QECXE8R Confirmed. Ksh30,000.00 sent to CO-OPERATIVE BANK COLLECTION ACCOUNT for account 01109223344500 on "
    "9/9/26 at 5:44 PM New M-PESA balance is Ksh1,902.00. Transaction cost, Ksh108.00."
)
RENT = (
    "UJ5KHVDGAJ Confirmed. Ksh25,000.00 sent to KCB Paybill AC for account 1290387744 on 5/10/26 at 8:20 AM New "
    "M-PESA balance is Ksh6,780.00. Transaction cost, Ksh0.00."
)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        (MSHWARI, "record_transfer", {"amount": "7000", "reference": "UFMSAHTXHU", "to": "mshwari"}),
        (SENT_WITH_PROMO, "record_expense", {"amount": "4000", "fee": "57", "counterparty": "Abdi Hassan"}),
        (FULIZA_NOTICE, "mpesa_info", {"reference": "UGLZVRDRFF"}),
        (MASKED, "record_income", {"amount": "3400", "counterparty": "Faith Chepngeno"}),
        (SWAHILI_RECEIVED, "record_income", {"amount": "2400", "counterparty": "Peter Kiplagat", "date": "2027-01-04"}),
        # a reversal asked for, or refused, moves nothing
        (
            "Dear Customer, your request to reverse transaction UFJI19R0WY of Ksh2,000.00 has been received and is "
            "being processed. The recipient will be notified. Call 100 for assistance.",
            "mpesa_info",
            {},
        ),
        (
            "pesa nimetuma kwa namba mbaya aki hii ndio wameniambia\nTransaction UHLOJFLJOO of Ksh1,500.00 cannot "
            "be reversed because the recipient has already withdrawn the funds. Call 100 for more info.",
            "mpesa_info",
            {},
        ),
        # the owner's note: an invoice paid, their own bank account, what it was for on the same line
        (
            "hii ni ya invoice INV-0036 👇\n" + RECEIVED,
            "record_payment",
            {"customer": "Kevin Omondi", "amount": "4500", "invoice": "INV-0036", "reference": "UI839ZZZZG"},
        ),
        ("banking to my own coop acc frm mpesa, not expense\n" + TO_COOP, "record_transfer", {"to": "bank"}),
        ("rent ya shop 🙏 " + RENT, "record_expense", {"category": "rent", "account": "1290387744"}),
        # a spoken self-correction: the thing said after it replaces the same kind of thing before it
        (
            "withdrew 15k from the bank sorry from mpesa at the agent",
            "record_transfer",
            {"from": "mpesa", "to": "cash", "amount": "15000"},
        ),
        ("sales ya jana sorry I mean ya juzi ilikuwa 18500", "record_income", {"date": "2026-12-05"}),
        (
            "paid ninety five thousand to rotich for maize yesterday sorry I mean today",
            "record_expense",
            {"date": "2026-12-07", "amount": "95000"},
        ),
        ("add customer kipchumba 0733 410 285 sorry 0733 410 258", "add_customer", {"phone": "+254733410258"}),
        (
            "new supplier uh kiprop sorry kipruto transporters 0700 412 996",
            "add_supplier",
            {"name": "Kipruto Transporters"},
        ),
        # an apology is no correction: the purpose stays
        ("paid 5k for fuel, sorry for the late entry", "record_expense", {"category": "transport", "amount": "5000"}),
        # lower-case businesses named by the word they end with
        (
            "sold maize to sirikwa hotel I mean to poa place hotel for 110000",
            "record_income",
            {"counterparty": "Poa Place Hotel"},
        ),
        (
            "sold 30 bags of maize to moi girls school 105000 cash",
            "record_income",
            {"counterparty": "Moi Girls School"},
        ),
        ("Layers mash 6 bags x 3,250 from Unga Farm Care", "record_expense", {"counterparty": "Unga Farm Care"}),
        # vets and lorries are paid for work done
        ("got 4k frm Kibet for deworming his sheep yday", "record_income", {"category": "services"}),
        ("koech paid me 4000 for transporting his maize with our lorry", "record_income", {"category": "services"}),
        # who paid: a route's end is a place, a worker paid by staff is money out, money caught is money in
        (
            "lorry transport from kitale to eldoret paid kipchumba 18000 for the trip",
            "record_expense",
            {"amount": "18000", "counterparty": "Kipchumba"},
        ),
        ("Kiprop alilipa boda mia tatu kupeleka mbolea kwa customer Lanet", "record_expense", {"amount": "300"}),
        ("nmeshika 4,200 leo from mpesa till", "record_income", {"amount": "4200"}),
        ("nimeshika bero ya t-shirt juzi, nililipa 12.5k", "record_expense", {"amount": "12500"}),
        (
            "Business was slow today, chargers and earphones mostly, the total for the day came to 4,350",
            "record_income",
            {"amount": "4350"},
        ),
        ("sales today total fifty six thousand three hundred and fifty", "record_income", {"amount": "56350"}),
        # invoices paid: the amount after "invoice", a payment "from" someone, the institution not its bursar
        ("st josephs paid the full invoice 198000 on tuesday", "record_payment", {"amount": "198000"}),
        ("Mama Chebet pd her invoice 5k 2day", "record_payment", {"amount": "5000", "customer": "Mama Chebet"}),
        (
            "partial payment from kiptoo wholesalers eeh four hundred thousand against the big invoice",
            "record_payment",
            {"amount": "400000", "customer": "Kiptoo Wholesalers"},
        ),
        (
            "moi girls bursar sent 50000 for the maize invoice balance remaining is 35000",
            "record_payment",
            {"amount": "50000", "customer": "Moi Girls"},
        ),
        ("tuma stk kwa Langat 2k ya invoice INV-0052", "request_payment", {"invoice": "INV-0052", "amount": "2000"}),
        ("pop up ya mpesa kwa zawadi alipe 2,500", "request_payment", {"customer": "Zawadi", "amount": "2500"}),
        ("tuma reminder kwa Kibet INV-0031", "remind_customer", {"customer": "Kibet"}),
        # businesses, customers and who did what
        ("badilisha to eldoret grains traders", "switch_business", {"name": "Eldoret Grains Traders"}),
        ("open my other business chebet farm inputs", "switch_business", {"name": "Chebet Farm Inputs"}),
        ("Nitumie ripoti ya mwezi uliopita kwa PDF nipeleke kwa accountant wangu", "export_report", {"format": "pdf"}),
        ("ongeza brayo kwa customers", "add_customer", {"name": "Brayo"}),
        ("nani aliweka ile payment ya kiprono", "activity_log", {"counterparty": "Kiprono"}),
        # own moves and categories
        ("nimeweka 2k kwa ziidi", "record_transfer", {"from": "mpesa", "to": "bank"}),
        ("nimetoa 20k bank kuweka mpesa for paying suppliers", "record_transfer", {"from": "bank", "to": "mpesa"}),
        ("lunch ya casuals mia nane", "record_expense", {"category": "meals", "amount": "800"}),
        ("nimelipa loaders elfu tatu mia tano jana", "record_expense", {"category": "salaries"}),
        ("eeh nimenunua magunia mia mbili empty sacks for 9000 shillings", "record_expense", {"category": "supplies"}),
        ("paid 500 dollars to the uganda supplier kato for beans", "record_expense", {"counterparty": "Kato"}),
        # a cost paid in the passive, paid "by card", a number plate, own accounts named in full
        (
            "Salaries for the month of May have been paid today, total KES 186,400 for 7 staff",
            "record_expense",
            {"amount": "186400", "category": "salaries"},
        ),
        ("Monthly subscription for the accounting software, USD 45, paid by card", "record_expense", {"amount": "45"}),
        ("The fuel for the Likoni trip has been paid, the driver will send the receipt later", "record_expense", {}),
        ("Boss nimeweka diesel ya 8,000 kwa lori KCD 482M leo asubuhi", "record_expense", {"amount": "8000"}),
        ("paid kes 150k for stock", "record_expense", {"amount": "150000"}),
        (
            "Transferred 50,000 from the Co-op account to M-PESA for paying the drivers' allowances tomorrow.",
            "record_transfer",
            {"from": "bank", "to": "mpesa"},
        ),
        (
            "This one is our own transfer to the company Equity account, please record it as a transfer: "
            "UD8R4M1NVE Confirmed. Ksh40,000.00 sent to Equity Paybill Account for account 0170291746583 on "
            "18/4/26 at 10:20 AM New M-PESA balance is Ksh2,310.75. Transaction cost, Ksh108.00.",
            "record_transfer",
            {"to": "bank", "amount": "40000"},
        ),
        # brackets explain the amount said outside them; what is left to pay moved nothing
        (
            "Record an expense of KSh 3,450 for stationery (2 reams of A4 at 650 each, 1 box of pens at 900 and a "
            "stamp pad at 1,250) bought from Text Book Centre yesterday.",
            "record_expense",
            {"amount": "3450"},
        ),
        (
            "Partial payment of KES 40,000 received from Mwinyi Traders on 3rd April for INV-0039 (invoice total "
            "72,000).",
            "record_payment",
            {"amount": "40000", "invoice": "INV-0039"},
        ),
        (
            "Bamburi Cement has paid KES 150,000 against INV-0042 today by RTGS, the balance of 80,000 remains "
            "outstanding.",
            "record_payment",
            {"amount": "150000", "customer": "Bamburi Cement"},
        ),
        (
            "Salim Enterprises has made a second instalment of 10,000 on INV-0048, leaving 5,000.",
            "record_payment",
            {"amount": "10000"},
        ),
        (
            "Pwani Oil Products settled invoice no. INV-0057 of KES 87,000 yesterday.",
            "record_payment",
            {"customer": "Pwani Oil Products"},
        ),
        (
            "Paid KES 2,300 for the courier of the documents (B/L, commercial invoice and packing list) through G4S",
            "record_expense",
            {"amount": "2300"},
        ),
        (
            "Please bill Hamburg Spice GmbH EUR 3,400 for airfreight handling, due 15 January 2027.",
            "create_invoice",
            {"amount": "3400"},
        ),
        # periods: a range inside one month, "since" a day, a comparison drawn
        (
            "What were the total expenses between 1st and 15th March 2027?",
            "query_summary",
            {"start": "2027-03-01", "end": "2027-03-15"},
        ),
        (
            "How much have we paid to Kenya Ports Authority since 1st January 2026?",
            "query_summary",
            {"start": "2026-01-01", "end": "2026-12-07"},
        ),
        (
            "Please display income versus expenses for 1st January to 31st March 2026.",
            "show_chart",
            {"chart": "income_vs_expenses"},
        ),
        ("How much did Likoni Hardware pay us in September?", "query_summary", {"metric": "income"}),
        # customers, suppliers, data and companies, in formal English and Swahili
        ("Please save Rubis Energy as our fuel supplier.", "add_supplier", {"name": "Rubis Energy"}),
        ("Add Omar Bwana (0798 012 345) to our customer list", "add_customer", {"name": "Omar Bwana"}),
        ("wateja wanaodaiwa ni wepi?", "list_customers", {"status": "owing"}),
        ("Nataka kupakua data yangu yote", "my_data", {"action": "export"}),
        (
            "Please change to our second company, Bahari Clearing Agencies Ltd.",
            "switch_business",
            {"name": "Bahari Clearing Agencies Ltd"},
        ),
        ("Please set the weekly budget for staff lunches at 7,000.", "set_budget", {"category": "meals"}),
        ("Received KES 85,000 from Likoni Hardware Ltd as clearing charges", "record_income", {"category": "services"}),
    ],
)
def test_read_right(text: str, intent: str, slots: dict[str, object]) -> None:
    assert_reads(text, TODAY, intent, slots)


def test_money_added_to_a_list_is_no_new_customer() -> None:
    assert read("add 500 to customers sales")[0] != "add_customer"


def test_masked_phone_is_no_phone() -> None:
    _, slots = read(MASKED)
    assert "phone" not in slots


def test_an_unknown_safaricom_message_books_nothing() -> None:
    # A confirmation of a kind KAVI does not know: its balance and limits are no amounts to record.
    text = (
        "Confirmed. Your Mali investment of Ksh500.00 has matured. New M-PESA balance is Ksh9,920,000.00. "
        "Amount you can transact within the day is 496,000.00."
    )
    intent, slots = read(text)
    assert not (intent.startswith("record_") and "amount" in slots), (intent, slots)
