"""`kavi serve` says at start which channels are on, and which are refused for want of a secret."""

import logging
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from bot.settings import ChannelSettings
from tests.servers import serving
from tests.standins.telegram import TelegramStandIn
from tests.waiting import wait_for
from webhooks.app import create_app
from webhooks.settings import WebSettings

TOKEN = "123456:TEST-token"
UNSET = (
    "TELEGRAM_WEBHOOK_SECRET",
    "TWILIO_AUTH_TOKEN",
    "AFRICASTALKING_CALLBACK_TOKEN",
    "KAVI_WEB_TOKEN",
    "KAVI_SESSION_SECRET",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_kavi_serve_names_the_channels_refused_for_want_of_a_secret(tmp_path: Path) -> None:
    standin = TelegramStandIn(TOKEN)
    with serving(standin.app) as url:
        env = {key: value for key, value in os.environ.items() if key not in UNSET}
        env.update(
            KAVI_DATABASE_URL=f"sqlite:///{tmp_path}/k.db",
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=url,
            TWILIO_ACCOUNT_SID="AC00000000000000000000000000000000",
            AFRICASTALKING_USERNAME="sandbox",
            AFRICASTALKING_API_KEY="at-key",
            KAVI_STT="off",
            KAVI_TTS="off",
        )
        kavi = str(Path(sys.executable).parent / "kavi")
        process = subprocess.Popen(
            [kavi, "serve", "--port", str(_free_port())],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)  # type: ignore[union-attr]
        reader.start()
        try:
            wait_for(lambda: any("Application startup complete" in line for line in lines), 90, "kavi serve started")
        finally:
            process.terminate()
            process.wait(timeout=30)
    output = "".join(lines)
    assert "Traceback" not in output
    assert "telegram: refused, TELEGRAM_WEBHOOK_SECRET is not set" in output
    assert "twilio (whatsapp, sms): refused, TWILIO_AUTH_TOKEN is not set" in output
    assert "africa's talking sms: refused, AFRICASTALKING_CALLBACK_TOKEN is not set" in output
    assert "web chat: on, on this machine only (KAVI_WEB_TOKEN is not set)" in output


def test_with_every_secret_set_each_channel_is_on(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    standin = TelegramStandIn(TOKEN)
    with serving(standin.app) as url:
        settings = ChannelSettings(
            telegram_bot_token=TOKEN,
            telegram_webhook_secret="s3cret",
            telegram_api_base_url=url,
            twilio_account_sid="AC00000000000000000000000000000000",
            twilio_auth_token="auth-token",
            africastalking_username="sandbox",
            africastalking_api_key="at-key",
            africastalking_callback_token="cb-secret",
        )
        web = WebSettings(kavi_web_token="web-token", kavi_session_secret="a-long-session-secret")
        with caplog.at_level(logging.INFO, logger="webhooks"), TestClient(create_app(engine, web, settings)):
            pass
    said = caplog.text
    for channel in ("telegram", "twilio (whatsapp, sms)", "africa's talking sms", "m-pesa callbacks"):
        assert f"{channel}: on" in said
    assert "web chat: on, with KAVI_WEB_TOKEN" in said and "refused" not in said
