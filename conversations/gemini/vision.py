"""Gemini reading a receipt picture: the same four fields the offline reader finds, as JSON. Its answer
is checked like the text path's (a total must be a plain amount, a date a real day); any failure and
Tesseract reads the picture instead."""

import json
import logging
from datetime import date
from decimal import Decimal, InvalidOperation

from google.genai import types

from conversations.gemini.client import GeminiUnavailable, generate, make_client
from conversations.gemini.settings import GeminiSettings

log = logging.getLogger(__name__)

_PROMPT = (
    "This is a photo of a receipt from a shop in Kenya. Read it and answer with JSON only: "
    '{"merchant": shop name as people say it, "date": "YYYY-MM-DD" as printed, "total": the amount '
    "actually paid (the TOTAL, not the subtotal, VAT, cash tendered or change), digits with a dot for cents, "
    '"category": one of stock, transport, supplies, meals, utilities, airtime, repairs, equipment, other}. '
    "Use null for anything you cannot read. Never guess a total."
)
_SCHEMA = types.Schema(
    type=types.Type.OBJECT,
    properties={
        "merchant": types.Schema(type=types.Type.STRING, nullable=True),
        "date": types.Schema(type=types.Type.STRING, nullable=True),
        "total": types.Schema(type=types.Type.STRING, nullable=True),
        "category": types.Schema(type=types.Type.STRING, nullable=True),
    },
)


class ReceiptVision:
    def __init__(self, settings: GeminiSettings) -> None:
        self.settings = settings
        self.client = make_client(settings)

    def read(self, data: bytes, content_type: str) -> dict[str, str]:
        """The fields Gemini read, checked; raises GeminiUnavailable when it failed or made no sense."""
        config = types.GenerateContentConfig(
            temperature=0.0, response_mime_type="application/json", response_schema=_SCHEMA
        )
        # One Content of two parts, typed as the SDK's own union (its list types are invariant).
        contents = types.Content(
            role="user", parts=[types.Part.from_bytes(data=data, mime_type=content_type), types.Part(text=_PROMPT)]
        )
        response = generate(self.client, self.settings.kavi_gemini_model, contents, config)
        return checked(response.text or "")


def checked(answer: str) -> dict[str, str]:
    try:
        data = json.loads(answer)
    except json.JSONDecodeError as exc:
        raise GeminiUnavailable("not JSON") from exc
    if not isinstance(data, dict):
        raise GeminiUnavailable("not an object")
    fields: dict[str, str] = {}
    total = str(data.get("total") or "").replace(",", "").strip()
    if total:
        try:
            value = Decimal(total)
        except InvalidOperation as exc:
            raise GeminiUnavailable(f"total {total!r} is no amount") from exc
        if not value.is_finite() or value <= 0 or value.as_tuple().exponent not in range(-2, 1):
            raise GeminiUnavailable(f"total {total!r} is no amount")
        fields["total"] = str(value)
    when = str(data.get("date") or "").strip()
    if when:
        try:
            fields["date"] = date.fromisoformat(when).isoformat()
        except ValueError:
            log.info("Gemini's receipt date %r is no date; left out", when)
    for key in ("merchant", "category"):
        said = data.get(key)
        if isinstance(said, str) and said.strip():
            fields[key] = said.strip()[:80]
    return fields
