"""The pieces the report PDFs share: a section heading and label-value rows."""

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from finance.documents.invoice_pdf import ACCENT, INK, latin


def heading(pdf: FPDF, text: str, space: float = 3) -> None:
    pdf.ln(space)
    pdf.set_font("Helvetica", "B", 13)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 8, latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "", 11)


def pairs(pdf: FPDF, rows: list[tuple[str, str]], label_width: float = 100) -> None:
    for label, value in rows:
        pdf.cell(label_width, 6, latin(label)[: int(label_width * 0.6)])
        pdf.cell(0, 6, latin(value), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
