"""Receipt photos and PDFs into the books: read by a real Tesseract, proposed, recorded only on Record."""

import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bench.receipt_maker import FONTS, MadeReceipt, made_receipts
from bot.erasure import sweep
from conversations.messages import Attachment
from finance.clock import utcnow
from finance.models import Member, Transaction
from finance.models.receipt import Receipt
from tests.chat import ChatTester

TODAY = date(2026, 12, 1)
_MADE = made_receipts()


def _made(kind: str, degraded: bool = False) -> MadeReceipt:
    return next(r for r in _MADE if r.kind == kind and r.degraded == degraded)


def _photo(receipt: MadeReceipt) -> Attachment:
    return Attachment("image", receipt.content_type, data=receipt.image, filename="receipt", size=len(receipt.image))


def _shown(amount: Decimal) -> str:
    return f"Ksh {amount:,.0f}" if amount == amount.to_integral_value() else f"Ksh {amount:,.2f}"


@pytest.fixture
def owner(engine: Engine) -> ChatTester:
    chat = ChatTester(engine, TODAY)
    chat.onboard()
    return chat


def _entries(engine: Engine) -> list[Transaction]:
    with Session(engine) as session:
        return list(session.exec(select(Transaction).where(Transaction.deleted_at == None)))  # noqa: E711


def _receipts(engine: Engine) -> list[Receipt]:
    with Session(engine) as session:
        return list(session.exec(select(Receipt)))


def test_a_supermarket_receipt_is_proposed_then_recorded_on_record(owner: ChatTester, engine: Engine) -> None:
    made = _made("supermarket")
    reply = owner.send(_photo(made))
    assert reply.text.startswith(f"🧾 {_shown(made.total)} at {made.merchant}, ")
    assert "— stock?" in reply.text and "Nothing is recorded until you tap Record" in reply.text
    assert reply.choices == ["Record", "Change", "Cancel"]
    assert _entries(engine) == []  # never recorded without the tap
    done = owner.tap(reply, "Record")
    assert f"Recorded expense: {_shown(made.total)} for stock" in done
    assert "Receipt kept with the entry" in done
    [entry] = _entries(engine)
    assert entry.amount_cents == int(made.total * 100) and entry.occurred_on == made.day
    assert entry.counterparty == made.merchant and entry.receipt_id is not None
    [kept] = _receipts(engine)
    assert kept.id == entry.receipt_id and kept.data == made.image and kept.merchant == made.merchant


def test_the_same_photo_twice_is_the_entry_already_made(owner: ChatTester, engine: Engine) -> None:
    made = _made("hardware")
    owner.tap(owner.send(_photo(made)), "Record")
    again = owner.send(_photo(made))
    assert again.text.startswith(f"🧾 I've seen this receipt before: it's recorded as {_shown(made.total)}")
    assert not again.choices and len(_entries(engine)) == 1 and len(_receipts(engine)) == 1


def test_change_then_record_books_what_the_owner_said(owner: ChatTester, engine: Engine) -> None:
    proposal = owner.send(_photo(_made("fuel")))
    assert "— transport?" in proposal.text  # a fuel station's receipt
    assert owner.tap(proposal, "Change").startswith("What should change?")
    changed = owner.ask("4,500 yesterday")
    assert changed.text.startswith("🧾 Ksh 4,500 at ") and ", yesterday — transport?" in changed.text
    assert "Recorded expense: Ksh 4,500 for transport" in owner.tap(changed, "Record")
    [entry] = _entries(engine)
    assert entry.amount_cents == 450_000 and entry.occurred_on == TODAY - timedelta(days=1)


def test_a_correction_said_outright_updates_the_proposal(owner: ChatTester) -> None:
    made = _made("supermarket")
    owner.send(_photo(made))
    assert "— supplies?" in owner.ask("supplies").text


def test_cancel_records_nothing_and_deletes_the_photo(owner: ChatTester, engine: Engine) -> None:
    proposal = owner.send(_photo(_made("till")))
    assert owner.tap(proposal, "Cancel") == "OK — nothing recorded, and the photo is deleted."
    assert _entries(engine) == [] and _receipts(engine) == []


def test_a_till_slip_is_an_m_pesa_payment(owner: ChatTester, engine: Engine) -> None:
    made = _made("till")
    owner.tap(owner.send(_photo(made)), "Record")
    [entry] = _entries(engine)
    assert entry.channel == "mpesa" and entry.amount_cents == int(made.total * 100)


def test_a_caption_names_the_category(owner: ChatTester) -> None:
    reply = owner.send(_photo(_made("supermarket")), caption="meals")
    assert "— meals?" in reply.text


def test_a_merchant_filed_before_keeps_its_category(owner: ChatTester) -> None:
    made = _made("supermarket")
    owner.say(f"paid {made.merchant} 300 for supplies")
    assert "— supplies?" in owner.send(_photo(made)).text


