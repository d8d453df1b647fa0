"""Customers reminded by KAVI itself (10:00), only once the owner turned it on ("remind customers
automatically"): on the due date, then 3 and 7 days after; polite, with how to pay and the invoice's
page. It shares the key of a reminder the owner asks for that day, so a customer never gets two."""

from conversations.nudges.plan import Books, Nudge
from conversations.reminder_text import reminder_text
from finance.models import Customer, Invoice
from finance.services.invoices import open_invoices

REMIND_ON_DAYS = (0, 3, 7)  # days after the due date


def customer_reminders(books: Books) -> list[Nudge]:
    if not books.business.auto_remind:
        return []
    owed: dict[int, list[Invoice]] = {}
    for invoice in open_invoices(books.session, business_id=books.business.id or 0):
        if invoice.status != "draft":
            owed.setdefault(invoice.customer_id, []).append(invoice)
    found: list[Nudge] = []
    for customer_id, invoices in owed.items():
        invoices.sort(key=lambda i: (i.due_on, i.id or 0))
        customer = books.session.get(Customer, customer_id)
        today_due = [i for i in invoices if (books.today - i.due_on).days in REMIND_ON_DAYS]
        if customer is None or not customer.phone or not today_due:
            continue
        text = reminder_text(books.business, customer, invoices, books.today, books.lang, books.public_url)
        found.append(
            Nudge("customers", f"invoice:{invoices[0].id}", {books.lang: text}, phone=customer.phone,
                  customer=customer.name)
        )  # fmt: skip
    return found
