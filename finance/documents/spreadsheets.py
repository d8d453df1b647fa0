"""The ledger as a spreadsheet: CSV (any tool opens it) and XLSX (openpyxl), one row per entry, money
as exact numbers, for any period."""

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from finance.models import Member, Transaction
from finance.money import from_cents, plain

HEADER = (
    "date", "kind", "category", "amount", "fee", "counterparty", "reference", "channel", "from", "to", "note",
    "original",
)  # fmt: skip
_BATCH = 1000  # rows read at a time, so 10,000 entries never sit in memory as ORM objects at once


@dataclass(frozen=True)
class Row:
    day: date
    kind: str
    category: str
    amount: Decimal
    fee: Decimal
    counterparty: str
    reference: str
    channel: str
    source: str
    target: str
    note: str
    original: str  # "USD 40" for an entry made in another currency

    def values(self) -> tuple[object, ...]:
        return (
            self.day,
            self.kind,
            self.category,
            self.amount,
            self.fee,
            self.counterparty,
            self.reference,
            self.channel,
            self.source,
            self.target,
            self.note,
            self.original,
        )


def count_rows(session: Session, *, actor: Member, start: date, end: date) -> int:
    return len(session.exec(select(Transaction.id).where(*_where(actor, start, end))).all())


def rows(session: Session, *, actor: Member, start: date, end: date) -> Iterator[Row]:
    """The period's live entries, oldest first (any member may export their own business's books)."""
    last_id = 0
    while True:
        batch = session.exec(
            select(Transaction)
            .where(*_where(actor, start, end), col(Transaction.id) > last_id)
            .order_by(col(Transaction.id))
            .limit(_BATCH)
        ).all()
        if not batch:
            return
        for txn in sorted(batch, key=lambda t: (t.occurred_on, t.id or 0)):
            yield Row(
                txn.occurred_on,
                txn.kind,
                txn.category,
                from_cents(txn.amount_cents),
                from_cents(txn.fee_cents),
                txn.counterparty or "",
                txn.reference or "",
                txn.channel,
                txn.from_account or "",
                txn.to_account or "",
                txn.note or "",
                f"{txn.original_currency} {plain(from_cents(txn.original_cents))}"
                if txn.original_currency and txn.original_cents is not None
                else "",
            )
        last_id = batch[-1].id or last_id


def to_csv(entries: Iterable[Row], progress: Callable[[int], None] | None = None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n, row in enumerate(entries, 1):
        writer.writerow([v.isoformat() if isinstance(v, date) else v for v in row.values()])
        if progress:
            progress(n)
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read the names right


def to_xlsx(entries: Iterable[Row], title: str, progress: Callable[[int], None] | None = None) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31] or "Entries")
    sheet.append(list(HEADER))
    for n, row in enumerate(entries, 1):
        # openpyxl writes Decimal as a number cell: exact to the cent, and summable in Excel.
        sheet.append(list(row.values()))
        if progress:
            progress(n)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _where(actor: Member, start: date, end: date) -> list[ColumnElement[bool]]:
    return [
        col(Transaction.business_id) == actor.business_id,
        col(Transaction.deleted_at).is_(None),
        col(Transaction.occurred_on) >= start,
        col(Transaction.occurred_on) <= end,
    ]
