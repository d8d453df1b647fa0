"""Voice notes end to end: the shared recordings through the Telegram webhook with the offline
recognizer, the right transactions recorded, and a spoken answer sent back as a voice note."""

import copy
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.records.models import InboundEvent
from bot.settings import ChannelSettings
from bot.voice_notes import VoiceNotes
from conversations.core import Conversation
from conversations.understand import understand
from finance.models import Transaction
from finance.money import to_cents
from tests.conftest import SHARED, TODAY
from tests.servers import serving
from tests.standins.telegram import TelegramStandIn
from tests.voice.conftest import TINY_WHISPER, encode, speech
from tests.waiting import wait_for
from voice.opus import duration
from voice.settings import VoiceSettings
from webhooks.app import create_app
from webhooks.settings import WebSettings

TOKEN = "123456:TEST-token"
SECRET = "s3cret_Webhook-token"
VOICE = SHARED / "eval" / "voice"
NOTES = [json.loads(line) for line in (VOICE / "voice_notes.jsonl").read_text().splitlines() if line.strip()]
FIXTURES = SHARED / "fixtures" / "telegram"
HEARD = re.compile(r"(?:I heard|Nimesikia): “(?P<text>[^”]*)”")


def _update(name: str) -> dict[str, Any]:
    return copy.deepcopy(json.loads((FIXTURES / name).read_text(encoding="utf-8"))["update"])


class Phone:
    """One Telegram user talking to KAVI through the real webhook."""

    def __init__(self, client: TestClient, standin: TelegramStandIn, user: int = 325645648) -> None:
        self.client, self.standin, self.user = client, standin, user
        self.next_id = 500

    def _post(self, update: dict[str, Any]) -> None:
        response = self.client.post(
            "/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
        )
        assert response.status_code == 200

    def text(self, text: str) -> str:
        update = _update("update_text.official_example.json")
        update["message"]["text"] = text
        update["message"]["from"]["is_bot"] = False
        return self._send(update)

    def voice(self, data: bytes) -> str:
        update = _update("update_voice.real_capture.json")
        file_id = f"voice-{self.next_id}"
        update["message"]["voice"].update(file_id=file_id, file_unique_id=file_id[-8:], file_size=len(data))
        self.standin.files[file_id] = data
        return self._send(update)

    def _send(self, update: dict[str, Any]) -> str:
        self.next_id += 1
        update["update_id"] = update["message"]["message_id"] = self.next_id
        update["message"]["from"]["id"] = update["message"]["chat"]["id"] = self.user
        self.last_update = update
        before = len(self.standin.sent("sendMessage"))
        self._post(update)
        sent = wait_for(lambda: self.standin.sent("sendMessage")[before:], timeout=60, what="KAVI's answer")
        return "\n".join(c["params"]["text"] for c in sent)


@pytest.fixture
def phone(engine: Engine) -> Iterator[Phone]:
    standin = TelegramStandIn(TOKEN)
    with serving(standin.app) as url:
        settings = ChannelSettings(telegram_bot_token=TOKEN, telegram_webhook_secret=SECRET, telegram_api_base_url=url)
        voice = VoiceNotes(engine, VoiceSettings(kavi_stt="sphinx", kavi_tts="espeak"))
        app = create_app(engine, WebSettings(), settings, Conversation(engine, today=lambda: TODAY), voice=voice)
        with TestClient(app) as client:
            talker = Phone(client, standin)
            talker.text("hi")
            talker.text("Amina Beauty Salon")
            yield talker


def _expected(note: dict[str, Any]) -> tuple[str, dict[str, str]]:
    return note["expect"]["intent"], note["expect"]["slots"]


def _transactions(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).where(Transaction.deleted_at.is_(None))).all())


def test_shared_voice_notes_record_the_right_things(phone: Phone, engine: Engine) -> None:
    right = 0
    for note in NOTES:
        before = {t.id for t in _transactions(engine)}
        answer = phone.voice((VOICE / note["file"]).read_bytes())
        heard = HEARD.search(answer)
        assert heard, answer  # what KAVI heard is shown before anything else
        if "shall I go ahead" in answer or "niendelee" in answer:
            answer = phone.text("Yes, go ahead")
        intent = understand(heard.group("text"), TODAY)
        name, slots = _expected(note)
        ok = intent.name == name and all(str(intent.slots.get(k)) == v for k, v in slots.items())
        if name in ("record_expense", "record_income"):
            new = [t for t in _transactions(engine) if t.id not in before]
            ok = ok and len(new) == 1 and new[0].amount_cents == to_cents(Decimal(slots["amount"]))
            ok = ok and new[0].kind == ("expense" if name == "record_expense" else "income")
        right += ok
    assert right >= 5, f"{right} of {len(NOTES)} voice notes understood"


