"""The matching engine.

Payments are taken in the order they arrived. Each one is read for clues (invoice number,
phone, name), the customer is worked out, and the amount is set against that customer's
open balances: equal to one balance, to two together, or less (a part payment). Every
decision has a confidence and a reason; high confidence is applied (`auto`), medium is put
to the owner (`suggest`), low stays unmatched. Applied amounts reduce balances, so a second
instalment finds what is left. Who paid (the payer's phone and name) is not what for: an amount
that fits an invoice only as a share or a sum, in round figures, is asked about unless the payer
typed the account (`_specific`); in a batch run, two such instalments that settle an invoice
exactly are applied together (`_instalments`).
"""

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

from finance.reconciliation.batch import collector_paused
from finance.reconciliation.book import PAY_WINDOW_DAYS, Book, Clue, CustomerView, issued
from finance.reconciliation.model import Allocation, Decision, IncomingPayment, OpenInvoice
from finance.reconciliation.signals import invoice_number_in, is_hash, name_key, normal_phone

__all__ = ["AUTO", "SUGGEST", "Book", "apply", "decide", "reconcile"]

AUTO = 85  # at or above: applied without asking
SUGGEST = 40  # at or above: the owner is asked
STRONG = 90  # clues adding up to this: two independent ones (phone and name, name and reference...)
INSTALMENTS = 90  # two part payments put to the owner that together pay an invoice exactly
ROUND = Decimal(50)  # the smallest banknote: payments of every kind come in whole notes


def _clues(book: Book, payment: IncomingPayment) -> list[Clue]:
    """Each thing in the payment that points at a customer, with its points, in a fixed order."""
    clues: list[Clue] = []
    learned = book.learned
    raw_phone = payment.payer_phone.strip()
    if raw_phone:
        customer = (
            book.by_hash.get(raw_phone.lower())
            if len(raw_phone) == 64 and is_hash(raw_phone)
            else book.by_phone.get(normal_phone(raw_phone) or "")
        )
        if customer:
            clues.append((customer, 50, "payer's phone"))
        if learned:
            taught = learned.get(raw_phone.lower())
            if taught:
                clues.append((taught, 60, "you confirmed this phone before"))
    if payment.payer_name:
        clues.extend(book.name_clues(payment.payer_name))
    reference = payment.reference.strip()
    if reference:
        clues.extend(book.reference_clues(reference))
    return clues


def _customer_scores(clues: list[Clue]) -> dict[str, tuple[int, list[str]]]:
    """Each candidate customer with how strongly the payment points at them, and why."""
    scores: dict[str, tuple[int, list[str]]] = {}
    for customer, points, why in clues:
        known = scores.get(customer)
        scores[customer] = (points, [why]) if known is None else (known[0] + points, [*known[1], why])
    return scores


# People pay halves, thirds and the like; an amount that is such a share of exactly one
# open balance is very likely a part payment of that invoice.
_SHARES = (
    Decimal("0.25"),
    Decimal("0.3"),
    Decimal("1") / 3,
    Decimal("0.4"),
    Decimal("0.5"),
    Decimal("0.6"),
    Decimal("2") / 3,
    Decimal("0.7"),
    Decimal("0.75"),
)


def _plausible(invoices: list[OpenInvoice], day: int) -> list[OpenInvoice]:
    """Those issued in the window before the payment's day (a day number, as `issued_day`), else
    those issued before it, else all; in their order."""
    near = [i for i in invoices if 0 <= day - i.issued_day <= PAY_WINDOW_DAYS]
    return near or [i for i in invoices if i.issued_day <= day] or invoices


def _timely(invoice: OpenInvoice, day: int) -> bool:
    return 0 <= day - invoice.issued_day <= PAY_WINDOW_DAYS


@lru_cache(maxsize=65536)
def _share_amounts(whole: Decimal) -> frozenset[int]:
    """Every whole-shilling amount within 1 of a common share of `whole`."""
    amounts: set[int] = set()
    for share in _SHARES:
        centre = int((whole * share).to_integral_value())
        amounts.update((centre - 1, centre, centre + 1))
    return frozenset(amounts)


