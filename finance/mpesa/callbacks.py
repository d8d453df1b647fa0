"""What Daraja posts to us, read into plain values. Anything malformed raises MalformedCallback.

STK callbacks carry numbers (ResultCode an int, Amount 1 or 1.0, TransactionDate and PhoneNumber
as numbers) and list their metadata in any order; C2B carries only strings, and its MSISDN may be
a SHA-256 hash, so it is kept as it came and never read as a phone number."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from finance.money import CENT, D, MoneyError
from finance.phones import e164

EAT = ZoneInfo("Africa/Nairobi")


class MalformedCallback(ValueError):
    pass


@dataclass(frozen=True)
class StkResult:
    merchant_request_id: str
    checkout_request_id: str
    result_code: int
    result_desc: str
    amount: Decimal | None = None
    receipt: str | None = None
    paid_at: datetime | None = None
    phone: str | None = None

    @property
    def ok(self) -> bool:
        return self.result_code == 0


@dataclass(frozen=True)
class C2BPayment:
    trans_id: str
    paid_at: datetime
    amount: Decimal
    short_code: str
    bill_ref: str
    invoice_number: str
    msisdn: str  # a phone or a 64-character hash: opaque
    payer_name: str
    transaction_type: str


def eat_time(value: object) -> datetime:
    """yyyymmddHHMMSS (string or number) in East Africa Time -> an aware datetime."""
    text = str(value).strip()
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=EAT)
    except ValueError as exc:
        raise MalformedCallback(f"bad time {text!r}") from exc


def amount_of(value: object) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise MalformedCallback("missing amount")
    try:
        amount = D(str(value).strip())  # str() keeps 1.0 as "1.0": no float arithmetic
    except MoneyError as exc:
        raise MalformedCallback(f"bad amount {value!r}") from exc
    if not amount.is_finite() or amount <= 0:
        raise MalformedCallback(f"bad amount {value!r}")
    return amount.quantize(CENT)


def parse_stk_callback(body: Any) -> StkResult:
    try:
        callback = body["Body"]["stkCallback"]
        checkout = str(callback["CheckoutRequestID"])
        code = int(callback["ResultCode"])
    except (KeyError, TypeError, ValueError) as exc:
        raise MalformedCallback("not an STK callback") from exc
    if not checkout or len(checkout) > 64:
        raise MalformedCallback("bad CheckoutRequestID")
    merchant_request_id = str(callback.get("MerchantRequestID") or "")
    result_desc = str(callback.get("ResultDesc") or "")
    if code != 0:
        return StkResult(
            merchant_request_id=merchant_request_id,
            checkout_request_id=checkout,
            result_code=code,
            result_desc=result_desc,
        )
    items = (callback.get("CallbackMetadata") or {}).get("Item")
    if not isinstance(items, list):
        raise MalformedCallback("a successful STK callback without CallbackMetadata")
    meta = {str(i.get("Name")): i.get("Value") for i in items if isinstance(i, dict)}
    receipt = str(meta.get("MpesaReceiptNumber") or "").strip()
    if not receipt:
        raise MalformedCallback("no MpesaReceiptNumber")
    phone = meta.get("PhoneNumber")
    return StkResult(
        merchant_request_id=merchant_request_id,
        checkout_request_id=checkout,
        result_code=code,
        result_desc=result_desc,
        amount=amount_of(meta.get("Amount")),
        receipt=receipt.upper(),
        paid_at=eat_time(meta["TransactionDate"]) if meta.get("TransactionDate") else None,
        phone=e164(str(phone)) if phone else None,
    )


def parse_c2b(body: Any) -> C2BPayment:
    if not isinstance(body, dict):
        raise MalformedCallback("not a C2B payload")
    trans_id = str(body.get("TransID") or "").strip()
    if not trans_id or len(trans_id) > 40:
        raise MalformedCallback("missing TransID")
    names = (str(body.get(k) or "").strip() for k in ("FirstName", "MiddleName", "LastName"))
    return C2BPayment(
        trans_id=trans_id.upper(),
        paid_at=eat_time(body.get("TransTime")),
        amount=amount_of(body.get("TransAmount")),
        short_code=str(body.get("BusinessShortCode") or ""),
        bill_ref=str(body.get("BillRefNumber") or "").strip()[:60],
        invoice_number=str(body.get("InvoiceNumber") or "").strip()[:60],
        msisdn=str(body.get("MSISDN") or "").strip()[:80],
        payer_name=" ".join(n for n in names if n)[:120],
        transaction_type=str(body.get("TransactionType") or ""),
    )
