"""An invoice (or credit note) as a one-page A4 PDF: who, what, VAT, totals, how to pay, and a QR
code of the payment details, drawn with fpdf2 (pure Python)."""

import io
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from sqlmodel import Session

from finance.models import Business, Customer, Invoice, InvoiceItem
from finance.money import CENT, format_foreign, format_money, format_rate, from_cents, plain, to_cents
from finance.services.invoices import balance, items_of
from finance.tax import TAX_CLASSES

INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (0, 128, 96)


@dataclass(frozen=True)
class PayDetails:
    """How the customer pays: paybill with the invoice number as account, or a till."""

    paybill: str | None
    till: str | None
    account: str
    amount: Decimal

    def lines(self) -> list[str]:
        if self.paybill:
            return [f"M-PESA Paybill: {self.paybill}", f"Account number: {self.account}"]
        if self.till:
            return [f"M-PESA Buy Goods till: {self.till}", f"Reference: {self.account}"]
        return [f"Quote {self.account} when you pay."]

    def qr_text(self) -> str:
        where = (
            f"PAYBILL {self.paybill} ACC {self.account}" if self.paybill else f"TILL {self.till}" if self.till else ""
        )
        return f"{where} KES {plain(self.amount)} REF {self.account}".strip()


def latin(text: str) -> str:
    """The PDF core fonts are Latin-1: accents kept where they exist, anything else simplified."""
    out = []
    for ch in text:
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            plain_ch = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(plain_ch or "?")
    return "".join(out)


def _money(cents: int, currency: str | None = None) -> str:
    amount = from_cents(cents)
    return latin(format_foreign(amount, currency) if currency else format_money(amount))


def _said(item: InvoiceItem) -> int:
    """A line's amount before VAT in the invoice's own currency (its cents, or what the customer was quoted)."""
    if item.original_unit_price_cents is None:
        return item.total_cents - item.tax_cents
    return to_cents((item.quantity * from_cents(item.original_unit_price_cents)).quantize(CENT))


def _qty(quantity: Decimal) -> str:
    return plain(quantity.normalize() if quantity == quantity.to_integral_value() else quantity)


class _Page(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, "Made with KAVI", align="C")


def render_invoice(
    *,
    business: Business,
    customer: Customer,
    invoice: Invoice,
    items: list[InvoiceItem],
    owed: Decimal,
    share_url: str | None = None,
    original_number: str | None = None,
) -> bytes:
    credit_note = invoice.credit_note_for_id is not None
    pdf = _Page(format="A4")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_title(latin(f"{'Credit note' if credit_note else 'Invoice'} {invoice.number}"))
    pdf.set_author(latin(business.name))
    pdf.add_page()
    _header(pdf, business, invoice, credit_note, original_number)
    _parties(pdf, customer, invoice, credit_note)
    _items(pdf, invoice, items)
    _totals(pdf, invoice, items, owed, credit_note)
    if not credit_note and owed > 0:
        _how_to_pay(pdf, business, invoice, owed, share_url)
    if invoice.notes:
        pdf.ln(4)
        pdf.set_font("Helvetica", size=9)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(0, 5, latin(invoice.notes))
    return bytes(pdf.output())


