"""The CSV interface of `kavi reconcile` (shared/contracts/reconciliation.md)."""

import csv
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from finance.clock import NAIROBI
from finance.money import D
from finance.reconciliation.model import Decision, IncomingPayment, OpenInvoice

MATCH_COLUMNS = ["payment_id", "invoice_number", "amount_applied", "confidence", "decision"]


class CsvError(ValueError):
    """A file that is not in the contract's format: says which line and why."""


def _rows(path: Path, needed: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = needed - set(reader.fieldnames or [])
        if missing:
            raise CsvError(f"{path.name}: missing columns {', '.join(sorted(missing))}")
        yield from enumerate(reader, start=2)


def read_invoices(path: Path) -> list[OpenInvoice]:
    invoices = []
    for line, row in _rows(path, {"number", "customer_name", "customer_phone", "issued_on", "due_on", "total", "paid"}):
        try:
            invoices.append(
                OpenInvoice(
                    number=row["number"].strip(),
                    customer_name=row["customer_name"].strip(),
                    customer_phone=row["customer_phone"].strip() or None,
                    issued_on=date.fromisoformat(row["issued_on"].strip()),
                    due_on=date.fromisoformat(row["due_on"].strip()),
                    total=D(row["total"]),
                    paid=D(row["paid"] or "0"),
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
    for line, row in _rows(path, {"id", "received_at", "amount", "payer_name", "payer_phone", "reference", "channel"}):
        try:
            payments.append(
                IncomingPayment(
                    id=row["id"].strip(),
                    received_at=_when(row["received_at"]),
                    amount=D(row["amount"]),
                    payer_name=row["payer_name"] or "",
                    payer_phone=row["payer_phone"] or "",
                    reference=row["reference"] or "",
                    channel=(row["channel"] or "").strip().lower(),
                )
            )
        except ValueError as exc:
            raise CsvError(f"{path.name} line {line}: {exc}") from exc
    return payments


def write_matches(decisions: list[Decision], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(MATCH_COLUMNS)
    for decision in decisions:
        allocations = decision.allocations or []
        if decision.decision == "none" or not allocations:
            writer.writerow([decision.payment_id, "", "", decision.confidence, "none"])
            continue
        for allocation in allocations:
            writer.writerow(
                [
                    decision.payment_id,
                    allocation.invoice_number or "",
                    f"{allocation.amount:f}",
                    decision.confidence,
                    decision.decision,
                ]
            )
