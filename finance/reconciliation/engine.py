"""The matching engine.

Payments are taken in the order they arrived. Each one is read for clues (invoice number,
phone, name), the customer is worked out, and the amount is set against that customer's
open balances: equal to one balance, to two together, or less (a part payment). Every
decision has a confidence and a reason; high confidence is applied (`auto`), medium is put
to the owner (`suggest`), low stays unmatched. Applied amounts reduce balances, so a second
instalment finds what is left.
"""

import bisect
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz, process

from finance.reconciliation.model import Allocation, Decision, IncomingPayment, OpenInvoice
from finance.reconciliation.signals import (
    invoice_number_in,
    invoice_number_value,
    is_hash,
    name_key,
    normal_phone,
    phone_hashes,
)

AUTO = 85  # at or above: applied without asking
SUGGEST = 40  # at or above: the owner is asked
FUZZY_NAME = 88  # rapidfuzz score for a name with a typo


class CustomerView:
    """One customer's invoices, indexed by balance and by total."""

    def __init__(self, invoices: list[OpenInvoice]) -> None:
        self.every = invoices
        self._place = {id(invoice): n for n, invoice in enumerate(invoices)}
        self.open = [i for i in invoices if i.balance > 0]
        self.by_balance: dict[Decimal, list[OpenInvoice]] = defaultdict(list)
        for invoice in self.open:
            self.by_balance[invoice.balance].append(invoice)
        self.by_total: dict[Decimal, list[OpenInvoice]] = defaultdict(list)
        for invoice in invoices:
            self.by_total[invoice.total].append(invoice)
        self._total_pairs: dict[Decimal, list[tuple[OpenInvoice, OpenInvoice]]] = {}
        self._span: tuple[Decimal, Decimal] | None = None  # the least and the most two balances make

    def repaid(self, invoice: OpenInvoice, before: Decimal) -> None:
        """A payment moved one invoice's balance: the indexes follow, in the invoices' own order (as a
        view built afresh would have them), instead of being built again."""
        self._span = None
        same = self.by_balance.get(before)
        if same is not None and _drop(same, invoice) and not same:
            del self.by_balance[before]
        if invoice.balance > 0:
            bisect.insort(self.by_balance[invoice.balance], invoice, key=lambda i: self._place[id(i)])
        else:
            _drop(self.open, invoice)

    def pairs(self, amount: Decimal, field: str) -> list[tuple[OpenInvoice, OpenInvoice]]:
        """Two invoices whose balances (or totals) add up to the amount: one lookup per invoice.
        Totals never change, so their pairs are worked out once per amount."""
        if field == "total":
            found = self._total_pairs.get(amount)
            if found is None:
                found = self._total_pairs[amount] = self._pairs(amount, self.by_total)
            return found
        if len(self.open) < 2:
            return []
        if self._span is None:
            ordered = sorted(i.balance for i in self.open)
            self._span = (ordered[0] + ordered[1], ordered[-1] + ordered[-2])
        if not self._span[0] <= amount <= self._span[1]:
            return []  # no two balances can add up to it: too small for the smallest two, too big for the largest
        return self._pairs(amount, self.by_balance)

    def _pairs(self, amount: Decimal, index: dict[Decimal, list[OpenInvoice]]) -> list[tuple[OpenInvoice, OpenInvoice]]:
        """Walks the distinct amounts, not the invoices; stops at two pairs, since only a single pair
        is ever acted on. The earlier invoice comes first, whatever the memory layout."""
        place = self._place
        found: list[tuple[OpenInvoice, OpenInvoice]] = []
        for value, firsts in index.items():
            seconds = index.get(amount - value)
            if not seconds:
                continue
            for first in firsts:
                for second in seconds:
                    if place[id(first)] < place[id(second)]:
                        found.append((first, second))
                        if len(found) > 1:
                            return found
        return found


def _drop(items: list[OpenInvoice], invoice: OpenInvoice) -> bool:
    """Removes this very invoice (not one equal to it) from the list."""
    for n, item in enumerate(items):
        if item is invoice:
            del items[n]
            return True
    return False


