"""The CSV interface of `kavi reconcile` (shared/contracts/reconciliation.md)."""

import csv
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from finance.clock import NAIROBI
from finance.money import D
from finance.reconciliation.batch import collector_paused
from finance.reconciliation.model import Decision, IncomingPayment, OpenInvoice

MATCH_COLUMNS = ["payment_id", "invoice_number", "amount_applied", "confidence", "decision"]
INVOICE_COLUMNS = ("number", "customer_name", "customer_phone", "issued_on", "due_on", "total", "paid")
PAYMENT_COLUMNS = ("id", "received_at", "amount", "payer_name", "payer_phone", "reference", "channel")


class CsvError(ValueError):
    """A file that is not in the contract's format: says which line and why."""


def _rows(path: Path, needed: tuple[str, ...]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The rows with the needed columns in the order asked for, whatever the file's order (a plain
    reader and one C-level getter: a dict per row would be a third of the reading time)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        missing = set(needed) - set(header)
        if missing:
            raise CsvError(f"{path.name}: missing columns {', '.join(sorted(missing))}")
        columns = itemgetter(*(header.index(name) for name in needed))
        width = len(header)
        line = 1
        for row in reader:
            if not row:
                continue  # a blank line is no row (as csv.DictReader reads it)
            line += 1
            if len(row) < width:
                row += [""] * (width - len(row))
            yield line, columns(row)


def read_invoices(path: Path) -> list[OpenInvoice]:
    invoices = []
    with collector_paused():
        for line, (number, name, phone, issued_on, due_on, total, paid) in _rows(path, INVOICE_COLUMNS):
            try:
                invoices.append(
                    OpenInvoice(
                        number=number.strip(),
                        customer_name=name.strip(),
                        customer_phone=phone.strip() or None,
                        issued_on=date.fromisoformat(issued_on.strip()),
                        due_on=date.fromisoformat(due_on.strip()),
                        total=D(total),
                        paid=D(paid or "0"),
                    )
                )
            except ValueError as exc:
                raise CsvError(f"{path.name} line {line}: {exc}") from exc
    return invoices


def _when(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=NAIROBI)  # M-Pesa times are Kenyan time


def read_payments(path: Path) -> list[IncomingPayment]:
    payments = []
    # Amounts, times and channels repeat across a statement: each text is read once (Decimal and
    # datetime are immutable, so the payments can share them).
    amounts: dict[str, Decimal] = {}
    moments: dict[str, datetime] = {}
    channels: dict[str, str] = {}
    with collector_paused():
        for line, (ident, received_at, amount, name, phone, reference, channel) in _rows(path, PAYMENT_COLUMNS):
            try:
                try:
                    value = amounts[amount]
                except KeyError:
                    value = amounts[amount] = D(amount)
                try:
                    moment = moments[received_at]
                except KeyError:
                    moment = moments[received_at] = _when(received_at)
                try:
                    kind = channels[channel]
                except KeyError:
                    kind = channels[channel] = channel.strip().lower()
                payments.append(IncomingPayment(ident.strip(), moment, value, name, phone, reference, kind))
            except ValueError as exc:
                raise CsvError(f"{path.name} line {line}: {exc}") from exc
    return payments


def write_matches(decisions: list[Decision], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(MATCH_COLUMNS)
    writer.writerows(_match_rows(decisions))


def _match_rows(decisions: list[Decision]) -> Iterator[list[object]]:
    for decision in decisions:
        allocations = decision.allocations or []
        if decision.decision == "none" or not allocations:
            yield [decision.payment_id, "", "", decision.confidence, "none"]
            continue
        for allocation in allocations:
            yield [
                decision.payment_id,
                allocation.invoice_number or "",
                f"{allocation.amount:f}",
                decision.confidence,
                decision.decision,
            ]
