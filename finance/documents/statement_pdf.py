"""A period's statement as an A4 PDF (fpdf2): income, expenses by category, profit, the cash flow
with its chart, top customers, unpaid invoices and budgets. In English, the language lenders and
accountants read it in."""

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from sqlalchemy import func
from sqlmodel import Session, col, select

from finance.charts.cashflow import cashflow_png
from finance.charts.data import CashflowData
from finance.documents.invoice_pdf import INK, MUTED, latin
from finance.documents.pdf_parts import heading, pairs
from finance.models import Business, Customer, Invoice, Kind, Member, Transaction
from finance.money import ZERO, format_money, from_cents
from finance.services.budgets import statuses
from finance.services.chart_data import daily, expenses_by_category
from finance.services.invoices import balance as owed
from finance.services.invoices import state
from finance.services.kpis import kpis
from finance.services.reports import summarise

TOP_CUSTOMERS = 5


@dataclass(frozen=True)
class Statement:
    pdf: bytes
    filename: str


def statement_pdf(session: Session, *, actor: Member, business: Business, start: date, end: date) -> Statement:
    def m(amount: Decimal) -> str:
        return latin(format_money(amount, business.currency))

    summary = summarise(session, actor=actor, start=start, end=end)
    flows = daily(session, actor=actor, start=start, end=end)
    opening = flows.balance[0] - flows.money_in[0] + flows.money_out[0]
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, latin(business.name), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_text_color(*MUTED)
    period = f"Statement {start.strftime('%d %b %Y')} - {end.strftime('%d %b %Y')}"
    pdf.cell(0, 6, period, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    heading(pdf, "Summary")
    pairs(
        pdf,
        [
            ("Income", m(summary.income)),
            ("Expenses", m(summary.expenses)),
            ("Profit" if summary.profit >= 0 else "Loss", m(abs(summary.profit))),
            ("Opening balance", m(opening)),
            ("Closing balance", m(flows.balance[-1])),
            ("Entries", str(summary.count)),
        ],
    )
    figures = kpis(session, actor=actor, today=end)
    key_figures = [
        ("Owed by customers", m(figures.receivable)),
        ("Days sales outstanding (90 days)", f"{figures.dso} days" if figures.dso is not None else "-"),
        (
            "Average days to pay",
            f"{figures.average_days_to_pay} days" if figures.average_days_to_pay is not None else "-",
        ),
        (
            "Income on last month, same day",
            f"{figures.income_change:+d}%" if figures.income_change is not None else "-",
        ),
    ]
    key_figures += [(f"  {p.name} pays in", f"{p.days} days ({p.invoices} invoices)") for p in figures.paces[:5]]
    heading(pdf, "Key figures")
    pairs(pdf, key_figures)
    heading(pdf, "Expenses by category")
    categories = expenses_by_category(session, actor=actor, start=start, end=end)
    pairs(pdf, [(c.replace("_", " "), m(v)) for c, v in categories] or [("No expenses", "")])
    heading(pdf, "Cash flow")
    chart = cashflow_png(
        CashflowData(flows.days, flows.money_in, flows.money_out, flows.balance), title=f"{business.name}: cash flow"
    )
    pdf.image(io.BytesIO(chart), w=150)
    heading(pdf, "Top customers")
    pairs(pdf, [(latin(name), m(v)) for name, v in _top_customers(session, actor, start, end)] or [("None yet", "")])
    heading(pdf, "Unpaid invoices")
    unpaid = _unpaid(session, actor, end)
    pairs(pdf, unpaid or [("None", "")])
    heading(pdf, "Budgets")
    found = statuses(session, actor=actor, today=end)
    pairs(
        pdf,
        [
            (f"{b.category.replace('_', ' ')} ({b.period})", f"{m(b.spent)} of {m(b.limit)} ({b.percent}%)")
            for b in found
        ]
        or [("None set", "")],
    )
    name = f"statement-{start.isoformat()}-{end.isoformat()}.pdf"
    return Statement(bytes(pdf.output()), name)


def _top_customers(session: Session, actor: Member, start: date, end: date) -> list[tuple[str, Decimal]]:
    rows = session.exec(
        select(Transaction.counterparty, func.sum(Transaction.amount_cents))
        .where(
            col(Transaction.business_id) == actor.business_id,
            col(Transaction.deleted_at).is_(None),
            col(Transaction.kind) == Kind.income.value,
            col(Transaction.counterparty).is_not(None),
            col(Transaction.occurred_on) >= start,
            col(Transaction.occurred_on) <= end,
        )
        .group_by(Transaction.counterparty)
        .order_by(func.sum(Transaction.amount_cents).desc())
        .limit(TOP_CUSTOMERS)
    ).all()
    return [(str(name), from_cents(int(cents or 0))) for name, cents in rows]


def _unpaid(session: Session, actor: Member, today: date) -> list[tuple[str, str]]:
    found = session.exec(
        select(Invoice, Customer)
        .join(Customer, col(Customer.id) == col(Invoice.customer_id))
        .where(col(Invoice.business_id) == actor.business_id, col(Invoice.credit_note_for_id).is_(None))
        .order_by(col(Invoice.due_on))
    ).all()
    lines = []
    for invoice, customer in found:
        if state(invoice, today) in ("paid", "cancelled", "draft") or owed(invoice) <= ZERO:
            continue
        late = (today - invoice.due_on).days
        when = f"{late} days late" if late > 0 else f"due {invoice.due_on.strftime('%d %b')}"
        lines.append((f"{invoice.number} {customer.name}", f"{latin(format_money(owed(invoice), 'KES'))} ({when})"))
    return lines
