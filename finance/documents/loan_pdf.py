"""A one-page loan-readiness PDF the owner can send a lender: the figures, six months of income
against expenses as a chart, and the credit score's factors. In English, for the lender."""

import io
from datetime import date, timedelta
from decimal import Decimal

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from sqlmodel import Session

from finance.charts.data import IncomeExpensesData, PeriodTotals
from finance.charts.income_expenses import income_vs_expenses_png
from finance.charts.labels import ENGLISH_MONTHS
from finance.documents.invoice_pdf import INK, MUTED, latin
from finance.documents.pdf_parts import heading, pairs
from finance.models import Business, Member
from finance.money import ZERO, format_money
from finance.services.chart_data import buckets
from finance.services.credit import LOAN_MONTHS, LOAN_RATE, LoanReadiness

FACTOR_NAMES = {
    "history": "Months of records",
    "consistency": "Steady income (weekly spread)",
    "trend": "Income trend (last 6 weeks on the 6 before)",
    "margin": "Spending against income (90 days)",
    "customers": "Invoices paid on time",
    "bills": "Rent, utilities and loans paid (months of 6)",
    "buffer": "Cash buffer (days of spending)",
}
MONTHS = 6


def loan_pdf(session: Session, *, actor: Member, business: Business, today: date, found: LoanReadiness) -> bytes:
    def m(amount: Decimal) -> str:
        return latin(format_money(amount, business.currency))

    first = today.replace(day=1)
    for _ in range(MONTHS - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    _, months = buckets(session, actor=actor, start=first, end=today)
    income = sum((b.income for b in months), ZERO)
    expenses = sum((b.expenses for b in months), ZERO)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, latin(business.name), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 6, f"Loan readiness, {today.strftime('%d %b %Y')} - from the business's own records in KAVI")
    pdf.ln(10)
    heading(pdf, space=2, text="The request")
    pairs(
        pdf,
        label_width=130,
        rows=[
            ("Amount", m(found.amount)),
            (f"Instalment ({LOAN_MONTHS} months, {int(LOAN_RATE * 100)}% a year flat, assumed)", m(found.instalment)),
            ("Expected surplus, next 30 days (forecast)", m(found.surplus)),
            ("Readiness", "ready" if found.ready else "not yet"),
        ],
    )
    heading(pdf, space=2, text=f"The last {MONTHS} months")
    pairs(
        pdf,
        label_width=130,
        rows=[
            ("Income", m(income)),
            ("Expenses", m(expenses)),
            ("Profit" if income >= expenses else "Loss", m(abs(income - expenses))),
            ("Average monthly income", m((income / MONTHS).quantize(Decimal(1)))),
        ],
    )
    chart = income_vs_expenses_png(
        IncomeExpensesData([PeriodTotals(ENGLISH_MONTHS[b.start.month - 1], b.income, b.expenses) for b in months]),
        title=f"{business.name}: income vs expenses",
    )
    pdf.image(io.BytesIO(chart), w=125)
    heading(pdf, space=2, text=f"Credit score: {found.score.score}/100 ({found.score.band})")
    for factor in found.score.factors:
        figure = factor.figure if factor.known else "not enough records yet"
        pairs(
            pdf,
            label_width=130,
            rows=[(f"{FACTOR_NAMES[factor.name]}: {figure}", f"{factor.points} of {factor.weight}")],
        )
    pdf.ln(3)
    pdf.set_font("Helvetica", "I", 9)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(
        0,
        5,
        "Computed by KAVI from the records the business keeps. It informs; it decides nothing "
        "(Kenya Data Protection Act 2019, s.35).",
    )
    return bytes(pdf.output())