class Book:
    """Open invoices indexed every way a payment can point at them."""

    def __init__(self, invoices: Iterable[OpenInvoice], learned: dict[str, str] | None = None) -> None:
        self.invoices: dict[str, OpenInvoice] = {}
        self.by_number: dict[int, OpenInvoice] = {}
        self.customer_invoices: dict[str, list[OpenInvoice]] = defaultdict(list)
        self.by_phone: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.first_names: dict[str, set[str]] = defaultdict(set)
        self.by_balance: dict[Decimal, set[str]] = defaultdict(set)
        # What the owner taught before: payer name or phone -> customer.
        self.learned = dict(learned or {})
        for invoice in invoices:
            self.add(invoice)
        self._by_prefix: dict[str, set[str]] = defaultdict(set)
        for name in self.by_name:
            for word in name.split():
                self._by_prefix[word[:3]].add(name)
        self._fuzzy: dict[str, tuple[str, float] | None] = {}
        self._views: dict[str, CustomerView] = {}

    def add(self, invoice: OpenInvoice) -> None:
        self.invoices[invoice.number] = invoice
        value = invoice_number_value(invoice.number)
        if value is not None:
            self.by_number[value] = invoice
        customer = name_key(invoice.customer_name)
        self.customer_invoices[customer].append(invoice)
        if invoice.balance > 0:
            self.by_balance[invoice.balance].add(invoice.number)
        self.by_name[customer] = customer
        words = invoice.customer_name.upper().split()
        if words:
            self.first_names[words[0]].add(customer)
        phone = normal_phone(invoice.customer_phone or "")
        if phone:
            self.by_phone.setdefault(phone, customer)
            for digest in phone_hashes(phone):
                self.by_hash.setdefault(digest, customer)

    def pay(self, number: str, amount: Decimal) -> None:
        invoice = self.invoices[number]
        before = invoice.balance
        self.by_balance[before].discard(number)
        invoice.pay(amount)
        if invoice.balance > 0:
            self.by_balance[invoice.balance].add(number)
        view = self._views.get(name_key(invoice.customer_name))
        if view is not None:
            view.repaid(invoice, before)  # that customer's balances changed

    def view(self, customer: str) -> "CustomerView":
        """A customer's invoices with their sums worked out once, until a payment changes them."""
        found = self._views.get(customer)
        if found is None:
            found = self._views[customer] = CustomerView(self.customer_invoices.get(customer, []))
        return found

    def open_invoices(self, customer: str) -> list[OpenInvoice]:
        return [i for i in self.customer_invoices.get(customer, ()) if i.balance > 0]

    def fuzzy_customer(self, text: str) -> tuple[str, float] | None:
        key = name_key(text)
        if not key:
            return None
        if key in self.by_name:
            return key, 100.0
        if key not in self._fuzzy:  # references repeat ("goods", "payment"): look each up once
            # A typo rarely touches the start of every word: compare only with names that share
            # a word beginning, not with every customer.
            block = {name for word in key.split() for name in self._by_prefix.get(word[:3], ())}
            # Sorted: among names scoring the same, the pick must not depend on string-hash order.
            found = process.extractOne(key, sorted(block), scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_NAME)
            self._fuzzy[key] = (found[0], found[1]) if found else None  # a similarity score, not money
        return self._fuzzy[key]


def _customer_scores(book: Book, payment: IncomingPayment) -> dict[str, tuple[int, list[str]]]:
    """Each candidate customer with how strongly the payment points at them, and why."""
    scores: dict[str, tuple[int, list[str]]] = {}

    def add(customer: str, points: int, why: str) -> None:
        total, reasons = scores.get(customer, (0, []))
        scores[customer] = (total + points, [*reasons, why])

    raw_phone = payment.payer_phone.strip()
    if raw_phone:
        customer = (
            book.by_hash.get(raw_phone.lower())
            if is_hash(raw_phone)
            else book.by_phone.get(normal_phone(raw_phone) or "")
        )
        if customer:
            add(customer, 50, "payer's phone")
        learned = book.learned.get(raw_phone.lower())
        if learned:
            add(learned, 60, "you confirmed this phone before")
    if payment.payer_name:
        learned = book.learned.get(name_key(payment.payer_name))
        if learned:
            add(learned, 60, "you confirmed this payer before")
        key = name_key(payment.payer_name)
        if key in book.by_name:
            add(key, 45, "payer's name")
    reference = payment.reference.strip()
    if reference and invoice_number_in(reference) is None:
        phone = normal_phone(reference)
        if phone and phone in book.by_phone:
            add(book.by_phone[phone], 50, "phone typed as the account")
        elif not phone and len(reference) >= 4:
            found = book.fuzzy_customer(reference)
            if found:
                add(found[0], 45 if found[1] == 100 else 40, "name typed as the account")
            else:
                for customer in book.first_names.get(reference.upper(), ()):
                    add(customer, 10, "first name typed as the account")
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
PAY_WINDOW_DAYS = 60  # invoices are paid within weeks of being issued; older or future ones are unlikely


def _plausible(invoices: list[OpenInvoice], payment: IncomingPayment) -> list[OpenInvoice]:
    day = payment.received_at.date()
    near = [i for i in invoices if i.issued_on <= day and (day - i.issued_on).days <= PAY_WINDOW_DAYS]
    return near or [i for i in invoices if i.issued_on <= day] or invoices


def _timely(invoice: OpenInvoice, payment: IncomingPayment) -> bool:
    days = (payment.received_at.date() - invoice.issued_on).days
    return 0 <= days <= PAY_WINDOW_DAYS


def _is_share(amount: Decimal, whole: Decimal) -> bool:
    return int(amount) in _share_amounts(whole)


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


