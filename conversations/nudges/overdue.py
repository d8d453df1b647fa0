"""Overdue invoices, to the owner (09:00): the day after the due date and then weekly, unless snoozed,
each with buttons to remind the customer, ask for an M-Pesa payment, or snooze a week."""

from conversations.display import day, money
from conversations.nudges.plan import Books, Nudge
from conversations.nudges.words import LANGUAGES
from conversations.texts import t
from finance.models import Customer
from finance.services.invoices import balance as owed_on
from finance.services.invoices import open_invoices, state

EVERY_DAYS = 7
OVERDUE_QUESTION = "overdue_nudge"
ACTIONS = ("overdue_remind", "overdue_request", "overdue_snooze")


def overdue(books: Books) -> list[Nudge]:
    found: list[Nudge] = []
    today = books.today
    for invoice in open_invoices(books.session, business_id=books.business.id or 0):
        if state(invoice, today) != "overdue":
            continue
        late = (today - invoice.due_on).days
        if invoice.snoozed_until is not None:
            if today < invoice.snoozed_until:
                continue
            due_now = today == invoice.snoozed_until or (today - invoice.snoozed_until).days % EVERY_DAYS == 0
        else:
            due_now = (late - 1) % EVERY_DAYS == 0
        if not due_now:
            continue
        customer = books.session.get(Customer, invoice.customer_id)
        name = customer.name if customer is not None else "?"
        owed = owed_on(invoice)

        text = {
            lang: t("overdue_nudge", lang, number=invoice.number, customer=name,
                    owed=money(owed, lang, books.business.currency), due=day(invoice.due_on, today, lang),
                    late=t("late_one" if late == 1 else "late_many", lang, days=late))
            for lang in LANGUAGES
        }  # fmt: skip
        choices = {lang: [t(a, lang, customer=name) for a in ACTIONS] for lang in LANGUAGES}
        slots = {"invoice_id": invoice.id, "number": invoice.number, "customer": name, "owed": str(owed),
                 "labels": choices}  # fmt: skip
        found.append(Nudge("overdue", f"invoice:{invoice.id}", text, choices, (OVERDUE_QUESTION, slots)))
    return found
