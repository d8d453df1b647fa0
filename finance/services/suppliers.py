"""Suppliers: what the business spends with each, their terms, and how reliable they have been."""

from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, col, select

from finance.models import Member, Role, Supplier, SupplierEvent, Transaction
from finance.money import from_cents
from finance.name_match import SAME_NAME, rank_by_name
from finance.phones import e164
from finance.reconciliation.signals import name_key
from finance.services.access import require_role
from finance.services.activity import log_activity

EVENT_KINDS = ("on_time", "late", "dispute")
DISPUTE_PENALTY = 15  # points off the on-time share for each dispute


def _suppliers(session: Session, business_id: int) -> list[Supplier]:
    query = select(Supplier).where(Supplier.business_id == business_id, col(Supplier.deleted_at).is_(None))
    return list(session.exec(query.order_by(col(Supplier.id))))


def find_supplier(session: Session, *, actor: Member, name: str) -> Supplier | None:
    suppliers = _suppliers(session, actor.business_id)
    ranked = rank_by_name(name, suppliers, [s.name for s in suppliers])
    return ranked[0][0] if ranked and ranked[0][1] >= SAME_NAME - 5 else None


def add_supplier(
    session: Session, *, actor: Member, name: str, phone: str | None = None, payment_terms_days: int | None = None
) -> Supplier:
    require_role(actor, Role.staff)
    supplier = Supplier(
        business_id=actor.business_id,
        name=" ".join(name.split())[:120],
        phone=e164(phone) if phone else None,
        payment_terms_days=payment_terms_days,
        created_by=actor.person_id,
    )
    session.add(supplier)
    session.flush()
    log_activity(
        session,
        actor=actor,
        action="create",
        entity="supplier",
        entity_id=supplier.id,
        after={"name": supplier.name, "phone": supplier.phone},
    )
    return supplier


def note_delivery(session: Session, *, actor: Member, supplier: Supplier, kind: str, note: str | None = None) -> None:
    """On time, late, or a dispute: what the reliability score is made of."""
    require_role(actor, Role.staff)
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown supplier event {kind!r}")
    session.add(
        SupplierEvent(
            business_id=actor.business_id,
            supplier_id=supplier.id or 0,
            kind=kind,
            note=note,
            created_by=actor.person_id,
        )
    )


@dataclass(frozen=True)
class SupplierSummary:
    supplier: Supplier
    spent: Decimal
    payments: int
    payment_terms_days: int | None
    on_time: int
    late: int
    disputes: int

    @property
    def reliability(self) -> int | None:
        """0-100: the share of deliveries on time, less a penalty per dispute; None before any is noted."""
        deliveries = self.on_time + self.late
        if deliveries == 0 and self.disputes == 0:
            return None
        share = round(100 * self.on_time / deliveries) if deliveries else 100
        return max(0, min(100, share - DISPUTE_PENALTY * self.disputes))


def summarise_supplier(session: Session, *, actor: Member, supplier: Supplier) -> SupplierSummary:
    key = name_key(supplier.name)
    spending = session.exec(
        select(Transaction.amount_cents, Transaction.counterparty).where(
            Transaction.business_id == actor.business_id,
            Transaction.kind == "expense",
            col(Transaction.deleted_at).is_(None),
            col(Transaction.counterparty).is_not(None),
        )
    ).all()
    mine = [cents for cents, who in spending if who and name_key(who) == key]
    kinds = session.exec(select(SupplierEvent.kind).where(SupplierEvent.supplier_id == supplier.id)).all()
    return SupplierSummary(
        supplier=supplier,
        spent=from_cents(sum(mine)),
        payments=len(mine),
        payment_terms_days=supplier.payment_terms_days,
        on_time=kinds.count("on_time"),
        late=kinds.count("late"),
        disputes=kinds.count("dispute"),
    )