def _decide_for_invoice(book: Book, payment: IncomingPayment, invoice: OpenInvoice) -> Decision:
    """The payer named an invoice (or an STK push was for it)."""
    amount, balance = payment.amount, invoice.balance
    strong = 99 if payment.channel == "stk" else 97
    if amount == balance:
        return Decision(
            payment.id,
            [Allocation(invoice.number, amount)],
            strong,
            "auto",
            f"{invoice.number} named and the amount is its balance",
        )
    if balance <= 0:
        if amount == invoice.total:
            return Decision(
                payment.id,
                [Allocation(invoice.number, amount)],
                86,
                "auto",
                f"{invoice.number} named and paid again in full: kept as credit on account",
            )
        return Decision(
            payment.id,
            [Allocation(invoice.number, amount)],
            55,
            "suggest",
            f"{invoice.number} named, but it is already paid",
        )
    if amount < balance:
        return Decision(
            payment.id,
            [Allocation(invoice.number, amount)],
            strong - 4,
            "auto",
            f"part payment of {invoice.number} (named)",
        )
    customer = name_key(invoice.customer_name)
    others = [i for i in book.open_invoices(customer) if i is not invoice]
    extra = [o for o in others if o.balance == amount - balance]
    if len(extra) == 1:
        allocations = [Allocation(invoice.number, balance), Allocation(extra[0].number, extra[0].balance)]
        return Decision(
            payment.id, allocations, 92, "auto", f"{invoice.number} named; the rest is exactly {extra[0].number}"
        )
    return Decision(
        payment.id,
        [Allocation(invoice.number, balance)],
        70,
        "suggest",
        f"{invoice.number} named; {amount - balance} more than its balance (credit on account?)",
    )


def _verdict(confidence: int) -> str:
    return "auto" if confidence >= AUTO else "suggest" if confidence >= SUGGEST else "none"


def _specific(book: Book, payment: IncomingPayment, customer: str) -> bool:
    """Whether an amount that is a share of a balance, or two balances together, is more than
    chance. The payer's own name and phone say who paid, not what for: customers also pay for cash
    sales, loans and the like, and a round amount (in whole banknotes) is what such payments are
    (a round balance has nine round shares). So a round amount counts only when what the payer
    typed as the account points at the customer too (their name or phone)."""
    if payment.amount % ROUND:
        return True
    reference = payment.reference.strip()
    return bool(reference) and any(clue[0] == customer for clue in book.reference_clues(reference))


def _open_above(view: CustomerView, amount: Decimal, day: int) -> list[OpenInvoice]:
    """The customer's open invoices plausible for the day (by day issued) that owe more than `amount`."""
    return [i for i in view.recent(day) if i.balance > amount]


def _shares(bigger: list[OpenInvoice], amount: Decimal) -> list[OpenInvoice]:
    """Those of `bigger` of whose balance the amount is a common share."""
    whole = int(amount)
    return [i for i in bigger if whole in _share_amounts(i.balance)]


def _judged(payment: IncomingPayment, allocations: list[Allocation], confidence: int, reason: str) -> Decision:
    """A decision whose verdict follows from its confidence."""
    return Decision(payment.id, allocations, confidence, _verdict(confidence), reason)


def _decide_for_customer(
    book: Book, payment: IncomingPayment, day: int, customer: str, score: int, why: str
) -> Decision:
    """The rules in order, each looked up in the customer's view (one dict lookup or one pass over
    their open invoices), since this runs for nearly every payment."""
    amount = payment.amount
    strong = score >= STRONG  # two independent clues (phone and name, name and reference...)
    view = book.views.get(customer) or book.view(customer)
    exact = view.by_balance.get(amount)
    if exact:
        if len(exact) > 1:
            exact = _plausible(exact, day)
        if len(exact) == 1:
            # A balance matched by chance is usually an invoice from long before (or after) the payment.
            timely = _timely(exact[0], day)
            confidence = (96 if strong else 92 if score >= 50 else 86 if score >= 45 else 70) if timely else 70
            return _judged(
                payment,
                [Allocation(exact[0].number, amount)],
                confidence,
                f"{why}; amount equals the balance of {exact[0].number}",
            )
        oldest = min(exact, key=issued)
        return Decision(
            payment.id,
            [Allocation(oldest.number, amount)],
            65,
            "suggest",
            f"{why}; {len(exact)} invoices have this balance, oldest first",
        )
    pairs = view.pairs(amount, "balance") if len(view.open) > 1 else ()
    if len(pairs) == 1:
        a, b = pairs[0]
        # Two balances adding up to the amount can happen by chance: only with strong clues, an
        # amount that is not a chance one and two invoices both due around the payment is it
        # applied unasked.
        both_recent = _timely(a, day) and _timely(b, day)
        confidence = 90 if strong and both_recent and _specific(book, payment, customer) else 70
        return _judged(
            payment,
            [Allocation(a.number, a.balance), Allocation(b.number, b.balance)],
            confidence,
            f"{why}; pays {a.number} and {b.number} together",
        )
    bigger = _open_above(view, amount, day)
    shares = _shares(bigger, amount)
    if len(shares) == 1:
        sure = strong and len(bigger) == 1 and _timely(shares[0], day) and _specific(book, payment, customer)
        confidence = 88 if sure else 72
        return _judged(
            payment, [Allocation(shares[0].number, amount)], confidence, f"{why}; a part payment of {shares[0].number}"
        )
    same_total = view.by_total.get(amount)
    repeat = [i for i in same_total if i.balance <= 0] if same_total else ()  # in the invoices' own order
    if len(repeat) == 1:
        confidence = 72 if strong else 60  # a second payment of a paid invoice: the owner decides
        return _judged(
            payment,
            [Allocation(repeat[0].number, amount)],
            confidence,
            f"{why}; {repeat[0].number} paid again: kept as credit on account",
        )
    pairs = view.pairs(amount, "total") if view.two_totals(amount) else ()
    if len(pairs) == 1:
        a, b = pairs[0]
        confidence = 70 if strong else 60
        return _judged(
            payment,
            [Allocation(a.number, a.total), Allocation(b.number, b.total)],
            confidence,
            f"{why}; pays {a.number} and {b.number} together",
        )
    if bigger and score >= 45:
        # Of several shares the first in the customer's own order; else the oldest bigger balance
        # (the first of a day, `recent` being in day order).
        target = min(shares, key=view.place) if shares else bigger[0]
        confidence = 70 if len(bigger) == 1 else 55
        return Decision(
            payment.id, [Allocation(target.number, amount)], confidence, "suggest", f"{why}; part of {target.number}"
        )
    return Decision(payment.id, [Allocation(None, amount)], 0, "none", f"{why}; no open invoice fits the amount")


