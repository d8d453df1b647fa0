"""What Gemini is told about the business, and which figures it may therefore quote."""

from dataclasses import dataclass
from decimal import Decimal

from conversations.display import money
from finance.categories import category_label
from finance.money import from_cents
from finance.services.snapshot import Snapshot

RULES = (
    "You are KAVI, a bookkeeping assistant for a small Kenyan business, answering in WhatsApp-sized messages "
    "(at most 5 short lines) in the user's language ({language}). Amounts are Kenyan shillings, written like "
    "'Ksh 1,500'. Use ONLY the figures in BUSINESS DATA below; never invent, estimate or round a figure that "
    "is not there, and say plainly when the data does not answer the question. When the user asks to record, "
    "look up or change something, call the matching function instead of answering in text. Today is {today}."
)


@dataclass(frozen=True)
class Context:
    text: str
    figures: frozenset[Decimal]  # every amount the text contains: the only ones an answer may quote


def build_context(snap: Snapshot, lang: str) -> Context:
    figures: set[Decimal] = set()

    def m(amount: Decimal) -> str:
        figures.add(abs(amount))
        return money(amount, "en")

    lines = ["BUSINESS DATA"]
    for label, summary in (("Last 30 days", snap.last_30_days), ("This month so far", snap.this_month)):
        lines.append(
            f"{label} ({summary.start} to {summary.end}): money in {m(summary.income)}, money out "
            f"{m(summary.expenses)}, profit {m(summary.profit)}, {summary.count} entries."
        )
        top = [f"{category_label(cat)} {m(value)}" for cat, value in list(summary.by_category.items())[:5]]
        if top:
            lines.append(f"  by category: {', '.join(top)}")
    lines.append(f"Balance (all money in minus out ever recorded): {m(snap.this_month.balance)}")
    if snap.recent:
        lines.append("Latest entries:")
        for txn in snap.recent:
            who = f" {txn.counterparty}" if txn.counterparty else ""
            lines.append(f"  {txn.occurred_on} {txn.kind} {m(from_cents(txn.amount_cents))} {txn.category}{who}")
    if snap.budgets:
        lines.append("Budgets: " + ", ".join(f"{cat} {m(amount)} {period}" for cat, period, amount in snap.budgets))
    else:
        lines.append("Budgets: none set.")
    lines.append(f"Unpaid invoices: {snap.unpaid_invoices}, owed {m(snap.unpaid_total)}.")
    lines.append("Credit score: not available yet.")
    return Context(text="\n".join(lines), figures=frozenset(figures))
