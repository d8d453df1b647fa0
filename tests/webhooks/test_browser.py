"""A real headless Chromium drives the web chat, as a person would."""

import os
import shutil
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from tests.servers import serving
from webhooks.app import create_app
from webhooks.settings import WebSettings

pytestmark = pytest.mark.browser


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("KAVI_REQUIRE_BROWSER") == "1":
        pytest.fail("Chromium is required (KAVI_REQUIRE_BROWSER=1) but not installed; `make test` installs it")
    pytest.skip("Chromium not installed; `make test` installs it")


@pytest.fixture
def server(engine: Engine) -> Iterator[str]:
    with serving(create_app(engine, WebSettings())) as url:
        yield url


def test_web_chat_records_and_answers(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page()
            page.goto(server + "/")
            box = page.get_by_label("Message")
            box.fill("paid rent 15k")
            box.press("Enter")
            replies = page.locator(".msg.kavi")
            expect(replies.first).to_contain_text("Recorded expense: Ksh 15,000 for rent")
            # Quick replies are real buttons.
            expect(replies.first.get_by_role("button", name="Undo")).to_be_visible()
            box.fill("how much did I spend this month?")
            page.get_by_role("button", name="Send").click()
            expect(replies.nth(1)).to_contain_text("Ksh 15,000")
            page.screenshot(path=os.environ.get("KAVI_SCREENSHOT", "/tmp/kavi-web-chat.png"))
        finally:
            browser.close()
