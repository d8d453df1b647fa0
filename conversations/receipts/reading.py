"""A receipt's text read into what an expense needs: total, day, merchant, category. Pure text in,
fields out, so Tesseract's text and Gemini's both go through the same checks."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from conversations.intents import Intent
from conversations.messages import Scanned
from conversations.parser.mpesa_sms import looks_like_mpesa, parse_mpesa
from conversations.receipts.dates import find_day
from conversations.receipts.merchants import find_merchant
from conversations.receipts.total import find_total


@dataclass(frozen=True)
class Reading:
    total: Decimal | None
    # "confirmed" | "printed" | "guessed" (see total.py); only a guessed total is asked for outright.
    certainty: str
    day: date | None
    merchant: str | None
    category: str | None
    text: str
    engine: str = "tesseract"
    # An M-PESA confirmation in the picture: its code, so the SMS forwarded too is not booked twice.
    reference: str | None = None

    @property
    def has_total(self) -> bool:
        return self.total is not None and self.certainty != "guessed"


def read_receipt_text(text: str, today: date, engine: str = "tesseract") -> Reading:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    sms = _mpesa_payment(lines, today)
    if sms is not None:
        return _from_sms(sms, lines, engine)
    total = find_total(lines)
    merchant, category = find_merchant(lines)
    return Reading(
        total=total.amount,
        certainty=total.certainty,
        day=find_day(lines, today),
        merchant=merchant,
        category=category,
        text="\n".join(lines),
        engine=engine,
    )


def _mpesa_payment(lines: list[str], today: date) -> Intent | None:
    """A screenshot or print of an M-PESA payment confirmation: its strict format says the amount."""
    joined = " ".join(" ".join(lines).split())
    if not looks_like_mpesa(joined):
        return None
    paid = [i for i in parse_mpesa(joined, today) if i.name == "record_expense" and i.slots.get("amount")]
    return paid[0] if len(paid) == 1 else None


def _from_sms(sms: Intent, lines: list[str], engine: str) -> Reading:
    shop, category = find_merchant(lines)
    merchant = str(sms.slots.get("counterparty") or shop or "") or None
    return Reading(
        total=Decimal(str(sms.slots["amount"])),
        certainty="confirmed",
        day=date.fromisoformat(str(sms.slots["date"])) if sms.slots.get("date") else None,
        merchant=merchant,
        category=str(sms.slots.get("category") or "") or category,
        text="\n".join(lines),
        engine=engine,
        reference=str(sms.slots.get("reference") or "") or None,
    )


def found_total(text: str) -> bool:
    """Whether a reading is good enough to stop at (OCR tries the page another way otherwise)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return find_total(lines).certainty != "guessed" or _mpesa_payment(lines, date.today()) is not None


def reading_of(scanned: Scanned, today: date, categories: Iterable[str]) -> Reading:
    """The reading of a scan: Gemini's fields taken as they are (checked in gemini/vision.py), text read here."""
    if not scanned.fields:
        return read_receipt_text(scanned.text, today, scanned.engine or "tesseract")
    fields = scanned.fields
    day = date.fromisoformat(fields["date"]) if fields.get("date") else None
    category = fields.get("category") if fields.get("category") in set(categories) else None
    return Reading(
        total=Decimal(fields["total"]) if fields.get("total") else None,
        certainty="printed" if fields.get("total") else "guessed",
        day=day,
        merchant=fields.get("merchant"),
        category=category,
        text="",
        engine=scanned.engine,
    )
