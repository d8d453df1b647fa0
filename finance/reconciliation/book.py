"""The open invoices indexed every way a payment can point at them: the whole book (by number,
phone, name, balance) and, built when first asked for, one view per customer (by balance, by
total, by the day issued). The engine asks these for nearly every payment, so each question is a
lookup or a bisection, and a payment applied updates the indexes in place."""

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from operator import attrgetter

from rapidfuzz import fuzz, process

from finance.reconciliation.model import OpenInvoice
from finance.reconciliation.signals import invoice_number_in, invoice_number_value, name_key, normal_phone, phone_hashes

FUZZY_NAME = 88  # rapidfuzz score for a name with a typo
PAY_WINDOW_DAYS = 60  # invoices are paid within weeks of being issued; older or future ones are unlikely
_FEW = 40  # up to this many invoices, a customer's sums of two are kept (at most 780 of them)

Clue = tuple[str, int, str]  # a customer a payment points at, the points, and why
issued = attrgetter("issued_day")


class CustomerView:
    """One customer's invoices, indexed by balance, by total and (the open ones) by day issued."""

    def __init__(self, invoices: list[OpenInvoice]) -> None:
        self.every = invoices
        self._place = {id(invoice): n for n, invoice in enumerate(invoices)}
        self.open = [i for i in invoices if i.balance > 0]
        self.open_by_day = ByDay(self.open)  # the invoices plausible for a payment's day: two bisections
        self.by_balance: dict[Decimal, list[OpenInvoice]] = defaultdict(list)
        for invoice in self.open:
            self.by_balance[invoice.balance].append(invoice)
        self.by_total: dict[Decimal, list[OpenInvoice]] = defaultdict(list)
        for invoice in invoices:
            self.by_total[invoice.total].append(invoice)
        self._total_pairs: dict[Decimal, list[tuple[OpenInvoice, OpenInvoice]]] = {}
        # Every sum two totals make, for customers with few invoices: most amounts are turned away by
        # one lookup instead of a walk. (Balances change with each payment: their sums would be
        # worked out again more often than asked; the least and most two make are kept instead.)
        self._total_sums = _two_sums([i.total for i in invoices])
        self._span: tuple[Decimal, Decimal] | None = None  # the least and the most two balances make

    def place(self, invoice: OpenInvoice) -> int:
        """Where the invoice stands in the customer's own order (the order they were given in)."""
        return self._place[id(invoice)]

    def recent(self, day: int) -> list[OpenInvoice]:
        """The open invoices plausible for a payment on `day` (a day number, as `issued_day`): those
        issued in the window before it, else all issued before it, else all; by day issued."""
        by_day = self.open_by_day
        hi = bisect_right(by_day.days, day)
        lo = bisect_left(by_day.days, day - PAY_WINDOW_DAYS, 0, hi)
        if lo < hi:
            return by_day.invoices[lo:hi]
        return by_day.invoices[:hi] if hi else by_day.invoices

    def repaid(self, invoice: OpenInvoice, before: Decimal) -> None:
        """A payment moved one invoice's balance: the indexes follow, in the invoices' own order (as a
        view built afresh would have them), instead of being built again."""
        self._span = None
        same = self.by_balance.get(before)
        if same is not None and _drop(same, invoice) and not same:
            del self.by_balance[before]
        if invoice.balance > 0:
            insort(self.by_balance[invoice.balance], invoice, key=self.place)
        elif before > 0:  # it was open: no longer
            _drop(self.open, invoice)
            self.open_by_day.remove(invoice)

    def two_totals(self, amount: Decimal) -> bool:
        """Whether two of the invoices' totals may add up to the amount (False: they cannot)."""
        return self._total_sums is None or amount in self._total_sums

    def pairs(self, amount: Decimal, field: str) -> list[tuple[OpenInvoice, OpenInvoice]]:
        """Two invoices whose balances (or totals) add up to the amount: one lookup per invoice.
        Totals never change, so their pairs are worked out once per amount."""
        if field == "total":
            if self._total_sums is not None and amount not in self._total_sums:
                return []
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


def _two_sums(amounts: list[Decimal]) -> frozenset[Decimal] | None:
    if len(amounts) > _FEW:
        return None
    return frozenset(a + b for n, a in enumerate(amounts) for b in amounts[n + 1 :])


def _drop(items: list[OpenInvoice], invoice: OpenInvoice) -> bool:
    """Removes this very invoice (not one equal to it) from the list."""
    for n, item in enumerate(items):
        if item is invoice:
            del items[n]
            return True
    return False


