"""Importing an M-PESA statement: money in becomes payments (recorded and reconciled like any other),
money out becomes expenses; receipts already in the books (a forwarded SMS, an earlier import, a
C2B confirmation) are skipped, so importing the same file twice changes nothing."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlmodel import Session

from finance.errors import DuplicateReference
from finance.models import Member
from finance.mpesa.statement import StatementRow
from finance.services.ledger import record_transaction, transaction_by_reference
from finance.services.payments import PaymentIn, receive


@dataclass
class ImportResult:
    rows: int = 0
    income: int = 0
    expenses: int = 0
    duplicates: int = 0
    matched: int = 0
    suggested: int = 0

    @property
    def new(self) -> int:
        return self.income + self.expenses


def import_statement(
    session: Session,
    *,
    actor: Member,
    rows: Iterable[StatementRow],
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    result = ImportResult()
    for row in rows:
        result.rows += 1
        with session.begin_nested():  # one bad row never takes the others with it
            _import_row(session, actor, row, result)
        if progress is not None:
            progress(1)
    return result


def _import_row(session: Session, actor: Member, row: StatementRow, result: ImportResult) -> None:
    if row.paid_in > 0:
        pin = PaymentIn(
            row.paid_in,
            row.at,
            "statement",
            reference=row.receipt,
            payer_name=row.payer_name,
            payer_phone=row.payer_phone,
            account=row.account,
        )
        if transaction_by_reference(session, actor=actor, reference=row.receipt) is not None:
            result.duplicates += 1
            return
        outcome = receive(session, actor=actor, pin=pin)
        if outcome.duplicate:
            result.duplicates += 1
            return
        result.income += 1
        result.matched += bool(outcome.applied)
        result.suggested += bool(outcome.suggested)
        return
    if row.withdrawn <= 0:
        return
    # A charge shares its receipt with the payment it belongs to.
    reference = f"{row.receipt}-FEE" if row.is_charge else row.receipt
    main = transaction_by_reference(session, actor=actor, reference=row.receipt) if row.is_charge else None
    if main is not None and main.fee_cents > 0:
        result.duplicates += 1  # the forwarded SMS already recorded this charge
        return
    try:
        record_transaction(
            session,
            actor=actor,
            kind="expense",
            amount=row.withdrawn,
            category="fees" if row.is_charge else "other",
            occurred_on=row.at.date(),
            counterparty=row.payer_name.title() or None,
            reference=reference,
            channel="mpesa",
            note=row.details[:500],
            related_to_id=main.id if main is not None else None,
        )
    except DuplicateReference:
        result.duplicates += 1
        return
    result.expenses += 1