def _decide_for_customer(
    book: Book, payment: IncomingPayment, customer: str, score: int, reasons: list[str]
) -> Decision:
    amount = payment.amount
    why = " and ".join(reasons)
    strong = score >= 90  # two independent clues (phone and name, name and reference...)
    view = book.view(customer)
    invoices = view.open
    exact = list(view.by_balance.get(amount, ()))
    if len(exact) > 1:
        exact = _plausible(exact, payment)
    if len(exact) == 1:
        # A balance matched by chance is usually an invoice from long before (or after) the payment.
        timely = _timely(exact[0], payment)
        confidence = (96 if strong else 92 if score >= 50 else 86 if score >= 45 else 70) if timely else 70
        return Decision(
            payment.id,
            [Allocation(exact[0].number, amount)],
            confidence,
            _verdict(confidence),
            f"{why}; amount equals the balance of {exact[0].number}",
        )
    if len(exact) > 1:
        oldest = min(exact, key=lambda i: i.issued_on)
        return Decision(
            payment.id,
            [Allocation(oldest.number, amount)],
            65,
            "suggest",
            f"{why}; {len(exact)} invoices have this balance, oldest first",
        )
    pairs = view.pairs(amount, "balance")
    if len(pairs) == 1:
        a, b = pairs[0]
        # Two balances adding up to the amount can happen by chance: only with strong clues
        # and two invoices that were both due around the payment is it applied unasked.
        both_recent = len(_plausible([a, b], payment)) == 2 and all(
            i.issued_on <= payment.received_at.date() for i in (a, b)
        )
        confidence = 90 if strong and both_recent else 70
        return Decision(
            payment.id,
            [Allocation(a.number, a.balance), Allocation(b.number, b.balance)],
            confidence,
            _verdict(confidence),
            f"{why}; pays {a.number} and {b.number} together",
        )
    recent = _plausible(invoices, payment)
    shares = [i for i in recent if i.balance > amount and _is_share(amount, i.balance)]
    if len(shares) == 1:
        alone = len([i for i in recent if i.balance > amount]) == 1
        confidence = 88 if strong and alone and _timely(shares[0], payment) else 72
        return Decision(
            payment.id,
            [Allocation(shares[0].number, amount)],
            confidence,
            _verdict(confidence),
            f"{why}; a part payment of {shares[0].number}",
        )
    repeat = [i for i in view.by_total.get(amount, ()) if i.balance <= 0]  # in the invoices' own order
    if len(repeat) == 1:
        confidence = 72 if strong else 60  # a second payment of a paid invoice: the owner decides
        return Decision(
            payment.id,
            [Allocation(repeat[0].number, amount)],
            confidence,
            _verdict(confidence),
            f"{why}; {repeat[0].number} paid again: kept as credit on account",
        )
    pairs = view.pairs(amount, "total")
    if len(pairs) == 1:
        a, b = pairs[0]
        confidence = 70 if strong else 60
        return Decision(
            payment.id,
            [Allocation(a.number, a.total), Allocation(b.number, b.total)],
            confidence,
            _verdict(confidence),
            f"{why}; pays {a.number} and {b.number} together",
        )
    bigger = sorted((i for i in recent if i.balance > amount), key=lambda i: i.issued_on)
    if bigger and score >= 45:
        target = shares[0] if shares else bigger[0]
        confidence = 70 if len(bigger) == 1 else 55
        return Decision(
            payment.id, [Allocation(target.number, amount)], confidence, "suggest", f"{why}; part of {target.number}"
        )
    return Decision(payment.id, [Allocation(None, amount)], 0, "none", f"{why}; no open invoice fits the amount")


def decide(book: Book, payment: IncomingPayment) -> Decision:
    number = invoice_number_in(payment.reference)
    if number is not None and number in book.by_number:
        return _decide_for_invoice(book, payment, book.by_number[number])
    scores = _customer_scores(book, payment)
    if scores:
        ranked = (
            list(scores.items()) if len(scores) == 1 else sorted(scores.items(), key=lambda kv: kv[1][0], reverse=True)
        )
        customer, (score, reasons) = ranked[0]
        if len(ranked) == 1 or score - ranked[1][1][0] >= 20:
            decision = _decide_for_customer(book, payment, customer, score, reasons)
            if decision.decision != "none":
                return decision
    return _amount_only(book, payment)


def _amount_only(book: Book, payment: IncomingPayment) -> Decision:
    """No clue to the customer: one open invoice in the whole book with exactly this balance,
    issued shortly before the payment, is worth asking about."""
    fits = [book.invoices[n] for n in book.by_balance.get(payment.amount, ()) if _timely(book.invoices[n], payment)]
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


def reconcile(
    invoices: Iterable[OpenInvoice], payments: Iterable[IncomingPayment], learned: dict[str, str] | None = None
) -> list[Decision]:
    book = Book(invoices, learned)
    decisions = []
    for payment in sorted(payments, key=lambda p: p.received_at):
        decision = decide(book, payment)
        if decision.decision == "auto":
            apply(book, decision)
        decisions.append(decision)
    return decisions
