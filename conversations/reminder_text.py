"""The reminder a customer receives about what they owe: polite, with the invoices, how to pay and
the invoice's page. Written the same whether the owner asked ("remind Otieno") or the schedule did."""

from datetime import date

from conversations.display import day, money
from conversations.texts import t
from finance.models import Business, Customer, Invoice
from finance.money import ZERO
from finance.services.invoices import balance, state


def first_name(customer: Customer) -> str:
    return customer.name.split()[0] if customer.name.split() else customer.name


def how_to_pay(business: Business, account: str, lang: str) -> str:
    if business.mpesa_paybill:
        return t("how_paybill", lang, paybill=business.mpesa_paybill, account=account)
    if business.mpesa_till:
        return t("how_till", lang, till=business.mpesa_till)
    return ""


def invoice_url(public_url: str | None, invoice: Invoice) -> str | None:
    return f"{public_url.rstrip('/')}/i/{invoice.share_token}" if public_url and invoice.share_token else None


def reminder_text(
    business: Business, customer: Customer, invoices: list[Invoice], today: date, lang: str, public_url: str | None
) -> str:
    """`invoices`: what the customer owes, oldest first; the oldest sets the due words and the link."""
    oldest = invoices[0]
    overdue = state(oldest, today) == "overdue"
    url = invoice_url(public_url, oldest)
    return t(
        "reminder_text",
        lang,
        first=first_name(customer),
        business=business.name,
        numbers=", ".join(i.number for i in invoices),
        total=money(sum((balance(i) for i in invoices), ZERO), lang),
        due_words=t("reminder_overdue" if overdue else "reminder_due", lang, due=day(oldest.due_on, today, lang)),
        how=how_to_pay(business, oldest.number, lang),
        link=t("reminder_link", lang, url=url) if url else "",
    )
