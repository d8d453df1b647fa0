"""The morning digest (07:30): yesterday's money in and out, the balance, invoices that became overdue,
budgets past 80 %, and what is due to come in today. Nothing to say: no digest."""

from datetime import timedelta

from conversations.display import money
from conversations.nudges.plan import Books, Nudge
from conversations.nudges.words import both
from conversations.texts import t
from finance.categories import category_label
from finance.models import Customer, Invoice
from finance.services.budgets import statuses
from finance.services.invoices import balance as owed_on
from finance.services.invoices import open_invoices, state
from finance.services.reports import balance, summarise

BUDGET_WATCH = 80


def _invoice_item(books: Books, invoice: Invoice) -> str:
    customer = books.session.get(Customer, invoice.customer_id)
    name = customer.name if customer is not None else "?"
    return f"{invoice.number} {name} {money(owed_on(invoice), books.lang, books.business.currency)}"


def digest(books: Books) -> list[Nudge]:
    session, actor, today = books.session, books.member, books.today
    yesterday = today - timedelta(days=1)
    day = summarise(session, actor=actor, start=yesterday, end=yesterday)
    invoices = [i for i in open_invoices(session, business_id=books.business.id or 0) if i.status != "draft"]
    newly_late = [i for i in invoices if i.due_on == yesterday and state(i, today) == "overdue"]
    due_today = [i for i in invoices if i.due_on == today]
    watched = [s for s in statuses(session, actor=actor, today=today) if s.percent >= BUDGET_WATCH]
    if not (day.count or newly_late or due_today or watched):
        return []

    def write(b: Books) -> str:
        lang, currency = b.lang, b.business.currency
        now = balance(session, actor=actor, as_of=today)
        lines = [
            t("digest_head", lang, money_in=money(day.income, lang, currency),
              money_out=money(day.expenses, lang, currency), balance=money(now, lang, currency))
            if day.count
            else t("digest_quiet_day", lang, balance=money(now, lang, currency))
        ]  # fmt: skip
        if newly_late:
            lines.append(t("digest_overdue", lang, items="; ".join(_invoice_item(b, i) for i in newly_late)))
        if watched:
            items = "; ".join(
                f"{category_label(s.category, lang)} {s.percent}% ({money(s.spent, lang, currency)} / "
                f"{money(s.limit, lang, currency)})"
                for s in watched
            )
            lines.append(t("digest_budgets", lang, items=items))
        if due_today:
            lines.append(t("digest_expected", lang, items="; ".join(_invoice_item(b, i) for i in due_today)))
        return "\n".join(lines)

    return [Nudge("digest", "digest", both(books, write))]
