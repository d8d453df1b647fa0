"""No phone number in the logs in clear: a failing message's log line and its traceback, from any
logger, once masking is installed (as every KAVI process does at start)."""

import logging

import pytest

from bot.log_masking import install, mask
from conversations.messages import IncomingMessage


def test_mask_hides_phones_and_leaves_amounts() -> None:
    assert mask("from sms:+254712345678 failed") == "from sms:+2547*****678 failed"
    assert mask("0712 345 678 and 254712345678") == "0712***678 and 2547*****678"
    assert mask("paid 15000 for INV-0007 on 2026-11-22") == "paid 15000 for INV-0007 on 2026-11-22"


def test_a_failing_message_logs_no_phone(caplog: pytest.LogCaptureFixture) -> None:
    install()
    message = IncomingMessage(channel="sms", sender="+254712345678", text="paid rent", external_id="x1")
    log = logging.getLogger("bot.pipeline")
    with caplog.at_level(logging.ERROR):
        try:
            raise ValueError(f"no business for {message.sender}")
        except ValueError:
            log.exception("message %s from %s:%s failed", message.external_id, message.channel, message.sender)
    written = caplog.text
    assert "failed" in written and "+2547*****678" in written
    assert "712345678" not in written  # neither in the line nor in the traceback
