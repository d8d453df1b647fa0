"""GET /i/{token}: an invoice for the customer — a small mobile page with the amount due and how to
pay, and GET /i/{token}.pdf, the PDF itself. The token is unguessable; nothing else is exposed."""

import asyncio
from html import escape

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.engine import Engine

from finance.clock import today_in
from finance.db import session_scope
from finance.documents.invoice_pdf import PayDetails, pdf_for
from finance.models import Business, Customer
from finance.money import format_money, from_cents
from finance.services.invoices import balance, by_share_token, state

router = APIRouter()

_STATES = {
    "sent": "Awaiting payment",
    "draft": "Draft",
    "partial": "Part paid",
    "overdue": "Overdue",
    "paid": "Paid — thank you!",
    "cancelled": "Cancelled",
}


def _page(engine: Engine | None, token: str) -> str | None:
    with session_scope(engine) as session:
        invoice = by_share_token(session, token)
        if invoice is None:
            return None
        business = session.get(Business, invoice.business_id)
        customer = session.get(Customer, invoice.customer_id)
        assert business is not None and customer is not None
        owed = balance(invoice)
        now = state(invoice, today_in(business.timezone))
        pay = PayDetails(business.mpesa_paybill, business.mpesa_till, invoice.number, owed)
        how = "".join(f"<li>{escape(line)}</li>" for line in pay.lines()) if owed > 0 else ""
        title = f"{'Credit note' if invoice.credit_note_for_id else 'Invoice'} {invoice.number}"
        return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)} · {escape(business.name)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:28rem;margin:1.5rem auto;padding:0 1rem;color:#212529}}
h1{{font-size:1.3rem;margin:0}}.due{{font-size:2rem;font-weight:700;color:#008060;margin:.8rem 0}}
.muted{{color:#6c757d}}a.button{{display:inline-block;background:#008060;color:#fff;padding:.7rem 1.1rem;
border-radius:.5rem;text-decoration:none;margin-top:1rem}}</style></head><body>
<h1>{escape(business.name)}</h1>
<p class="muted">{escape(title)} for {escape(customer.name)} · due {invoice.due_on:%d %b %Y}</p>
<p class="due">{escape(format_money(owed))}</p>
<p><strong>{escape(_STATES.get(now, now))}</strong> · total {escape(format_money(from_cents(invoice.total_cents)))}</p>
<ul>{how}</ul>
<a class="button" href="/i/{escape(token)}.pdf">Download PDF</a>
</body></html>"""


def _pdf(engine: Engine | None, token: str) -> tuple[str, bytes] | None:
    with session_scope(engine) as session:
        invoice = by_share_token(session, token)
        return None if invoice is None else (invoice.number, pdf_for(session, invoice))


@router.get("/i/{token}.pdf")
async def invoice_pdf(token: str, request: Request) -> Response:
    found = await asyncio.to_thread(_pdf, request.app.state.conversation.engine, token)
    if found is None:
        raise HTTPException(status_code=404, detail="no such invoice")
    number, data = found
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{number}.pdf"', "Cache-Control": "no-store"},
    )


@router.get("/i/{token}")
async def invoice_page(token: str, request: Request) -> HTMLResponse:
    page = await asyncio.to_thread(_page, request.app.state.conversation.engine, token)
    if page is None:
        raise HTTPException(status_code=404, detail="no such invoice")
    return HTMLResponse(page, headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"})
