"""USSD through Africa's Talking, as transcripts: each step posts the session's text so far to the real
app and reads the screen back. People are made the way they really are, by SMS (tests/chat.py)."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx
import pytest
from babel.dates import format_date
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from bot.records.models import InboundEvent
from bot.settings import ChannelSettings
from conversations.core import Conversation
from finance.clock import today_in
from finance.models import ChannelIdentity, Person, Transaction
from tests.chat import ChatTester
from tests.servers import serving
from webhooks.app import create_app
from webhooks.settings import WebSettings

FIXTURE = Path(__file__).parents[1] / "fixtures" / "africastalking" / "ussd_session.txt"
ROUTE = "/africastalking/ussd?token=cb-secret"
OWNER = "+254712345678"  # the fixture's phone
VIEWER = "+254722000111"
LIMIT = 182
MENU_EN = (
    "1 Record sale\n2 Record expense\n3 Today\n4 This month\n5 Balance\n6 Unpaid invoices\n"
    "7 Last 5 entries\n8 Undo last entry\n9 Language/Lugha"
)
NAV = "0 Back 00 Home"


class Call:
    """One USSD session: `press` types one input and returns the screen, as the phone would show it."""

    def __init__(self, client: TestClient, phone: str, session_id: str) -> None:
        self.client, self.phone, self.session_id = client, phone, session_id
        self.typed: list[str] = []
        self.screens: list[str] = []

    @property
    def text(self) -> str:
        return "*".join(self.typed)

    def post(self, text: str) -> str:
        form = {
            "sessionId": self.session_id,
            "serviceCode": "*384*1234#",
            "phoneNumber": self.phone,
            "networkCode": "63902",
            "text": text,
        }
        response = self.client.post(ROUTE, data=form)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/plain")
        screen = response.text
        assert screen.startswith(("CON ", "END ")), screen
        assert len(screen) <= LIMIT, f"{len(screen)} characters for {text!r}:\n{screen}"
        self.screens.append(screen)
        return screen

    def open(self) -> str:
        return self.post("")

    def press(self, typed: str) -> str:
        self.typed.append(typed)
        return self.post(self.text)


class Phones:
    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.sessions = 0

    def dial(self, phone: str = OWNER) -> Call:
        self.sessions += 1
        call = Call(self.client, phone, f"ATUid_test{self.sessions:04d}")
        call.open()
        return call


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    settings = ChannelSettings(africastalking_callback_token="cb-secret")
    app = create_app(engine, WebSettings(), settings, Conversation(engine, today=today))
    with TestClient(app) as client:
        yield client


@pytest.fixture
def phones(client: TestClient) -> Phones:
    return Phones(client)


def owner_by_sms(engine: Engine, business: str = "Mama Njeri Groceries") -> ChatTester:
    owner = ChatTester(engine, today=today(), sender=OWNER, channel="sms-at", name=None, phone=OWNER)
    owner.onboard(business)
    return owner


def viewer_by_sms(engine: Engine, owner: ChatTester) -> None:
    assert "Invite for" in owner.say("add 0722 000 111 as viewer")
    viewer = ChatTester(engine, today=today(), sender=VIEWER, channel="sms-at", name=None, phone=VIEWER)
    assert "as viewer" in viewer.say("join")


def today() -> date:
    return today_in("Africa/Nairobi")


def short(day: date, locale: str = "en_KE") -> str:
    return format_date(day, "d MMM", locale=locale)


def entries(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).order_by(col(Transaction.id))))


def count(engine: Engine, table: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_a_sale_end_to_end_then_today(engine: Engine, phones: Phones) -> None:
    owner_by_sms(engine)
    call = phones.dial()
    assert call.screens[0] == f"CON KAVI Mama Njeri Groceries\n{MENU_EN}"
    assert call.press("1") == f"CON Amount of the sale?\ne.g. 1500 or 1.5k\n{NAV}"
    assert call.press("1.5k") == f"CON Record sale Ksh 1,500?\n1 Yes 2 No\n{NAV}"
    assert call.press("1") == "END Recorded sale Ksh 1,500, today.\nTo undo it, dial again and choose 8."
    [sale] = entries(engine)
    assert (sale.kind, sale.category, sale.amount_cents, sale.occurred_on) == ("income", "sales", 150_000, today())
    with Session(engine) as session:
        event = session.exec(select(InboundEvent).where(InboundEvent.id == sale.source_event_id)).one()
    assert (event.channel, event.external_id, event.status) == ("ussd", "ATUid_test0001:1*1.5k*1", "done")

    call = phones.dial()
    assert call.press("3") == f"CON Today ({short(today())}):\nIn Ksh 1,500\nOut Ksh 0\nProfit Ksh 1,500\n{NAV}"
    assert call.press("0").startswith("CON KAVI Mama Njeri Groceries\n1 Record sale")
    assert call.press("5") == f"CON Balance today: Ksh 1,500\n{NAV}"
    assert call.press("00").startswith("CON KAVI")
    assert call.press("7") == f"CON Last entries:\n{short(today())} +Ksh 1,500 sales\n{NAV}"


def test_an_expense_with_its_category_and_back_to_change_the_amount(engine: Engine, phones: Phones) -> None:
    owner_by_sms(engine)
    call = phones.dial()
    assert call.press("2") == f"CON Amount spent?\ne.g. 1500 or 1.5k\n{NAV}"
    assert call.press("5,000").startswith("CON Ksh 5,000 spent on:\n1 Stock\n2 Rent\n3 Transport\n")
    assert call.press("0") == f"CON Amount spent?\ne.g. 1500 or 1.5k\n{NAV}"  # back: another amount
    assert call.press("500") == (
        "CON Ksh 500 spent on:\n1 Stock\n2 Rent\n3 Transport\n4 Utilities\n5 Salaries\n"
        f"6 Airtime & data\n7 Supplies\n8 Meals\n9 Other\n{NAV}"
    )
    assert call.press("3") == f"CON Record expense Ksh 500 transport?\n1 Yes 2 No\n{NAV}"
    assert call.press("1") == "END Recorded expense Ksh 500 transport, today.\nTo undo it, dial again and choose 8."
    assert [(e.kind, e.category, e.amount_cents) for e in entries(engine)] == [("expense", "transport", 50_000)]
    # The same books as the chat: SMS sees the USSD entry.
    owner = ChatTester(engine, today=today(), sender=OWNER, channel="sms-at", name=None, phone=OWNER)
    assert "Ksh 500" in owner.say("how much did I spend today?")


def test_no_records_nothing(engine: Engine, phones: Phones) -> None:
    owner_by_sms(engine)
    call = phones.dial()
    call.press("2")
    call.press("700")
    call.press("1")
    assert call.press("2") == "END OK, nothing was recorded."
    assert entries(engine) == []


def test_bad_amounts_are_asked_again(engine: Engine, phones: Phones) -> None:
    owner_by_sms(engine)
    call = phones.dial()
    call.press("1")
    asked = f"Amount of the sale?\ne.g. 1500 or 1.5k\n{NAV}"
    assert call.press("abc") == f"CON Sorry, that is not an amount.\n{asked}"
    assert call.press("1e5") == f"CON Sorry, that is not an amount.\n{asked}"
    assert call.press("1.5.5") == f"CON Sorry, that is not an amount.\n{asked}"
    assert call.press("40 usd") == f"CON Sorry, that is not an amount.\n{asked}"  # the books are in Ksh
    assert call.press("") == f"CON Sorry, that is not an amount.\n{asked}"
    assert call.press("000") == f"CON The amount must be more than 0.\n{asked}"
    assert call.press("200000000") == f"CON That is too big (most: Ksh 100,000,000).\n{asked}"
    # ("12.345" is twelve thousand: shillings never run to three decimals, a dot there separates thousands)
    assert call.press("12.3456") == f"CON Use at most 2 decimals.\n{asked}"
    assert call.press("1,500") == f"CON Record sale Ksh 1,500?\n1 Yes 2 No\n{NAV}"
    assert call.press("7") == f"CON Please choose 1 or 2.\nRecord sale Ksh 1,500?\n1 Yes 2 No\n{NAV}"
    assert call.press("1").startswith("END Recorded sale Ksh 1,500")
    assert [e.amount_cents for e in entries(engine)] == [150_000]
    home = phones.dial()
    assert home.press("x") == f"CON Choose 1-9.\nKAVI Mama Njeri Groceries\n{MENU_EN}"
    home.press("2")
    home.press("300")
    assert home.press("10").startswith("CON Choose 1-9.\nKsh 300 spent on:\n1 Stock")


def test_the_same_step_posted_twice_records_once_and_answers_the_same(engine: Engine, phones: Phones) -> None:
    owner_by_sms(engine)
    call = phones.dial()
    call.press("2")
    call.press("2k")
    call.press("2")
    done = call.press("1")
    assert done.startswith("END Recorded expense Ksh 2,000 rent")
    events = count(engine, InboundEvent)
    for _ in range(2):  # Africa's Talking resending the step
        assert call.post(call.text) == done
    assert len(entries(engine)) == 1 and count(engine, InboundEvent) == events
    # Steps before it, resent, show their screen again and record nothing.
    assert call.post("2*2k*2") == f"CON Record expense Ksh 2,000 rent?\n1 Yes 2 No\n{NAV}"
    # Another session typing the same is another entry.
    again = phones.dial()
    for typed in ("2", "2k", "2", "1"):
        again.press(typed)
    assert len(entries(engine)) == 2


def test_resends_racing_each_other_record_once(engine: Engine) -> None:
    """The recording step sent eight times at once, to KAVI on a real socket: one entry, one answer."""
    owner_by_sms(engine)
    form = {"sessionId": "ATUid_race", "phoneNumber": OWNER, "serviceCode": "*384#", "text": "1*750*1"}
    settings = ChannelSettings(africastalking_callback_token="cb-secret")
    with serving(create_app(engine, WebSettings(), settings)) as url:

        def post(_: int) -> str:
            return httpx.post(url + ROUTE, data=form, timeout=30).text

        with ThreadPoolExecutor(8) as pool:
            screens = set(pool.map(post, range(8)))
    assert screens == {"END Recorded sale Ksh 750, today.\nTo undo it, dial again and choose 8."}
    assert [e.amount_cents for e in entries(engine)] == [75_000]


def test_input_after_the_last_screen_changes_nothing(engine: Engine, phones: Phones) -> None:
    owner_by_sms(engine)
    call = phones.dial()
    for typed in ("1", "900", "1"):
        call.press(typed)
    assert call.press("1") == "END This session is over. Please dial again."
    assert len(entries(engine)) == 1


def test_a_viewer_sees_totals_but_may_not_record_or_undo(engine: Engine, phones: Phones) -> None:
    owner = owner_by_sms(engine)
    assert "Recorded income" in owner.say("sold 4,500 today")
    viewer_by_sms(engine, owner)
    refused = "END Your role (viewer) can't do that. Ask an admin of Mama Njeri Groceries."
    for item in ("1", "2", "8"):
        call = phones.dial(VIEWER)
        assert call.screens[0].startswith("CON KAVI Mama Njeri Groceries\n1 Record sale")
        assert call.press(item) == refused
    # Typed on regardless (no real network sends more after END): still nothing recorded.
    assert phones.dial(VIEWER).post("1*500*1") == "END This session is over. Please dial again."
    call = phones.dial(VIEWER)
    assert call.press("4").startswith("CON This month (")
    assert "In Ksh 4,500" in call.screens[-1]
    assert len(entries(engine)) == 1


def test_undo_the_last_entry(engine: Engine, phones: Phones) -> None:
    owner = owner_by_sms(engine)
    assert "Recorded expense: Ksh 15,000 for rent" in owner.say("paid rent 15k")  # by SMS
    call = phones.dial()
    for typed in ("2", "650", "8"):
        call.press(typed)
    call.press("1")
    call = phones.dial()
    assert call.press("8") == f"CON Remove expense Ksh 650 meals, today?\n1 Yes 2 No\n{NAV}"
    assert call.press("1") == "END Removed expense Ksh 650 meals."
    assert call.post(call.text) == "END Removed expense Ksh 650 meals."  # resent: the rent stays
    rent, meals = entries(engine)
    assert rent.deleted_at is None and meals.deleted_at is not None
    call = phones.dial()
    assert call.press("8") == f"CON Remove expense Ksh 15,000 rent, today?\n1 Yes 2 No\n{NAV}"
    assert call.press("2") == "END OK, nothing was removed."
    assert entries(engine)[0].deleted_at is None
    call = phones.dial()
    call.press("8")
    call.press("1")
    assert phones.dial().press("8") == "END You have no entry to undo."


def test_swahili(engine: Engine, phones: Phones) -> None:
    owner_by_sms(engine)
    call = phones.dial()
    assert call.press("9") == f"CON 1 English\n2 Kiswahili\n{NAV}"
    assert call.press("2") == (
        "CON Lugha: Kiswahili.\nKAVI Mama Njeri Groceries\n1 Rekodi mauzo\n2 Rekodi matumizi\n3 Leo\n"
        "4 Mwezi huu\n5 Salio\n6 Ankara zisizolipwa\n7 Rekodi 5 za mwisho\n8 Futa ya mwisho\n9 Lugha/Language"
    )
    with Session(engine) as session:
        person = session.exec(select(Person).where(Person.phone == OWNER)).one()
        assert (person.language, person.language_fixed) == ("sw", True)
    call = phones.dial()
    assert call.screens[0].startswith("CON KAVI Mama Njeri Groceries\n1 Rekodi mauzo")
    assert call.press("2") == "CON Kiasi ulichotumia?\nmfano 1500 au 1.5k\n0 Rudi 00 Mwanzo"
    assert call.press("sijui").startswith("CON Samahani, hicho si kiasi.\nKiasi ulichotumia?")
    assert call.press("300").startswith("CON Ksh 300 kwa ajili ya:\n1 Bidhaa\n2 Kodi\n3 Usafiri\n")
    assert call.press("8") == "CON Rekodi matumizi Ksh 300 chakula?\n1 Ndiyo 2 Hapana\n0 Rudi 00 Mwanzo"
    assert call.press("1") == "END Matumizi Ksh 300 chakula yamerekodiwa, leo.\nKuifuta, piga tena uchague 8."
    call = phones.dial()
    assert call.press("3") == (
        f"CON Leo ({short(today(), 'sw_KE')}):\nMapato Ksh 0\nMatumizi Ksh 300\nHasara Ksh 300\n0 Rudi 00 Mwanzo"
    )
    # The chat follows: the person chose Swahili.
    owner = ChatTester(engine, today=today(), sender=OWNER, channel="sms-at", name=None, phone=OWNER)
    assert owner.say("salio").startswith("Salio")


def test_every_screen_fits_182_characters(engine: Engine, phones: Phones) -> None:
    """The longest of everything: a long business name, the biggest amounts, long customer names, four
    unpaid invoices, five entries; every screen, in both languages (Call.post checks each length)."""
    owner = owner_by_sms(engine, "Mama Njeri Groceries and General Hardware Supplies Ltd")
    for name in ("Bartholomew Kiprotich Wanyama", "Jane Achieng", "Otieno Ochieng", "Wanjiru Kamau"):
        assert "Added customer" in owner.say(f"add customer {name}")
        assert "INV-" in owner.say(f"invoice {name.split()[0]} 99,999,999")
    for line in ("paid utilities 99,999,999.99", "sold 99,999,999.99", "paid airtime 99,999,999.99"):
        assert "Recorded" in owner.say(line), line
    paths = ["", *map(str, range(1, 10)), "0", "00", "x", "1*x", "1*000", "1*200000000", "1*1.234", "1*5", "1*5*x"]
    paths += ["2*99999999.99", "2*99999999.99*x", "2*99999999.99*4", "2*99999999.99*4*x", "8", "8*x", "9", "9*x"]
    paths += [f"{item}*x" for item in "34567"]
    finals = ["1*5*2", "2*99999999.99*4*1", "2*99999999.99*4*1*1", "8*2", "8*1", "1*5*1"]
    for lang_path in ("", "9*2*"):
        for path in paths:
            phones.dial().post(lang_path + path)
        for path in finals:
            phones.dial().post(lang_path + path)
    # Where room is short, a choice never gives way: the title does, or a line of figures.
    assert phones.dial().post("9*2*2*99999999.99*x").endswith("\n9 Mengineyo\n0 Rudi 00 Mwanzo")
    assert phones.dial().post("9*2*x").endswith("\n9 Lugha/Language")
    viewer_by_sms(engine, owner)
    for item in ("1", "8"):
        assert phones.dial(VIEWER).press(item).startswith("END ")
    assert len(phones.dial("+254700000001").screens[0]) <= LIMIT


def test_a_phone_kavi_has_never_seen_is_sent_to_sms_first_and_nothing_is_made(engine: Engine, phones: Phones) -> None:
    stranger = phones.dial("+254700000001")
    assert stranger.screens[0] == (
        'END Welcome to KAVI! First send "hi" by SMS or WhatsApp to set up your books, then dial again.\n'
        'Karibu! Tuma "hi" kwa SMS au WhatsApp kwanza.'
    )
    assert stranger.post("1*500*1").startswith("END Welcome to KAVI!")
    for table in (Person, ChannelIdentity, InboundEvent, Transaction):
        assert count(engine, table) == 0, table


def test_the_fixture_session_over_real_http(engine: Engine) -> None:
    """Africa's Talking's own request format, line by line, to KAVI served on a real socket."""
    owner_by_sms(engine)
    bodies = [line for line in FIXTURE.read_text().splitlines() if line and not line.startswith("#")]
    settings = ChannelSettings(africastalking_callback_token="cb-secret")
    with serving(create_app(engine, WebSettings(), settings)) as url, httpx.Client(base_url=url) as http:
        screens = []
        for body in bodies:
            response = http.post(ROUTE, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
            screens.append(response.text)
    assert [len(s) <= LIMIT for s in screens] == [True] * len(bodies)
    assert screens[0].startswith("CON KAVI Mama Njeri Groceries")
    assert screens[1:] == [
        f"CON Amount spent?\ne.g. 1500 or 1.5k\n{NAV}",
        f"CON Sorry, that is not an amount.\nAmount spent?\ne.g. 1500 or 1.5k\n{NAV}",
        screens[3],
        f"CON Record expense Ksh 1,500 transport?\n1 Yes 2 No\n{NAV}",
        "END Recorded expense Ksh 1,500 transport, today.\nTo undo it, dial again and choose 8.",
    ]
    assert screens[3].startswith("CON Ksh 1,500 spent on:\n1 Stock")
    [entry] = entries(engine)
    assert (entry.kind, entry.category, entry.amount_cents) == ("expense", "transport", 150_000)


@pytest.mark.parametrize("query", ["", "?token=wrong"])
def test_without_the_callback_token_nothing_happens(engine: Engine, client: TestClient, query: str) -> None:
    owner_by_sms(engine)
    events = count(engine, InboundEvent)
    form = {"sessionId": "ATUid_1", "phoneNumber": OWNER, "serviceCode": "*384#", "text": "1*500*1"}
    assert client.post(f"/africastalking/ussd{query}", data=form).status_code == 403
    assert count(engine, InboundEvent) == events and entries(engine) == []


def test_without_a_callback_token_set_the_route_refuses(engine: Engine) -> None:
    with TestClient(create_app(engine, WebSettings(), ChannelSettings())) as client:
        form = {"sessionId": "ATUid_1", "phoneNumber": OWNER, "serviceCode": "*384#", "text": ""}
        response = client.post("/africastalking/ussd?token=anything", data=form)
    assert response.status_code == 503 and "AFRICASTALKING_CALLBACK_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize(
    "form",
    [
        {"phoneNumber": OWNER, "text": ""},
        {"sessionId": "ATUid_1", "text": ""},
        {"sessionId": "ATUid_1", "phoneNumber": "not a phone", "text": ""},
        {"sessionId": "x" * 65, "phoneNumber": OWNER, "text": ""},
    ],
)
def test_a_malformed_callback_is_refused_and_stores_nothing(engine: Engine, client: TestClient, form: dict) -> None:
    response = client.post(ROUTE, data=form)
    assert response.status_code == 422 and response.json()["problems"]
    assert count(engine, InboundEvent) == 0


def test_a_body_over_the_cap_is_refused_unread(engine: Engine, client: TestClient) -> None:
    body = f"sessionId=ATUid_1&phoneNumber=%2B254712345678&text={'1' * 20_000}"
    response = client.post(ROUTE, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and count(engine, InboundEvent) == 0