def decide(book: Book, payment: IncomingPayment) -> Decision:
    if payment.reference:
        number = invoice_number_in(payment.reference)
        if number is not None and number in book.by_number:
            return _decide_for_invoice(book, payment, book.by_number[number])
    day = payment.received_at.date().toordinal()
    clues = _clues(book, payment)
    if clues:
        if len(clues) == 1:  # the common case, without the tally
            customer, score, why = clues[0]
            leads = True
        else:
            ranked = sorted(_customer_scores(clues).items(), key=lambda kv: kv[1][0], reverse=True)
            customer, (score, reasons) = ranked[0]
            why = " and ".join(reasons)
            leads = len(ranked) == 1 or score - ranked[1][1][0] >= 20
        if leads:
            decision = _decide_for_customer(book, payment, day, customer, score, why)
            if decision.decision != "none":
                return decision
    return _amount_only(book, payment, day)


def _amount_only(book: Book, payment: IncomingPayment, day: int) -> Decision:
    """No clue to the customer: one open invoice in the whole book with exactly this balance,
    issued shortly before the payment, is worth asking about."""
    fits = book.timely_with_balance(payment.amount, day)
    if len(fits) == 1:
        return Decision(
            payment.id,
            [Allocation(fits[0].number, payment.amount)],
            45,
            "suggest",
            f"only {fits[0].number} has exactly this balance",
        )
    return Decision(payment.id, [Allocation(None, payment.amount)], 0, "none", "no invoice matches")


def apply(book: Book, decision: Decision) -> None:
    for allocation in decision.allocations:
        if allocation.invoice_number:
            book.pay(allocation.invoice_number, allocation.amount)


_received = attrgetter("received_at")


def reconcile(
    invoices: Iterable[OpenInvoice], payments: Iterable[IncomingPayment], learned: dict[str, str] | None = None
) -> list[Decision]:
    with collector_paused():
        book = Book(invoices, learned)
        decisions = []
        waiting: dict[str, list[Decision]] = {}  # by invoice: part payments of it put to the owner
        for payment in sorted(payments, key=_received):
            decision = decide(book, payment)
            if decision.decision == "auto":
                apply(book, decision)
            elif decision.decision == "suggest":
                _instalments(book, payment, decision, waiting)
            decisions.append(decision)
        return decisions


def _instalments(book: Book, payment: IncomingPayment, decision: Decision, waiting: dict[str, list[Decision]]) -> None:
    """A part payment put to the owner, from a payer who is surely the customer, that with one put
    to them before pays exactly what the invoice owes: two instalments, each bearing the other out
    (chance seldom makes two payments that add up to a balance), so both are applied. Else, if it
    is a common share of that invoice's balance and of no other's, it waits for its other half.
    Only a batch run sees the later payment; the live books leave both to the owner."""
    if len(decision.allocations) != 1:
        return
    number, amount = decision.allocations[0]
    invoice = book.invoices.get(number or "")
    if invoice is None or amount >= invoice.balance:
        return
    balance, earlier = invoice.balance, None
    for part in waiting.get(invoice.number, ()):
        if part.allocations[0].amount + amount == balance:
            earlier = part
            break
    else:
        if int(amount) not in _share_amounts(balance):
            return  # neither completes one waiting nor may wait (the cheap tests first: most fail them)
    customer = name_key(invoice.customer_name)
    if _customer_scores(_clues(book, payment)).get(customer, (0, []))[0] < STRONG:
        return
    if earlier is not None:
        waiting[invoice.number].remove(earlier)
        for part, other in ((earlier, decision), (decision, earlier)):
            part.decision, part.confidence = "auto", INSTALMENTS
            part.reason += f"; with {other.payment_id} it pays {invoice.number} in full"
            apply(book, part)
    elif _shares(_open_above(book.view(customer), amount, payment.received_at.date().toordinal()), amount) == [invoice]:
        waiting.setdefault(invoice.number, []).append(decision)
