"""Budgets at 80 % and 100 % (13:00) that no chat reply has told yet (an entry by another member, a
recurring one, a forwarded statement): the same once-a-period claim the chat alert makes."""

from conversations.budget_alerts import alert_text
from conversations.nudges.plan import Books, Nudge
from conversations.nudges.words import both
from finance.services.budgets import claim_crossings


def budget_nudges(books: Books) -> list[Nudge]:
    found: list[Nudge] = []
    for current, threshold in claim_crossings(books.session, actor=books.member, today=books.today):

        def write(b: Books, current=current, threshold: int = threshold) -> str:
            return alert_text(b.lang, b.business.currency, current, threshold)

        subject = f"budget:{current.category}:{current.period}:{threshold}"
        found.append(Nudge("budgets", subject, both(books, write)))
    return found
