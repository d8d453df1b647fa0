"""A real headless Chromium drives the web chat, as a person would, at a small phone's width (320 px), a
common one (390 px) and a laptop's (1280 px): nothing wider than the screen, the first screen's examples,
a message and its buttons, a file uploaded, a chart and a PDF, a voice note, and the history after a reload.

One browser for the module; each test opens its own context (cookies: its own chat session). Screenshots
go to KAVI_TEST_ARTIFACTS (default test-artifacts/ at the repository root)."""

import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.records.models import InboundEvent
from tests.servers import serving
from webhooks.app import create_app
from webhooks.settings import WebSettings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
STATEMENT = ROOT / "tests" / "data" / "mpesa_statement.csv"
WIDTHS = [320, 390, 1280]
_ERRORS: "WeakKeyDictionary[Page, list[str]]" = WeakKeyDictionary()


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("KAVI_REQUIRE_BROWSER") == "1":
        pytest.fail("Chromium is required (KAVI_REQUIRE_BROWSER=1) but not installed; `make test` installs it")
    pytest.skip("Chromium not installed; `make test` installs it")


def _artifacts() -> Path:
    folder = Path(os.environ.get("KAVI_TEST_ARTIFACTS") or ROOT / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def spoken_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the fake microphone says, over and over (espeak-ng, as the voice tests make speech)."""
    path = tmp_path_factory.mktemp("mic") / "paid-rent.wav"
    said = subprocess.run(
        ["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(path), "paid rent fifteen thousand"], capture_output=True
    )
    if said.returncode != 0:
        pytest.fail("espeak-ng is needed for the microphone test; `make test` installs it")
    return path


@pytest.fixture(scope="module")
def browser(spoken_wav: Path) -> Iterator["Browser"]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                # A microphone that plays a recording, and no permission prompt for it.
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                f"--use-file-for-fake-audio-capture={spoken_wav}%noloop",
                "--autoplay-policy=no-user-gesture-required",
            ],
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def server(engine: Engine) -> Iterator[str]:
    with serving(create_app(engine, WebSettings())) as url:
        yield url


def _open(browser: "Browser", server: str, width: int) -> "Page":
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": 740 if phone else 800},
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    # A script error or a refusal by the Content-Security-Policy shows up here; _fits says so.
    errors = _ERRORS.setdefault(page, [])
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/")
    page.wait_for_selector("body[data-history=loaded]", state="attached")
    return page


def _fits(page: "Page") -> None:
    """Nothing is wider than the screen, and the whole input row is on it."""
    width: Any = page.evaluate("innerWidth")
    scroll = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll <= width, f"the page scrolls sideways: {scroll} px wide on a {width} px screen"
    for name in ("Send", "Attach a receipt photo or M-PESA statement", "Record a voice note"):
        box = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert box is not None, f"{name} is not shown"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{name} is cut off: {box} at {width} px"
    text = page.get_by_label("Message").bounding_box()
    assert text is not None and text["width"] >= 100, f"the message box is too narrow: {text}"
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert not wide, f"wider than the screen: {wide}"
    assert not _ERRORS.get(page), f"the page logged errors: {_ERRORS[page]}"


def _plays(reply: "Locator") -> None:
    """The reply's voice note loads in the browser and has a length: it can be played."""
    voice = reply.locator("audio")
    voice.evaluate("a => { a.preload = 'auto'; a.load(); }")
    duration = voice.evaluate(
        "a => new Promise(done => a.readyState >= 1 ? done(a.duration)"
        " : a.addEventListener('loadedmetadata', () => done(a.duration), { once: true }))"
    )
    assert duration > 0.5, f"the voice reply does not play ({duration} s)"


def _shot(page: "Page", name: str) -> None:
    page.screenshot(path=str(_artifacts() / f"web-chat-{name}.png"))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_chat_fits_and_works_at_every_width(browser: "Browser", server: str, width: int, engine: Engine) -> None:
    from playwright.sync_api import expect

    page = _open(browser, server, width)
    try:
        # The first screen: a greeting and examples in English and Swahili; a tap sends one.
        welcome = page.locator("#welcome")
        expect(welcome).to_contain_text("Habari")
        expect(welcome.get_by_role("button", name="nimeuza 2,500")).to_be_visible()
        _fits(page)
        _shot(page, f"{width}-{engine.dialect.name}-first-screen")
        welcome.get_by_role("button", name="paid rent 15k").click()
        expect(welcome).to_have_count(0)
        replies = page.locator(".msg.kavi")
        expect(replies.first).to_contain_text("Recorded expense: Ksh 15,000 for rent")
        # Quick replies are real buttons.
        expect(replies.first.get_by_role("button", name="Undo")).to_be_visible()

        box = page.get_by_label("Message")
        for said, answer in [
            ("Duka Letu", "Duka Letu is ready"),  # the name KAVI asked for
            ("paid fuel 500", "Recorded expense: Ksh 500"),
            ("how much did I spend this month?", "Ksh 15,500"),
        ]:
            box.fill(said)
            page.get_by_role("button", name="Send").click()
            expect(replies.last).to_contain_text(answer)
        expect(replies).to_have_count(4)

        # An M-PESA statement through the paperclip: imported, and answered.
        page.locator("#file").set_input_files(str(STATEMENT))
        expect(page.locator(".msg.me").last).to_contain_text("mpesa_statement.csv")
        expect(replies.nth(4)).to_contain_text("Statement read: 5 rows")

        # A chart inline (a tap opens it full size), with its summary spoken: a voice reply that plays.
        box.fill("show me a chart of my spending")
        box.press("Enter")
        chart = replies.nth(5)
        expect(chart.locator("a.full img")).to_be_visible()
        expect(chart.locator("a.full")).to_have_attribute("target", "_blank")
        expect(chart.locator("a.full")).to_have_attribute("href", re.compile(r"^/media/"))
        page.wait_for_function("[...document.querySelectorAll('.kavi img')].every(i => i.complete && i.naturalWidth)")
        _plays(chart)
        _fits(page)
        _shot(page, f"{width}-{engine.dialect.name}-conversation")

        # A reload shows the conversation again, with the buttons still answerable, and no first screen.
        page.reload()
        page.wait_for_selector("body[data-history=loaded]", state="attached")
        expect(page.locator("#welcome")).to_have_count(0)
        mine = page.locator(".msg.me")
        expect(mine).to_have_count(6)
        expect(mine.first).to_have_text("paid rent 15k")
        expect(mine.nth(4)).to_contain_text("mpesa_statement.csv")
        expect(replies).to_have_count(6)
        expect(replies.first).to_contain_text("Recorded expense: Ksh 15,000 for rent")
        expect(replies.nth(4)).to_contain_text("Statement read: 5 rows")
        expect(replies.nth(5).locator("a.full img")).to_be_visible()
        page.wait_for_function("[...document.querySelectorAll('.kavi img')].every(i => i.complete && i.naturalWidth)")
        _plays(replies.nth(5))
        _fits(page)
        _shot(page, f"{width}-{engine.dialect.name}-after-reload")
        # A button from the history still answers its question: the fuel's Undo removes the fuel.
        replies.nth(2).get_by_role("button", name="Undo").click()
        expect(replies.nth(6)).to_contain_text("Removed: expense Ksh 500")
    finally:
        page.context.close()


def test_a_pdf_opens_in_a_new_tab(browser: "Browser", server: str) -> None:
    from playwright.sync_api import expect

    page = _open(browser, server, 360)
    try:
        box = page.get_by_label("Message")
        box.fill("invoice Otieno 3 bags of cement at 750 each")
        box.press("Enter")
        reply = page.locator(".msg.kavi").first
        preview = reply.get_by_role("link", name="Open preview")
        expect(preview).to_have_attribute("target", "_blank")
        expect(reply.locator(".file")).to_contain_text("INV-0001.pdf")
        href = server + (preview.get_attribute("href") or "")
        with page.context.expect_page() as opened:
            preview.click()
        opened.value.close()
        assert opened.value.url == href  # the PDF, in a tab of its own
        pdf = page.request.get(href)
        assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")

        _fits(page)
        _shot(page, "360-pdf")
    finally:
        page.context.close()


def test_a_receipt_photo_gets_an_expense_to_confirm(browser: "Browser", server: str, engine: Engine) -> None:
    """Receipt reading (conversations/receipts/): a photo of a till receipt is answered with the expense it
    proposes and buttons to record, change or cancel it; after a reload they are still there. The photo,
    big as a phone camera makes it, is made smaller in the page before it crosses a slow connection."""
    from playwright.sync_api import expect

    page = _open(browser, server, 390)
    try:
        photo = _receipt_png(scale=2, noise=6)
        assert len(photo) > 2 * 1024 * 1024
        page.locator("#file").set_input_files(
            files=[{"name": "IMG_0042.png", "mimeType": "image/png", "buffer": photo}]
        )
        expect(page.locator(".msg.me img")).to_be_visible()  # the photo, as sent
        reply = page.locator(".msg.kavi").first
        expect(reply).to_contain_text("1,250", timeout=30_000)  # Tesseract takes a few seconds
        for name in ("Record", "Change", "Cancel"):
            expect(reply.get_by_role("button", name=name)).to_be_visible()
        with Session(engine) as session:
            [event] = session.exec(select(InboundEvent)).all()
            assert event.payload is not None
            [sent] = event.payload["attachments"]
        assert (sent["kind"], sent["filename"], sent["content_type"]) == ("image", "IMG_0042.jpg", "image/jpeg")
        assert sent["size"] < len(photo) / 4
        _fits(page)
        _shot(page, "390-receipt")
        page.reload()
        page.wait_for_selector("body[data-history=loaded]", state="attached")
        expect(page.locator(".msg.me").first).to_contain_text("IMG_0042.jpg")
        expect(page.locator(".msg.kavi").first.get_by_role("button", name="Record")).to_be_visible()
    finally:
        page.context.close()


def test_the_microphone_sends_a_voice_note_and_the_voice_reply_plays(browser: "Browser", server: str) -> None:
    from playwright.sync_api import expect

    page = _open(browser, server, 390)
    try:
        mic = page.get_by_role("button", name="Record a voice note")
        mic.click()
        page.wait_for_timeout(1500)  # the fake microphone says "paid rent fifteen thousand"
        page.get_by_role("button", name="Stop and send the voice note").click()
        expect(page.locator(".msg.me audio")).to_be_visible()
        reply = page.locator(".msg.kavi").first
        expect(reply).to_contain_text("I heard", timeout=30_000)  # the offline recognizer takes a few seconds
        # A voice note gets a voice note back, and it plays.
        expect(reply.locator("audio")).to_be_visible()
        _plays(reply)
        _fits(page)
    finally:
        page.context.close()


def _receipt_png(scale: int = 1, noise: int = 0) -> bytes:
    """A till receipt as a phone photographs it, square on: shop, items, the total; `noise` is the camera's."""
    import matplotlib
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSansMono.ttf"
    font = ImageFont.truetype(str(ttf), 28 * scale)
    lines = [
        "      NAIVAS SUPERMARKET",
        "        MOI AVENUE, NAIROBI",
        "DATE: 20/11/2026    TIME: 14:32",
        "--------------------------------",
        "SUGAR 2KG               320.00",
        "RICE 5KG                930.00",
        "--------------------------------",
        "TOTAL                 1,250.00",
        "PAID M-PESA           1,250.00",
        "      THANK YOU, KARIBU TENA",
    ]
    width, height = 620 * scale, (60 + 44 * len(lines)) * scale
    image = Image.new("RGB", (width, height), (245, 243, 238))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((20 * scale, (30 + 44 * i) * scale), line, font=font, fill=(20, 20, 20))
    if noise:
        grain = np.random.default_rng(7).integers(-noise, noise + 1, (height, width, 3))
        image = Image.fromarray((np.asarray(image).astype(np.int16) + grain).clip(0, 255).astype(np.uint8))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()