def test_a_voice_note_is_answered_with_a_voice_note(phone: Phone) -> None:
    answer = phone.voice((VOICE / "v05.ogg").read_bytes())
    assert "unpaid invoices" in answer.lower()
    [voice] = wait_for(lambda: phone.standin.sent("sendVoice"), what="a voice reply")
    audio = phone.standin.uploads[voice["params"]["voice"]]
    assert audio.startswith(b"OggS") and duration(audio) > 1.0
    # Typed messages get text only, unless the person asks for voice every time.
    phone.text("how much did I spend this week?")
    assert len(phone.standin.sent("sendVoice")) == 1
    assert "every message" in phone.text("reply by voice always")
    phone.text("profit this month")
    wait_for(lambda: len(phone.standin.sent("sendVoice")) >= 3, what="voice replies to text")
    assert "text replies only" in phone.text("text only")
    count = len(phone.standin.sent("sendVoice"))
    phone.voice((VOICE / "v03.ogg").read_bytes())
    assert len(phone.standin.sent("sendVoice")) == count


def test_a_replayed_voice_note_is_recorded_once(phone: Phone, engine: Engine) -> None:
    phone.voice((VOICE / "v02.ogg").read_bytes())
    recorded = len(_transactions(engine))
    update = copy.deepcopy(phone.last_update)
    phone._post(update)  # Telegram delivers the same update again

    def finished() -> bool:
        with Session(engine) as session:
            return all(e.status == "done" for e in session.exec(select(InboundEvent)).all())

    wait_for(finished, what="events finished")
    assert len(_transactions(engine)) == recorded


def test_silence_and_long_notes_get_a_friendly_answer(phone: Phone) -> None:
    quiet = encode(np.zeros(16_000 * 3, np.int16), 16_000, "ogg")
    assert "couldn't hear anything" in phone.voice(quiet)
    tone = (8000 * np.sin(np.arange(16_000 * 130) * 0.1)).astype(np.int16)
    assert "up to 2 min" in phone.voice(encode(tone, 16_000, "ogg"))
    assert "couldn't play" in phone.voice(b"OggS\x00 not a recording")


def test_web_chat_microphone_clip_goes_through_the_same_pipeline(engine: Engine) -> None:
    voice = VoiceNotes(engine, VoiceSettings(kavi_stt="sphinx", kavi_tts="espeak"))
    client = TestClient(create_app(engine, WebSettings(kavi_web_token=None), voice=voice))
    samples, rate = speech("paid rent fifteen thousand")
    clip = encode(samples, rate, "webm")  # what Chrome's MediaRecorder sends
    response = client.post(
        "/web/voice",
        data={"sender": "web-0123456789", "message_id": "clip-1"},
        files={"audio": ("voice.webm", clip, "audio/webm;codecs=opus")},
    )
    assert response.status_code == 200, response.text
    [reply] = response.json()["replies"]
    assert HEARD.search(reply["text"])
    played = client.get(reply["audio_url"])
    assert played.status_code == 200 and played.headers["content-type"] == "audio/ogg"
    assert duration(played.content) > 1.0
    # A recording too big is refused politely; something that is not audio is a clear HTTP error.
    big = client.post(
        "/web/voice",
        data={"sender": "web-0123456789", "message_id": "clip-2"},
        files={"audio": ("voice.webm", b"\x1a" * (11 * 1024 * 1024), "audio/webm")},
    )
    assert big.status_code == 200 and "too big" in big.json()["replies"][0]["text"]
    wrong = client.post(
        "/web/voice",
        data={"sender": "web-0123456789"},
        files={"audio": ("notes.txt", b"hello", "text/plain")},
    )
    assert wrong.status_code == 415


def test_health_says_which_engines_work(engine: Engine) -> None:
    voice = VoiceNotes(engine, VoiceSettings(kavi_stt="auto", kavi_whisper_model=str(TINY_WHISPER)))
    client = TestClient(create_app(engine, WebSettings(), voice=voice))
    body = client.get("/health").json()
    assert body["speech_to_text"] == "whisper" and body["text_to_speech"] == "espeak"
