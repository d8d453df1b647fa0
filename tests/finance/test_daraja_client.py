"""The Daraja client against a stand-in that checks what the real API checks."""

import json
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from finance.mpesa.daraja import Daraja, DarajaError, password, timestamp
from finance.mpesa.settings import DarajaSettings
from tests.conftest import SHARED
from tests.servers import serving
from tests.standins.daraja import DarajaStandIn

DARAJA = SHARED / "fixtures" / "mpesa_daraja"
SANDBOX = json.loads((DARAJA / "sandbox_public_credentials.json").read_text())


def settings_for(url: str, **kw: object) -> DarajaSettings:
    return DarajaSettings(
        daraja_consumer_key="ck",
        daraja_consumer_secret="cs",
        daraja_shortcode=SANDBOX["BusinessShortCode"],
        daraja_passkey=SANDBOX["LipaNaMpesaOnline_Passkey"],
        daraja_base_url=url,
        kavi_public_url="https://kavi.example",
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def daraja() -> Iterator[tuple[DarajaStandIn, Daraja]]:
    standin = DarajaStandIn("ck", "cs", SANDBOX["BusinessShortCode"], SANDBOX["LipaNaMpesaOnline_Passkey"])
    with serving(standin.app) as url:
        yield standin, Daraja(settings_for(url))


def test_password_matches_the_official_sample() -> None:
    check = SANDBOX["sample_password_check"]
    made = password(SANDBOX["BusinessShortCode"], SANDBOX["LipaNaMpesaOnline_Passkey"], check["timestamp"])
    assert made == check["password"]


def test_timestamp_is_east_africa_time() -> None:
    utc_midnight = datetime(2026, 11, 21, 22, 30, 5, tzinfo=ZoneInfo("UTC"))
    assert timestamp(utc_midnight) == "20261122013005"


def test_stk_push_with_a_cached_token(daraja: tuple[DarajaStandIn, Daraja]) -> None:
    standin, client = daraja
    for _ in range(3):
        ack = client.stk_push(
            phone="+254798123456",
            amount=Decimal("2499.50"),
            account_reference="INV-0012-LONGER-THAN-12",
            description="Pay INV-0012",
            callback_url="https://kavi.example/mpesa/stk/callback/tok",
        )
        assert ack.checkout_request_id.startswith("ws_CO_")
    assert standin.tokens_issued == 1  # one OAuth call, reused until it expires
    push = standin.pushes[0]
    assert push["PartyA"] == push["PhoneNumber"] == "254798123456"
    assert push["Amount"] == "2500"  # whole shillings; cents round up so the invoice is covered
    assert push["AccountReference"] == "INV-0012-LON"  # Daraja shows at most 12 characters
    assert push["TransactionType"] == "CustomerPayBillOnline" and push["PartyB"] == SANDBOX["BusinessShortCode"]


def test_an_expired_token_is_renewed(daraja: tuple[DarajaStandIn, Daraja]) -> None:
    standin, client = daraja
    client.token()
    client._expires = 0.0  # as if 55 minutes had passed
    client.token()
    assert standin.tokens_issued == 2


def test_errors_come_back_as_daraja_errors(daraja: tuple[DarajaStandIn, Daraja]) -> None:
    standin, client = daraja
    standin.fail_next = {"requestId": "1", "errorCode": "500.001.1001", "errorMessage": "Wrong credentials"}
    with pytest.raises(DarajaError) as caught:
        client.stk_push(
            phone="+254798123456",
            amount=Decimal(10),
            account_reference="A",
            description="d",
            callback_url="https://kavi.example/x",
        )
    assert caught.value.code == "500.001.1001" and "Wrong credentials" in str(caught.value)
    wrong = Daraja(settings_for(str(client.http.base_url)).model_copy(update={"daraja_consumer_secret": "bad"}))
    with pytest.raises(DarajaError):
        wrong.token()
    unreachable = Daraja(settings_for("http://127.0.0.1:9", daraja_timeout_s=1))
    with pytest.raises(DarajaError, match="could not be reached"):
        unreachable.token()


def test_stk_query_reads_the_string_result_code(daraja: tuple[DarajaStandIn, Daraja]) -> None:
    standin, client = daraja
    standin.query_results["ws_CO_1"] = "0"
    assert client.stk_query("ws_CO_1").result_code == 0
    assert client.stk_query("ws_CO_2").result_code == 1032


def test_c2b_url_registration(daraja: tuple[DarajaStandIn, Daraja]) -> None:
    standin, client = daraja
    answer = client.register_c2b_urls(
        confirmation_url="https://kavi.example/mpesa/c2b/confirmation/tok",
        validation_url="https://kavi.example/mpesa/c2b/validation/tok",
    )
    assert answer["ResponseCode"] == "0"
    assert standin.registrations == [
        {
            "ShortCode": SANDBOX["BusinessShortCode"],
            "ResponseType": "Completed",
            "ConfirmationURL": "https://kavi.example/mpesa/c2b/confirmation/tok",
            "ValidationURL": "https://kavi.example/mpesa/c2b/validation/tok",
        }
    ]
