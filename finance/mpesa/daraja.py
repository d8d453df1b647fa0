"""A client for Safaricom's Daraja API: OAuth (token cached until it expires), STK push and
query, C2B URL registration. Sandbox or production by settings."""

import base64
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from finance.mpesa.settings import DarajaSettings

EAT = ZoneInfo("Africa/Nairobi")
TOKEN_MARGIN_S = 60  # renew a minute early so a request never carries a token that expires on the way


class DarajaError(Exception):
    """Daraja refused or could not be reached; `code` is its errorCode or ResponseCode when given."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class StkAck:
    merchant_request_id: str
    checkout_request_id: str
    customer_message: str


@dataclass(frozen=True)
class StkStatus:
    result_code: int | None  # None while Daraja has no answer yet
    description: str


def timestamp(now: datetime | None = None) -> str:
    """YYYYMMDDHHMMSS in East Africa Time, as Daraja expects."""
    return (now or datetime.now(EAT)).astimezone(EAT).strftime("%Y%m%d%H%M%S")


def password(shortcode: str, passkey: str, stamp: str) -> str:
    return base64.b64encode(f"{shortcode}{passkey}{stamp}".encode()).decode()


def msisdn(e164: str) -> str:
    """ "+254712345678" -> "254712345678" (Daraja's PartyA / PhoneNumber)."""
    return e164.lstrip("+")


class Daraja:
    def __init__(self, settings: DarajaSettings, client: httpx.Client | None = None) -> None:
        if not settings.enabled:
            raise ValueError(
                "Daraja needs DARAJA_CONSUMER_KEY, DARAJA_CONSUMER_SECRET, DARAJA_SHORTCODE, DARAJA_PASSKEY"
            )
        self.settings = settings
        self.http = client or httpx.Client(base_url=settings.base_url, timeout=settings.daraja_timeout_s)
        self._token: str | None = None
        self._expires = 0.0
        self._lock = threading.Lock()

    def token(self) -> str:
        with self._lock:
            if self._token and time.monotonic() < self._expires:
                return self._token
            s = self.settings
            response = self._call(
                "GET",
                "/oauth/v1/generate",
                params={"grant_type": "client_credentials"},
                auth=(s.daraja_consumer_key or "", s.daraja_consumer_secret or ""),
            )
            token = response.get("access_token")
            if not token:
                raise DarajaError("no access_token in the OAuth response")
            self._token = str(token)
            # expires_in comes as a string ("3599").
            lifetime = int(str(response.get("expires_in") or "3599"))
            self._expires = time.monotonic() + max(lifetime - TOKEN_MARGIN_S, 0)
            return self._token

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        try:
            response = self.http.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise DarajaError(f"M-Pesa could not be reached: {exc.__class__.__name__}") from exc
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 400 or not isinstance(body, dict):
            body = body if isinstance(body, dict) else {}
            raise DarajaError(
                str(body.get("errorMessage") or f"HTTP {response.status_code}"), str(body.get("errorCode") or "")
            )
        return body

    def _authorised(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token()}"}
        try:
            return self._call("POST", path, json=body, headers=headers)
        except DarajaError as exc:
            if exc.code and exc.code.startswith("404.001"):  # token revoked early: fetch a new one once
                self._token = None
                headers = {"Authorization": f"Bearer {self.token()}"}
                return self._call("POST", path, json=body, headers=headers)
            raise

    def _secured(self) -> dict[str, str]:
        s = self.settings
        stamp = timestamp()
        return {
            "BusinessShortCode": s.daraja_shortcode or "",
            "Password": password(s.daraja_shortcode or "", s.daraja_passkey or "", stamp),
            "Timestamp": stamp,
        }

    def stk_push(
        self, *, phone: str, amount: Decimal, account_reference: str, description: str, callback_url: str
    ) -> StkAck:
        """Asks the customer's phone for their PIN. Amounts are whole shillings: cents round up."""
        s = self.settings
        whole = int(amount.to_integral_value(rounding=ROUND_CEILING))
        body = {
            **self._secured(),
            "TransactionType": s.daraja_transaction_type,
            "Amount": str(whole),
            "PartyA": msisdn(phone),
            "PartyB": s.daraja_till or s.daraja_shortcode or "",
            "PhoneNumber": msisdn(phone),
            "CallBackURL": callback_url,
            "AccountReference": account_reference[:12],
            "TransactionDesc": description[:13] or "Payment",
        }
        answer = self._authorised("/mpesa/stkpush/v1/processrequest", body)
        if str(answer.get("ResponseCode")) != "0":
            raise DarajaError(str(answer.get("ResponseDescription") or "refused"), str(answer.get("ResponseCode")))
        return StkAck(
            merchant_request_id=str(answer.get("MerchantRequestID") or ""),
            checkout_request_id=str(answer["CheckoutRequestID"]),
            customer_message=str(answer.get("CustomerMessage") or ""),
        )

    def stk_query(self, checkout_request_id: str) -> StkStatus:
        """What became of a push whose callback never came (Daraja does not repeat callbacks)."""
        body = {**self._secured(), "CheckoutRequestID": checkout_request_id}
        try:
            answer = self._authorised("/mpesa/stkpushquery/v1/query", body)
        except DarajaError as exc:
            if exc.code == "500.001.1001":  # "The transaction is being processed"
                return StkStatus(None, str(exc))
            raise
        code = answer.get("ResultCode")  # a string here, an int in callbacks
        return StkStatus(int(code) if code not in (None, "") else None, str(answer.get("ResultDesc") or ""))

    def register_c2b_urls(self, *, confirmation_url: str, validation_url: str, version: str = "v1") -> dict[str, Any]:
        body = {
            "ShortCode": self.settings.daraja_shortcode,
            "ResponseType": "Completed",  # if our validation URL is down, M-Pesa completes the payment
            "ConfirmationURL": confirmation_url,
            "ValidationURL": validation_url,
        }
        return self._authorised(f"/mpesa/c2b/{version}/registerurl", body)