def _header(pdf: FPDF, business: Business, invoice: Invoice, credit_note: bool, original: str | None) -> None:
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(120, 10, latin(business.name))
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 10, "CREDIT NOTE" if credit_note else "INVOICE", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(*MUTED)
    pdf.cell(120, 6, latin(f"KRA PIN: {business.kra_pin}") if business.kra_pin else "")
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 6, invoice.number, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if original:
        pdf.set_font("Helvetica", size=10)
        pdf.cell(0, 6, f"Against invoice {original}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)


def _parties(pdf: FPDF, customer: Customer, invoice: Invoice, credit_note: bool) -> None:
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(*MUTED)
    pdf.cell(100, 6, "Bill to")
    pdf.cell(0, 6, f"Date: {_day(invoice.issued_on)}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(100, 6, latin(customer.name))
    pdf.set_font("Helvetica", size=10)
    due = "" if credit_note else f"Due: {_day(invoice.due_on)}"
    pdf.cell(0, 6, due, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if customer.phone:
        pdf.cell(100, 6, customer.phone, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)


def _items(pdf: FPDF, invoice: Invoice, items: list[InvoiceItem]) -> None:
    widths = (86, 18, 30, 22, 34)
    heads = ("Description", "Qty", "Unit price", "VAT", "Amount")
    pdf.set_fill_color(240, 244, 242)
    pdf.set_font("Helvetica", "B", 10)
    for width, head in zip(widths, heads, strict=True):
        pdf.cell(width, 8, head, border="B", fill=True, align="L" if head == "Description" else "R")
    pdf.ln()
    pdf.set_font("Helvetica", size=10)
    for item in items:
        vat = TAX_CLASSES[item.tax_class][0] if item.tax_class else "-"
        foreign = invoice.currency if item.original_unit_price_cents is not None else None
        row = (
            latin(item.description)[:48],
            _qty(item.quantity),
            _money(item.original_unit_price_cents or 0, foreign) if foreign else _money(item.unit_price_cents),
            latin(vat.replace("VAT ", "")),
            _money(_said(item), foreign) if foreign else _money(item.total_cents - item.tax_cents),
        )
        for width, value, head in zip(widths, row, heads, strict=True):
            pdf.cell(width, 7, value, border="B", align="L" if head == "Description" else "R")
        pdf.ln()
    pdf.ln(2)


def _totals(pdf: FPDF, invoice: Invoice, items: list[InvoiceItem], owed: Decimal, credit_note: bool) -> None:
    if invoice.currency and invoice.original_total_cents is not None and invoice.rate is not None:
        # Quoted in the customer's currency; kept and paid (by M-Pesa) in shillings at the day's rate.
        subtotal = sum(_said(item) for item in items)
        cur = invoice.currency
        rows = [("Subtotal", _money(subtotal, cur)), ("VAT", _money(invoice.original_total_cents - subtotal, cur))]
        rows.append(("Total", _money(invoice.original_total_cents, cur)))
        rows.append(("In Ksh", _money(invoice.total_cents)))
    else:
        rows = [("Subtotal", _money(invoice.subtotal_cents)), ("VAT", _money(invoice.tax_cents))]
        rows.append(("Total", _money(invoice.total_cents)))
    if not credit_note:
        if invoice.credited_cents:
            rows.append(("Credited", "-" + _money(invoice.credited_cents)))
        if invoice.paid_cents:
            rows.append(("Paid", "-" + _money(invoice.paid_cents)))
        rows.append(("Amount due", latin(format_money(owed))))
    for label, value in rows:
        strong = label in ("Total", "Amount due")
        pdf.set_font("Helvetica", "B" if strong else "", 11 if strong else 10)
        pdf.cell(136, 7, "")
        pdf.cell(24, 7, label, align="R")
        pdf.cell(30, 7, value, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if invoice.currency and invoice.rate is not None:
        pdf.set_font("Helvetica", size=9)
        pdf.set_text_color(*MUTED)
        rate = latin(format_rate(invoice.rate.normalize()))
        pdf.cell(0, 6, f"1 {invoice.currency} = {rate} on {_day(invoice.issued_on)}", align="R")
        pdf.set_text_color(*INK)
        pdf.ln(6)


def _how_to_pay(pdf: FPDF, business: Business, invoice: Invoice, owed: Decimal, share_url: str | None) -> None:
    details = PayDetails(business.mpesa_paybill, business.mpesa_till, invoice.number, owed)
    pdf.ln(6)
    top = pdf.get_y()
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 7, "How to pay", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", size=10)
    for line in [*details.lines(), f"Amount: {latin(format_money(owed))}"]:
        pdf.cell(120, 6, latin(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if share_url:
        pdf.set_text_color(*MUTED)
        pdf.cell(120, 6, latin(share_url), link=share_url, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    png = io.BytesIO()
    segno.make(details.qr_text(), error="m").save(png, kind="png", scale=6, border=2)
    png.seek(0)
    pdf.image(png, x=pdf.w - pdf.r_margin - 34, y=top, w=34, h=34)
    pdf.set_y(max(pdf.get_y(), top + 36))


def _day(day: date) -> str:
    return day.strftime("%d %b %Y")


def pdf_for(session: Session, invoice: Invoice, share_url: str | None = None) -> bytes:
    """The PDF of a stored invoice or credit note, as it stands now (amount due after payments)."""
    business = session.get(Business, invoice.business_id)
    customer = session.get(Customer, invoice.customer_id)
    if business is None or customer is None:
        raise LookupError(f"invoice {invoice.id} without its business or customer")
    original = session.get(Invoice, invoice.credit_note_for_id) if invoice.credit_note_for_id else None
    return render_invoice(
        business=business,
        customer=customer,
        invoice=invoice,
        items=items_of(session, invoice),
        owed=balance(invoice),
        share_url=share_url,
        original_number=original.number if original else None,
    )
