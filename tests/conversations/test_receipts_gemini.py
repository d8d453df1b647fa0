"""Receipt photos read by Gemini vision when a key is set (checked against a stand-in speaking the real
generateContent JSON), and by Tesseract when Gemini fails or answers nonsense."""

import base64
import json
from datetime import date

import pytest
from sqlalchemy.engine import Engine

from bench.receipt_maker import made_receipts
from conversations.gemini.settings import GeminiSettings
from conversations.messages import Attachment
from tests.chat import ChatTester
from tests.standins import gemini as g

TODAY = date(2026, 12, 1)
_RECEIPT = next(r for r in made_receipts() if r.kind == "supermarket" and not r.degraded)


@pytest.fixture
def owner(engine: Engine, standin: tuple[g.GeminiStandIn, str]) -> ChatTester:
    _, url = standin
    chat = ChatTester(engine, today=TODAY)
    chat.conversation.__init__(  # type: ignore[misc]
        engine,
        today=lambda: TODAY,
        gemini_settings=GeminiSettings(gemini_api_key="test-key", gemini_base_url=url, kavi_gemini_timeout_s=2),
    )
    chat.onboard()
    return chat


def _photo() -> Attachment:
    return Attachment("image", _RECEIPT.content_type, data=_RECEIPT.image, size=len(_RECEIPT.image))


def test_gemini_reads_the_picture_when_configured(owner: ChatTester, standin: tuple[g.GeminiStandIn, str]) -> None:
    stand, _ = standin
    answer = {"merchant": "Naivas Westlands", "date": "2026-11-28", "total": "2340.00", "category": "stock"}
    stand.plan.append(g.text(json.dumps(answer)))
    reply = owner.send(_photo())
    assert reply.text.startswith("🧾 Ksh 2,340 at Naivas Westlands, Sat 28 Nov — stock?")
    request = stand.requests[-1]
    assert request["api_key"] == "test-key" and request["path"].endswith(":generateContent")
    parts = request["body"]["contents"][0]["parts"]
    sent = next(p["inlineData"] for p in parts if "inlineData" in p)
    assert sent.get("mimeType", sent.get("mime_type")) == _RECEIPT.content_type
    assert base64.urlsafe_b64decode(sent["data"] + "=" * (-len(sent["data"]) % 4)) == _RECEIPT.image
    assert request["body"]["generationConfig"]["responseMimeType"] == "application/json"
    assert "Recorded expense: Ksh 2,340 for stock" in owner.tap(reply, "Record")


@pytest.mark.parametrize(
    "failure",
    [
        g.error(500, "INTERNAL", "boom"),
        g.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded"),
        g.text("I think it says about two thousand"),
        g.text(json.dumps({"merchant": "Naivas", "total": "two thousand"})),
        g.text(json.dumps({"merchant": "Naivas", "total": "-50"})),
    ],
    ids=["server-error", "quota", "not-json", "total-in-words", "negative-total"],
)
def test_tesseract_reads_it_when_gemini_fails(owner: ChatTester, standin: tuple[g.GeminiStandIn, str],
                                              failure: object) -> None:  # fmt: skip
    stand, _ = standin
    stand.plan.append(failure)
    reply = owner.send(_photo())
    shown = f"Ksh {_RECEIPT.total:,.0f}"
    assert reply.text.startswith(f"🧾 {shown} at {_RECEIPT.merchant}, "), reply.text
    assert len(stand.requests) == 1  # asked once, then read offline


def test_a_total_gemini_could_not_read_is_asked(owner: ChatTester, standin: tuple[g.GeminiStandIn, str]) -> None:
    stand, _ = standin
    stand.plan.append(g.text(json.dumps({"merchant": "Naivas", "date": "2026-11-28", "total": None})))
    reply = owner.send(_photo())
    assert reply.text.startswith("🧾 I read a receipt from Naivas dated Sat 28 Nov, but I can't be sure of its total")
