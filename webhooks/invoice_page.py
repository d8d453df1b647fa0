"""GET /i/{token}: an invoice for the customer — a small mobile page with the amount due and how to
pay, and GET /i/{token}.pdf, the PDF itself. The token is unguessable; nothing else is exposed. A
paid or cancelled invoice's link expires 90 days on (410, a friendly page); an open one's never does."""

import asyncio
from dataclasses import dataclass
from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.engine import Engine
from sqlmodel import Session

from finance.clock import today_in
from finance.db import session_scope
from finance.documents.invoice_pdf import PayDetails, pdf_for
from finance.models import Business, Customer, Invoice
from finance.money import format_money, from_cents
from finance.services.invoices import balance, by_share_token, share_link_expires_on, state

router = APIRouter()

_STATES = {
    "sent": "Awaiting payment",
    "draft": "Draft",
    "partial": "Part paid",
    "overdue": "Overdue",
    "paid": "Paid — thank you!",
    "cancelled": "Cancelled",
}
_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}


@dataclass(frozen=True)
class _Found:
    invoice: Invoice | None  # None: no such link
    business: Business | None = None
    expired: bool = False


def _find(session: Session, token: str) -> _Found:
    invoice = by_share_token(session, token)
    if invoice is None:
        return _Found(None)
    business = session.get(Business, invoice.business_id)
    assert business is not None
    last_day = share_link_expires_on(session, invoice)
    return _Found(invoice, business, expired=last_day is not None and last_day < today_in(business.timezone))


def _html(title: str, body: str, status: int = 200) -> HTMLResponse:
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><link rel="stylesheet" href="/static/invoice.css"></head><body>
{body}
</body></html>"""
    return HTMLResponse(page, status_code=status, headers=_HEADERS)


def _gone(found: _Found) -> HTMLResponse:
    if found.invoice is None or found.business is None:
        return _html("Not found", "<h1>No such invoice</h1><p class=muted>Check the link you were sent.</p>", 404)
    name = escape(found.business.name)
    return _html(
        f"Link expired · {found.business.name}",
        f"<h1>{name}</h1><p><strong>This link has expired.</strong></p>"
        f"<p class=muted>Ask {name} to send the invoice again if you need it.</p>",
        410,
    )


def _page(engine: Engine | None, token: str) -> HTMLResponse:
    with session_scope(engine) as session:
        found = _find(session, token)
        invoice, business = found.invoice, found.business
        if invoice is None or business is None or found.expired:
            return _gone(found)
        customer = session.get(Customer, invoice.customer_id)
        assert customer is not None
        owed = balance(invoice)
        now = state(invoice, today_in(business.timezone))
        pay = PayDetails(business.mpesa_paybill, business.mpesa_till, invoice.number, owed)
        how = "".join(f"<li>{escape(line)}</li>" for line in pay.lines()) if owed > 0 else ""
        title = f"{'Credit note' if invoice.credit_note_for_id else 'Invoice'} {invoice.number}"
        return _html(
            f"{title} · {business.name}",
            f"""<h1>{escape(business.name)}</h1>
<p class="muted">{escape(title)} for {escape(customer.name)} · due {invoice.due_on:%d %b %Y}</p>
<p class="due">{escape(format_money(owed))}</p>
<p><strong>{escape(_STATES.get(now, now))}</strong> · total {escape(format_money(from_cents(invoice.total_cents)))}</p>
<ul>{how}</ul>
<a class="button" href="/i/{escape(token)}.pdf">Download PDF</a>""",
        )


def _pdf(engine: Engine | None, token: str) -> Response:
    with session_scope(engine) as session:
        found = _find(session, token)
        if found.invoice is None or found.expired:
            return _gone(found)
        data = pdf_for(session, found.invoice)
        return Response(
            data,
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="{found.invoice.number}.pdf"', **_HEADERS},
        )


@router.get("/i/{token}.pdf")
async def invoice_pdf(token: str, request: Request) -> Response:
    return await asyncio.to_thread(_pdf, request.app.state.conversation.engine, token)


@router.get("/i/{token}")
async def invoice_page(token: str, request: Request) -> HTMLResponse:
    return await asyncio.to_thread(_page, request.app.state.conversation.engine, token)
