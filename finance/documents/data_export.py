"""Everything KAVI keeps about a person, as one ZIP (Kenya Data Protection Act, right of access): their
profile and memberships, and for each business they run (admin) its books — transactions, customers,
suppliers, invoices, payments, the activity log and the invoice PDFs — or, for staff and viewers, the
entries and changes they made. A README says what each file is."""

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from finance.clock import utcnow
from finance.documents.invoice_pdf import pdf_for
from finance.models import (
    ActivityLog,
    Business,
    Customer,
    Invoice,
    Member,
    Payment,
    Person,
    Role,
    Supplier,
    Transaction,
)
from finance.models.receipt import Receipt
from finance.money import from_cents, plain

_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf"}
_README = """KAVI — your data export ({made})

This archive holds what KAVI keeps about you ({who}), as the Kenya Data Protection Act (2019) lets you ask.

me.csv            your profile: name, phone, language and settings
memberships.csv   the businesses you belong to and your role in each
For each business, a folder named after it:
  transactions.csv  money in and out (amounts in the business's currency; the original currency when another)
  customers.csv     customers: name, phone, e-mail, note, credit on account
  suppliers.csv     suppliers: name, phone, payment terms
  invoices.csv      invoices: number, customer, dates, total, paid, status
  payments.csv      payments received (M-Pesa and others) and how they were matched
  activity.csv      the activity log: who changed what, when, with before and after
  invoices/         each invoice as the PDF the customer got
  receipts/         receipt photos kept with entries, named by the entry's date and id (until they expire)
As staff or a viewer you get the entries and changes you made, not the whole books (they are the owner's).

Amounts are plain numbers (no separators); times are UTC, ISO 8601.
To delete your data, send KAVI "delete my data".
"""


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with a BOM as UTF-8


def _money(cents: int | None) -> str:
    return plain(from_cents(cents or 0))


def _when(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def _folder(business: Business) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in business.name).strip() or "business"
    return f"{safe}-{business.id}"


def person_export(session: Session, *, person: Person) -> bytes:
    """The ZIP for one person; only their own businesses' books, and only what they may see."""
    memberships = session.exec(
        select(Member, Business)
        .join(Business, col(Business.id) == col(Member.business_id))
        .where(Member.person_id == person.id)
        .order_by(col(Member.id))
    ).all()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        who = person.name or person.phone or f"person {person.id}"
        archive.writestr("README.txt", _README.format(made=utcnow().strftime("%Y-%m-%d %H:%M UTC"), who=who))
        archive.writestr(
            "me.csv",
            _csv(
                ("name", "phone", "language", "voice_replies", "chart_replies", "nudges", "created_at"),
                [
                    (
                        person.name,
                        person.phone,
                        person.language,
                        person.voice_replies,
                        person.chart_replies,
                        person.nudges,
                        _when(person.created_at),
                    )
                ],
            ),
        )
        archive.writestr(
            "memberships.csv",
            _csv(
                ("business", "role", "since"),
                [(business.name, member.role, _when(member.created_at)) for member, business in memberships],
            ),
        )
        for member, business in memberships:
            _business_files(session, archive, business, only_person=None if member.role == Role.admin else person.id)
    return buffer.getvalue()


