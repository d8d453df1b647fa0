"""Recurring entries (06:00): each occurrence due is recorded on its day, once, and told to the owner
with an Undo button (the notice waits for the end of their quiet hours)."""

from conversations.display import day, money
from conversations.handlers.recurring import how_often
from conversations.nudges.plan import Books, Nudge
from conversations.nudges.words import LANGUAGES, both
from conversations.texts import t
from conversations.undo_buttons import UNDO_ENTRY
from finance.categories import category_label
from finance.models.recurring import Recurring
from finance.money import from_cents
from finance.services.recurring import record_due


def recurring(books: Books) -> list[Nudge]:
    found: list[Nudge] = []
    for txn in record_due(books.session, actor=books.member, today=books.today):
        schedule = books.session.get(Recurring, txn.recurring_id)
        if schedule is None:
            continue

        def write(b: Books, txn=txn, schedule: Recurring = schedule) -> str:
            lang = b.lang
            return t("recurring_recorded", lang, kind=t(txn.kind, lang),
                     amount=money(from_cents(txn.amount_cents), lang, b.business.currency),
                     what=schedule.counterparty or category_label(txn.category, lang),
                     every=how_often(schedule, lang), day=day(txn.occurred_on, b.today, lang))  # fmt: skip

        choices = {lang: [t("undo_button", lang)] for lang in LANGUAGES}
        question = (UNDO_ENTRY, {"transaction_ids": [txn.id]})
        found.append(Nudge("recurring", f"txn:{txn.id}", both(books, write), choices, question))
    return found
