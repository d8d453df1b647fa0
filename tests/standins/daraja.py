"""A stand-in for Safaricom's Daraja API on 127.0.0.1, speaking the documented JSON
(shared/fixtures/mpesa_daraja): OAuth with HTTP Basic, STK push checking the Password formula and
the Bearer token, STK query (ResultCode as a string), C2B URL registration."""

import base64
import itertools
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


class DarajaStandIn:
    def __init__(self, consumer_key: str, consumer_secret: str, shortcode: str, passkey: str) -> None:
        self.basic = "Basic " + base64.b64encode(f"{consumer_key}:{consumer_secret}".encode()).decode()
        self.shortcode, self.passkey = shortcode, passkey
        self.tokens_issued = 0
        self.pushes: list[dict[str, Any]] = []
        self.registrations: list[dict[str, Any]] = []
        self.query_results: dict[str, str] = {}  # CheckoutRequestID -> ResultCode
        self.fail_next: dict[str, Any] | None = None  # the error body the next push answers with
        self._ids = itertools.count(1)
        self.app = FastAPI()
        self.app.get("/oauth/v1/generate")(self._oauth)
        self.app.post("/mpesa/stkpush/v1/processrequest")(self._push)
        self.app.post("/mpesa/stkpushquery/v1/query")(self._query)
        self.app.post("/mpesa/c2b/v1/registerurl")(self._register)

    def _token(self) -> str:
        return f"stand-in-token-{self.tokens_issued}"

    async def _oauth(self, request: Request) -> JSONResponse:
        if request.query_params.get("grant_type") != "client_credentials":
            return JSONResponse({"errorCode": "400.008.01", "errorMessage": "Invalid grant type"}, status_code=400)
        if request.headers.get("authorization") != self.basic:
            return JSONResponse({"errorCode": "400.008.02", "errorMessage": "Invalid Credentials"}, status_code=400)
        self.tokens_issued += 1
        return JSONResponse({"access_token": self._token(), "expires_in": "3599"})

    def _authorised(self, request: Request) -> JSONResponse | None:
        if request.headers.get("authorization") != f"Bearer {self._token()}":
            return JSONResponse({"errorCode": "404.001.04", "errorMessage": "Invalid Access Token"}, status_code=401)
        return None

    def _password_ok(self, body: dict[str, Any]) -> bool:
        stamp = str(body.get("Timestamp", ""))
        expected = base64.b64encode(f"{self.shortcode}{self.passkey}{stamp}".encode()).decode()
        return len(stamp) == 14 and stamp.isdigit() and body.get("Password") == expected

    async def _push(self, request: Request) -> JSONResponse:
        refused = self._authorised(request)
        if refused is not None:
            return refused
        body = await request.json()
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            return JSONResponse(error, status_code=500)
        if not self._password_ok(body) or body.get("BusinessShortCode") != self.shortcode:
            return JSONResponse({"errorCode": "500.001.1001", "errorMessage": "Wrong credentials"}, status_code=500)
        needed = ("TransactionType", "Amount", "PartyA", "PartyB", "PhoneNumber", "CallBackURL", "AccountReference")
        if any(not body.get(k) for k in needed) or not str(body["Amount"]).isdigit():
            return JSONResponse({"errorCode": "400.002.02", "errorMessage": "Bad Request - Invalid"}, status_code=400)
        n = next(self._ids)
        checkout = f"ws_CO_22112026{n:012d}"
        self.pushes.append({**body, "CheckoutRequestID": checkout})
        return JSONResponse(
            {
                "MerchantRequestID": f"29115-34620561-{n}",
                "CheckoutRequestID": checkout,
                "ResponseCode": "0",
                "ResponseDescription": "Success. Request accepted for processing",
                "CustomerMessage": "Success. Request accepted for processing",
            }
        )

    async def _query(self, request: Request) -> JSONResponse:
        refused = self._authorised(request)
        if refused is not None:
            return refused
        body = await request.json()
        if not self._password_ok(body):
            return JSONResponse({"errorCode": "500.001.1001", "errorMessage": "Wrong credentials"}, status_code=500)
        checkout = body.get("CheckoutRequestID", "")
        code = self.query_results.get(checkout, "1032")
        return JSONResponse(
            {
                "ResponseCode": "0",
                "ResponseDescription": "The service request has been accepted successfully",
                "MerchantRequestID": "8555-67195-1",
                "CheckoutRequestID": checkout,
                "ResultCode": code,
                "ResultDesc": "Request Cancelled by user." if code == "1032" else "done",
            }
        )

    async def _register(self, request: Request) -> JSONResponse:
        refused = self._authorised(request)
        if refused is not None:
            return refused
        body = await request.json()
        self.registrations.append(body)
        return JSONResponse(
            {
                "OriginatorCoversationID": "6e86-45dd-91ac-fd5d4178ab523",
                "ResponseCode": "0",
                "ResponseDescription": "success",
            }
        )
