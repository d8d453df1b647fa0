"""Invoice PDFs opened and read back: text, totals, the QR code's payment details, and one page
rendered to an image so layout breakage shows."""

import io
from datetime import date
from decimal import Decimal

import pypdfium2
from pypdf import PdfReader
from sqlalchemy.engine import Engine
from sqlmodel import Session

from finance.documents.invoice_pdf import PayDetails, pdf_for
from finance.models import Business
from finance.services.customers import add_customer
from finance.services.invoices import LineIn, create_invoice, credit_note
from finance.services.payments import PaymentIn, receive
from tests.finance.test_invoices import AT, owner_of

DAY = date(2026, 11, 22)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def test_invoice_pdf_shows_what_a_tax_invoice_needs(engine: Engine) -> None:
    with Session(engine) as session:
        owner = owner_of(session)
        business = session.get(Business, owner.business_id)
        assert business is not None
        business.name, business.kra_pin, business.mpesa_paybill = "Wanjiru Hardware Ltd", "P051234567X", "522533"
        jane = add_customer(session, actor=owner, name="Jane Achieng", phone="0798123456")
        invoice = create_invoice(
            session,
            actor=owner,
            customer=jane,
            issued_on=DAY,
            lines=[
                LineIn("Bags of cement 50kg", Decimal(3), Decimal(750)),
                LineIn("Nails 1kg", Decimal(2), Decimal(180)),
            ],
            vat=True,
        )
        receive(session, actor=owner, pin=PaymentIn(Decimal(1000), AT, "cash"), invoice=invoice)
        pdf = pdf_for(session, invoice, "https://kavi.example/i/abc")
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    for expected in (
        "Wanjiru Hardware Ltd",
        "KRA PIN: P051234567X",
        "INVOICE",
        "INV-0001",
        "Jane Achieng",
        "Bags of cement 50kg",
        "Ksh 2,610",  # 3 x 750 + 2 x 180
        "Ksh 417.60",  # VAT 16%
        "Ksh 3,027.60",  # total
        "Ksh 2,027.60",  # due after the 1,000 paid
        "M-PESA Paybill: 522533",
        "Account number: INV-0001",
        "Due: 29 Nov 2026",
        "https://kavi.example/i/abc",
    ):
        assert expected in text, expected


def test_the_qr_code_carries_the_payment_details() -> None:
    details = PayDetails("522533", None, "INV-0001", Decimal("2027.60"))
    assert details.qr_text() == "PAYBILL 522533 ACC INV-0001 KES 2027.6 REF INV-0001"
    till = PayDetails(None, "832910", "INV-0002", Decimal(500))
    assert till.lines() == ["M-PESA Buy Goods till: 832910", "Reference: INV-0002"]


def test_credit_note_pdf_and_a_page_rendered_to_an_image(engine: Engine) -> None:
    with Session(engine) as session:
        owner = owner_of(session)
        customer = add_customer(session, actor=owner, name="Ōtieno Çakır 🙂")  # beyond Latin-1: simplified, not lost
        invoice = create_invoice(session, actor=owner, customer=customer, issued_on=DAY, total=Decimal(5000))
        note = credit_note(session, actor=owner, invoice=invoice, amount=Decimal(1200), reason="2 bags returned")
        pdf = pdf_for(session, note)
        invoice_pdf = pdf_for(session, invoice)
    text = _text(pdf)
    assert "CREDIT NOTE" in text and "CN-0001" in text and "Against invoice INV-0001" in text
    assert "Ksh 1,200" in text and "2 bags returned" in text and "Otieno" in text
    assert "Ksh 3,800" in _text(invoice_pdf)  # the invoice now shows what is still due
    document = pypdfium2.PdfDocument(invoice_pdf)
    image = document[0].render(scale=1).to_pil()
    document.close()
    assert image.size == (596, 842)  # A4 (595.3 x 841.9 points) at 72 dpi
    # Something is drawn in the top band (the header) and in the QR's corner, and most of it is paper.
    grey = image.convert("L")
    header = grey.crop((40, 30, 300, 70))
    assert header.getextrema()[0] < 100
    histogram = grey.histogram()
    assert sum(histogram[200:]) / sum(histogram) > 0.8
    # Nothing runs into the right-hand margin (a column too wide would).
    assert grey.crop((580, 0, 596, 842)).getextrema()[0] > 200