def _no_total_receipt() -> bytes:
    image = Image.new("L", (720, 300), 255)
    pen = ImageDraw.Draw(image)
    from PIL import ImageFont

    font = ImageFont.truetype(str(FONTS / "DejaVuSansMono.ttf"), 28)
    for n, line in enumerate(["MWANGI GENERAL STORES", "DATE: 25/11/2026", "THANK YOU, KARIBU TENA"]):
        pen.text((40, 40 + n * 60), line, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_a_receipt_without_a_readable_total_asks_for_it(owner: ChatTester, engine: Engine) -> None:
    data = _no_total_receipt()
    reply = owner.send(Attachment("image", "image/png", data=data, size=len(data)))
    assert reply.text.startswith("🧾 I read a receipt from Mwangi General Stores dated Wed 25 Nov")
    assert reply.text.endswith("How much was it?")
    assert _entries(engine) == []
    assert "Recorded expense: Ksh 1,250" in owner.say("1,250")
    [entry] = _entries(engine)
    assert entry.receipt_id is not None and entry.occurred_on == date(2026, 11, 25)


def test_a_pdf_receipt_is_read_from_its_own_text(owner: ChatTester) -> None:
    pdf = FPDF(format=(80, 120))
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    for line in ["NAIVAS LIMITED", "Date: 27-11-2026 10:42", "BREAD 400G      70.00", "TOTAL KES   1,870.00"]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    reply = owner.send(Attachment("document", "application/pdf", data=data, filename="receipt.pdf", size=len(data)))
    assert reply.text.startswith("🧾 Ksh 1,870 at Naivas, Fri 27 Nov — stock?")


def test_a_picture_that_is_no_picture_gets_a_plain_answer(owner: ChatTester, engine: Engine) -> None:
    reply = owner.send(Attachment("image", "image/jpeg", data=b"\xff\xd8 not really", size=12))
    assert reply.text.startswith("📷 I couldn't open that picture.")
    assert _receipts(engine) == []


def test_a_blank_picture_is_said_to_have_no_writing(owner: ChatTester) -> None:
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 180, 150)).save(out, "JPEG")
    reply = owner.send(Attachment("image", "image/jpeg", data=out.getvalue()))
    assert reply.text.startswith("📷 I couldn't find any writing on that picture.")


def test_a_viewer_cannot_book_a_receipt(engine: Engine, owner: ChatTester) -> None:
    with Session(engine) as session:
        member = session.exec(select(Member)).one()
        member.role = "viewer"
        session.add(member)
        session.commit()
    reply = owner.send(_photo(_made("supermarket")))
    assert reply.text.startswith("Your role (viewer) can't do that")
    assert _receipts(engine) == []


def test_swahili_proposal(engine: Engine) -> None:
    chat = ChatTester(engine, TODAY)
    chat.say("habari")
    chat.say("Duka la Mama Amina")
    chat.say("nimelipa kodi 500")
    made = _made("supermarket")
    reply = chat.send(_photo(made), caption="bidhaa")
    assert reply.text.startswith(f"🧾 {_shown(made.total)} kwa {made.merchant}, ")
    assert reply.choices == ["Rekodi", "Badilisha", "Ghairi"]
    assert "imerekodiwa" in chat.tap(reply, "Rekodi").lower() or "Nimerekodi" in chat.pop() if chat.replies else True


def test_receipt_pictures_expire_with_the_messages(owner: ChatTester, engine: Engine) -> None:
    owner.tap(owner.send(_photo(_made("hardware"))), "Record")
    sweep(engine, now=utcnow() + timedelta(days=91))
    [kept] = _receipts(engine)
    assert kept.data is None and kept.text is None
    assert _entries(engine)[0].receipt_id == kept.id  # the entry still says it came from a receipt


def test_the_pipeline_reads_the_picture_before_the_transaction(owner: ChatTester) -> None:
    from conversations.messages import IncomingMessage

    message = IncomingMessage(channel="test", sender="owner", attachments=(_photo(_made("fuel")),))
    scanned = owner.conversation.scan(message).scanned
    assert scanned is not None and scanned.engine == "tesseract" and "PETROL" in scanned.text.upper()
    assert owner.conversation.scan(IncomingMessage(channel="test", sender="owner", text="hi")).scanned is None


def test_created_at_is_timezone_aware(owner: ChatTester, engine: Engine) -> None:
    owner.send(_photo(_made("till")))
    [kept] = _receipts(engine)
    assert isinstance(kept.created_at, datetime) and kept.created_at.tzinfo is not None


def test_the_data_export_holds_the_receipt_photo(owner: ChatTester, engine: Engine) -> None:
    import zipfile

    from finance.documents.data_export import business_export
    from finance.models import Business

    made = _made("supermarket")
    owner.tap(owner.send(_photo(made)), "Record")
    [entry] = _entries(engine)
    with Session(engine) as session:
        business = session.exec(select(Business)).one()
        archive = zipfile.ZipFile(io.BytesIO(business_export(session, business=business)))
    name = next(n for n in archive.namelist() if "/receipts/" in n)
    assert name.endswith(f"{entry.occurred_on.isoformat()}-{entry.id}.png")
    assert archive.read(name) == made.image