class ByDay:
    """Invoices in the order of the day issued (in their own order within a day), with those days
    beside them: a window of days is two bisections of plain ints."""

    __slots__ = ("days", "invoices")

    def __init__(self, invoices: Iterable[OpenInvoice] = ()) -> None:
        self.invoices = sorted(invoices, key=issued)  # stable: the same day keeps their order
        self.days = [i.issued_day for i in self.invoices]

    def __len__(self) -> int:
        return len(self.invoices)

    def add(self, invoice: OpenInvoice) -> None:
        """After those of the same day, as the stable sort would put it."""
        n = bisect_right(self.days, invoice.issued_day)
        self.invoices.insert(n, invoice)
        self.days.insert(n, invoice.issued_day)

    def remove(self, invoice: OpenInvoice) -> None:
        """Removes this very invoice (not one equal to it)."""
        n = bisect_left(self.days, invoice.issued_day)
        while self.invoices[n] is not invoice:
            n += 1
        del self.invoices[n], self.days[n]

    def window(self, first: int, last: int) -> list[OpenInvoice]:
        """Those issued from day `first` to day `last`, both included."""
        hi = bisect_right(self.days, last)
        return self.invoices[bisect_left(self.days, first, 0, hi) : hi]


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
        # Open invoices by balance, each list by day issued: "one invoice of this balance issued
        # shortly before the payment" is two bisections.
        self.by_balance: dict[Decimal, ByDay] = defaultdict(ByDay)
        # What the owner taught before: payer name or phone -> customer.
        self.learned = dict(learned or {})
        self._named: set[str] = set()  # customer names as written on the invoices added
        for invoice in invoices:
            self.add(invoice)
        self._by_prefix: dict[str, set[str]] = defaultdict(set)
        for name in self.by_name:
            for word in name.split():
                self._by_prefix[word[:3]].add(name)
        self._fuzzy: dict[str, tuple[str, float] | None] = {}
        self.views: dict[str, CustomerView] = {}  # by customer, built when first asked for (see `view`)
        self._reference_clues: dict[str, tuple[Clue, ...]] = {}
        self._name_clues: dict[str, tuple[Clue, ...]] = {}

    def add(self, invoice: OpenInvoice) -> None:
        self.invoices[invoice.number] = invoice
        value = invoice_number_value(invoice.number)
        if value is not None:
            self.by_number[value] = invoice
        customer = name_key(invoice.customer_name)
        self.customer_invoices[customer].append(invoice)
        if invoice.balance > 0:
            self.by_balance[invoice.balance].add(invoice)
        if invoice.customer_name not in self._named:  # a name seen before has its entries in already
            self._named.add(invoice.customer_name)
            self.by_name[customer] = customer
            words = invoice.customer_name.upper().split()
            if words:
                self.first_names[words[0]].add(customer)
        phone = normal_phone(invoice.customer_phone or "")
        if phone and phone not in self.by_phone:  # a phone seen before has its hashes in already
            self.by_phone[phone] = customer
            for digest in phone_hashes(phone):
                self.by_hash.setdefault(digest, customer)

    def pay(self, number: str, amount: Decimal) -> None:
        invoice = self.invoices[number]
        before = invoice.balance
        same = self.by_balance.get(before)
        if same and before > 0:
            same.remove(invoice)
            if not same:
                del self.by_balance[before]
        invoice.pay(amount)
        if invoice.balance > 0:
            self.by_balance[invoice.balance].add(invoice)
        view = self.views.get(name_key(invoice.customer_name))
        if view is not None:
            view.repaid(invoice, before)  # that customer's balances changed

    def timely_with_balance(self, amount: Decimal, day: int) -> list[OpenInvoice]:
        """The open invoices whose balance is the amount, issued in the window before `day`."""
        same = self.by_balance.get(amount)
        return same.window(day - PAY_WINDOW_DAYS, day) if same else []

    def view(self, customer: str) -> CustomerView:
        """A customer's invoices with their sums worked out once, until a payment changes them."""
        found = self.views.get(customer)
        if found is None:
            found = self.views[customer] = CustomerView(self.customer_invoices.get(customer, []))
        return found

    def open_invoices(self, customer: str) -> list[OpenInvoice]:
        return [i for i in self.customer_invoices.get(customer, ()) if i.balance > 0]

    def name_clues(self, payer_name: str) -> tuple[Clue, ...]:
        """What the payer's name says of the customer (what the owner taught, a customer's name);
        names come again and again, so each is read once per book."""
        found = self._name_clues.get(payer_name)
        if found is None:
            key = name_key(payer_name)
            clues: list[Clue] = []
            taught = self.learned.get(key)
            if taught:
                clues.append((taught, 60, "you confirmed this payer before"))
            if key in self.by_name:
                clues.append((key, 45, "payer's name"))
            found = self._name_clues[payer_name] = tuple(clues)
        return found

    def reference_clues(self, reference: str) -> tuple[Clue, ...]:
        """What the account the payer typed says of the customer. The same few references come
        again and again ("goods", a customer's name or phone), so each is read once per book."""
        found = self._reference_clues.get(reference)
        if found is None:
            found = self._reference_clues[reference] = tuple(self._read_reference(reference))
        return found

    def _read_reference(self, reference: str) -> list[Clue]:
        if invoice_number_in(reference) is not None:
            return []
        phone = normal_phone(reference)
        if phone:
            return [(self.by_phone[phone], 50, "phone typed as the account")] if phone in self.by_phone else []
        if len(reference) < 4:
            return []
        found = self.fuzzy_customer(reference)
        if found:
            return [(found[0], 45 if found[1] == 100 else 40, "name typed as the account")]
        return [
            (customer, 10, "first name typed as the account")
            for customer in self.first_names.get(reference.upper(), ())
        ]

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
