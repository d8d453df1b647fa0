"""Amounts that fit an invoice by chance: a customer's payment for something else (a cash sale, a
loan) that happens to be a share of one of their balances, or two of them together, is put to the
owner, not applied; two instalments that together pay an invoice bear each other out."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from finance.clock import NAIROBI
from finance.reconciliation.engine import reconcile
from finance.reconciliation.model import IncomingPayment, OpenInvoice

NAME, PHONE = "Esther Kemunto", "+254727314865"
ISSUED = date(2026, 3, 1)


def _invoice(number: str, total: str, issued: date = ISSUED) -> OpenInvoice:
    return OpenInvoice(number, NAME, PHONE, issued, issued + timedelta(days=14), Decimal(total))


def _payment(pid: str, amount: str, day: int, reference: str = "goods") -> IncomingPayment:
    """From the customer's own phone and name; `day`: days after the invoices were issued."""
    when = datetime(ISSUED.year, ISSUED.month, ISSUED.day, 10, tzinfo=NAIROBI) + timedelta(days=day)
    return IncomingPayment(pid, when, Decimal(amount), NAME.upper(), PHONE, reference, "c2b")


def test_a_round_share_of_a_balance_from_the_payer_alone_is_asked_about() -> None:
    # 9,000 is 60% of 15,000, but a customer pays round sums for many things: nothing typed says
    # this one is for the account.
    (decision,) = reconcile([_invoice("INV-0001", "15000")], [_payment("P1", "9000", 5)])
    assert decision.decision == "suggest"
    assert decision.allocations[0].invoice_number == "INV-0001" and "part payment" in decision.reason


def test_the_same_share_with_the_account_typed_or_an_odd_amount_is_applied() -> None:
    typed = reconcile([_invoice("INV-0001", "15000")], [_payment("P1", "9000", 5, reference=NAME)])
    assert typed[0].decision == "auto"
    odd = reconcile([_invoice("INV-0002", "15381")], [_payment("P2", "7691", 5)])  # half, rounded
    assert odd[0].decision == "auto" and odd[0].allocations[0].invoice_number == "INV-0002"


def test_two_balances_adding_up_by_chance_are_asked_about() -> None:
    invoices = [_invoice("INV-0001", "5400"), _invoice("INV-0002", "12000")]
    (decision,) = reconcile(invoices, [_payment("P1", "17400", 5, reference="")])
    assert decision.decision == "suggest" and len(decision.allocations) == 2


def test_two_long_overdue_balances_are_not_paid_together_unasked() -> None:
    # Both issued months before the payment: the pair is put to the owner even with the name typed.
    invoices = [_invoice("INV-0001", "5400"), _invoice("INV-0002", "12000")]
    (decision,) = reconcile(invoices, [_payment("P1", "17400", 120, reference=NAME)])
    assert decision.decision == "suggest"


def test_two_instalments_that_pay_an_invoice_exactly_are_both_applied() -> None:
    invoices = [_invoice("INV-0001", "15000")]
    first, second = reconcile(invoices, [_payment("P1", "9000", 5), _payment("P2", "6000", 20)])
    for part, amount in ((first, "9000"), (second, "6000")):
        assert part.decision == "auto", part
        assert part.allocations == [("INV-0001", Decimal(amount))]
    assert "P2" in first.reason and "P1" in second.reason


def test_an_instalment_from_someone_else_leaves_the_first_with_the_owner() -> None:
    invoices = [_invoice("INV-0001", "15000")]
    stranger = IncomingPayment("P2", datetime(2026, 3, 21, 10, tzinfo=NAIROBI), Decimal(6000), "PAUL OTIENO")
    first, second = reconcile(invoices, [_payment("P1", "9000", 5), stranger])
    assert first.decision == "suggest" and second.decision != "auto"
