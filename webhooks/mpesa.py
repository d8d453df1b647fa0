"""M-Pesa (Daraja) callbacks. Safaricom signs nothing, so each business's URLs carry its own
unguessable token; an unknown token is a 404. Bodies are read with Decimal numbers (an STK Amount
may be 1.0), stored once by CheckoutRequestID / TransID, and answered with Daraja's own codes."""

import asyncio
import logging
import math
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.mpesa_callbacks import on_c2b_confirmation, on_stk_callback
from finance.db import session_scope
from finance.money import MAX_AMOUNT
from finance.mpesa.callbacks import C2BPayment, MalformedCallback, StkResult, parse_c2b, parse_stk_callback
from finance.services.members import business_by_callback_token
from webhooks.request_body import BodyRefused, loads_json, read_capped

log = logging.getLogger(__name__)
router = APIRouter()

ACCEPTED = {"ResultCode": 0, "ResultDesc": "Accepted"}
C2B_REJECTED = {"ResultCode": "C2B00016", "ResultDesc": "Rejected"}
MAX_BODY = 64 * 1024
# Daraja refuses callback URLs containing "mpesa" or "safaricom": the same routes under a neutral
# prefix are the ones KAVI registers; /mpesa/... stays for proxies that rewrite.
SAFE_PREFIX = "/payments"


async def _body(request: Request) -> Any:
    return loads_json(await read_capped(request, MAX_BODY), parse_float=Decimal)


def _stk(body: Any) -> StkResult:
    """The callback, with what the books would refuse later (a 500 then, and Daraja retrying) refused now."""
    try:
        result = parse_stk_callback(body)
    except ArithmeticError as exc:  # an Amount past Decimal's precision
        raise MalformedCallback("bad Amount") from exc
    except AttributeError as exc:  # a list or a string where the parser reads a dict (CallbackMetadata)
        raise MalformedCallback("not an STK callback") from exc
    if not -(2**31) <= result.result_code < 2**31:  # Daraja's codes are small; the column is an INTEGER
        raise MalformedCallback(f"bad ResultCode {result.result_code}"[:60])
    if result.amount is not None and result.amount > MAX_AMOUNT:
        raise MalformedCallback("Amount past any payment")
    return result


def _c2b(body: Any) -> C2BPayment:
    try:
        payment = parse_c2b(body)
    except ArithmeticError as exc:
        raise MalformedCallback("bad TransAmount") from exc
    if payment.amount > MAX_AMOUNT:
        raise MalformedCallback("TransAmount past any payment")
    return payment


def _storable(value: Any) -> Any:
    """The body as its event's JSON column can hold it: numbers were read as Decimal (exact amounts),
    which no JSON encoder writes; stored as JSON numbers again (as text past a float's range)."""
    if isinstance(value, Decimal):
        number = float(value)
        return number if math.isfinite(number) else str(value)
    if isinstance(value, dict):
        return {key: _storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_storable(item) for item in value]
    return value


def _refuse(path: str, exc: Exception, answer: dict[str, Any], status: int = 400) -> JSONResponse:
    """Daraja's own answer, saying why. A body past the cap is a 413 whatever the route."""
    why = str(exc.detail) if isinstance(exc, BodyRefused) else str(exc)
    if isinstance(exc, BodyRefused) and exc.status_code == 413:
        status = 413
    log.warning("malformed M-Pesa callback on %s: %s", path, why)
    return JSONResponse({**answer, "ResultDesc": f"{answer['ResultDesc']}: {why}"[:120]}, status_code=status)


def _engine(request: Request) -> Any:
    return request.app.state.conversation.engine


@router.post("/mpesa/stk/callback/{token}")
@router.post(f"{SAFE_PREFIX}/stk/callback/{{token}}")
async def stk_callback(token: str, request: Request) -> JSONResponse:
    try:
        body = await _body(request)
        result = _stk(body)
    except (MalformedCallback, BodyRefused) as exc:
        return _refuse("stk", exc, {"ResultCode": 1, "ResultDesc": "Rejected"})
    handled = await asyncio.to_thread(on_stk_callback, _engine(request), token, result, _storable(body))
    if not handled.found:
        return JSONResponse({"ResultCode": 1, "ResultDesc": "Unknown callback URL"}, status_code=404)
    return JSONResponse(ACCEPTED)


@router.post("/mpesa/c2b/validation/{token}")
@router.post(f"{SAFE_PREFIX}/c2b/validation/{{token}}")
async def c2b_validation(token: str, request: Request) -> JSONResponse:
    """Accept any well-formed payment to a known business: refusing money is the owner's call, not ours."""
    try:
        _c2b(await _body(request))
    except (MalformedCallback, BodyRefused) as exc:
        return _refuse("c2b validation", exc, C2B_REJECTED, status=200)
    known = await asyncio.to_thread(_known, _engine(request), token)
    if not known:
        return JSONResponse({**C2B_REJECTED, "ResultDesc": "Rejected: unknown callback URL"}, status_code=404)
    return JSONResponse(ACCEPTED)


@router.post("/mpesa/c2b/confirmation/{token}")
@router.post(f"{SAFE_PREFIX}/c2b/confirmation/{{token}}")
async def c2b_confirmation(token: str, request: Request) -> JSONResponse:
    try:
        body = await _body(request)
        payment = _c2b(body)
    except (MalformedCallback, BodyRefused) as exc:
        return _refuse("c2b confirmation", exc, C2B_REJECTED)
    handled = await asyncio.to_thread(on_c2b_confirmation, _engine(request), token, payment, _storable(body))
    if not handled.found:
        return JSONResponse({**C2B_REJECTED, "ResultDesc": "Rejected: unknown callback URL"}, status_code=404)
    return JSONResponse({"ResultCode": 0, "ResultDesc": "Success"})


def _known(engine: Any, token: str) -> bool:
    with session_scope(engine) as session:
        return business_by_callback_token(session, token) is not None