def business_export(session: Session, *, business: Business) -> bytes:
    """The whole books of one business (for `kavi data export --business`, an operator's tool)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _README.format(made=utcnow().strftime("%Y-%m-%d %H:%M UTC"), who=business.name))
        _business_files(session, archive, business, only_person=None)
    return buffer.getvalue()


def _business_files(session: Session, archive: zipfile.ZipFile, business: Business, only_person: int | None) -> None:
    folder = _folder(business)

    def mine(query: Any, model: type[SQLModel]) -> Any:
        if only_person is not None:
            return query.where(model.created_by == only_person)  # type: ignore[attr-defined]
        return query

    entries = session.exec(
        mine(select(Transaction).where(Transaction.business_id == business.id), Transaction).order_by(
            col(Transaction.occurred_on), col(Transaction.id)
        )
    ).all()
    archive.writestr(
        f"{folder}/transactions.csv",
        _csv(
            ("date", "kind", "category", "amount", "currency", "original", "counterparty", "reference", "phone",
             "note", "deleted", "recorded_at"),
            [
                (t.occurred_on.isoformat(), t.kind, t.category, _money(t.amount_cents), business.currency,
                 f"{t.original_currency} {_money(t.original_cents)}" if t.original_currency else "", t.counterparty,
                 t.reference, t.phone, t.note, "yes" if t.deleted_at else "", _when(t.created_at))
                for t in entries
            ],
        ),
    )  # fmt: skip
    customers = session.exec(mine(select(Customer).where(Customer.business_id == business.id), Customer)).all()
    archive.writestr(
        f"{folder}/customers.csv",
        _csv(
            ("name", "phone", "email", "note", "credit", "added_at"),
            [(c.name, c.phone, c.email, c.note, _money(c.credit_cents), _when(c.created_at)) for c in customers],
        ),
    )
    suppliers = session.exec(mine(select(Supplier).where(Supplier.business_id == business.id), Supplier)).all()
    archive.writestr(
        f"{folder}/suppliers.csv",
        _csv(
            ("name", "phone", "payment_terms_days", "note", "added_at"),
            [(s.name, s.phone, s.payment_terms_days, s.note, _when(s.created_at)) for s in suppliers],
        ),
    )
    invoices = session.exec(
        mine(select(Invoice).where(Invoice.business_id == business.id), Invoice).order_by(col(Invoice.id))
    ).all()
    names = {c.id: c.name for c in session.exec(select(Customer).where(Customer.business_id == business.id))}
    archive.writestr(
        f"{folder}/invoices.csv",
        _csv(
            ("number", "customer", "issued_on", "due_on", "total", "paid", "credited", "status", "currency"),
            [
                (i.number, names.get(i.customer_id), i.issued_on.isoformat(), i.due_on.isoformat(),
                 _money(i.total_cents), _money(i.paid_cents), _money(i.credited_cents), i.status,
                 i.currency or business.currency)
                for i in invoices
            ],
        ),
    )  # fmt: skip
    for invoice in invoices:
        archive.writestr(f"{folder}/invoices/{invoice.number}.pdf", pdf_for(session, invoice))
    for entry in entries:
        receipt = session.get(Receipt, entry.receipt_id) if entry.receipt_id else None
        if receipt is not None and receipt.data:
            kind = _EXTENSIONS.get(receipt.content_type, "bin")
            archive.writestr(f"{folder}/receipts/{entry.occurred_on.isoformat()}-{entry.id}.{kind}", receipt.data)
    if only_person is None:
        payments = session.exec(
            select(Payment).where(Payment.business_id == business.id).order_by(col(Payment.id))
        ).all()
        archive.writestr(
            f"{folder}/payments.csv",
            _csv(
                ("received_at", "amount", "payer", "payer_phone", "reference", "source", "status", "invoice"),
                [
                    (_when(p.received_at), _money(p.amount_cents), p.payer_name, p.payer_phone, p.reference,
                     p.source, p.status, p.invoice_id)
                    for p in payments
                ],
            ),
        )  # fmt: skip
    activity = select(ActivityLog).where(ActivityLog.business_id == business.id)
    if only_person is not None:
        activity = activity.where(ActivityLog.person_id == only_person)
    people = {p.id: p.name or p.phone for p in session.exec(select(Person))}
    archive.writestr(
        f"{folder}/activity.csv",
        _csv(
            ("at", "who", "action", "entity", "entity_id", "before", "after"),
            [
                (_when(a.created_at), people.get(a.person_id), a.action, a.entity, a.entity_id, a.before or "",
                 a.after or "")
                for a in session.exec(activity.order_by(col(ActivityLog.id)))
            ],
        ),
    )  # fmt: skip
