"""Recording, correcting, undoing and redoing income and expenses."""

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from finance.categories import categories_for
from finance.clock import utcnow
from finance.errors import DuplicateReference, InvalidAmount, InvalidCategory, NotFound
from finance.models import Account, ActivityLog, Channel, Kind, Member, Role, Transaction
from finance.models.receipt import Receipt
from finance.models.recurring import Recurring
from finance.money import CENT, MAX_AMOUNT, ZERO, from_cents, plain, to_cents
from finance.services.access import can, require_role
from finance.services.activity import log_activity


def check_amount(amount: Decimal) -> None:
    if amount <= 0:
        raise InvalidAmount(amount, "not_positive")
    if amount > MAX_AMOUNT:
        raise InvalidAmount(amount, "too_large")
    if amount != amount.quantize(CENT):
        raise InvalidAmount(amount, "too_precise")


def snapshot(txn: Transaction) -> dict[str, Any]:
    """What the activity log keeps of an entry: plain JSON, money as strings."""
    return {
        "kind": txn.kind,
        "amount": plain(from_cents(txn.amount_cents)),
        "category": txn.category,
        "counterparty": txn.counterparty,
        "date": txn.occurred_on.isoformat(),
        "from": txn.from_account,
        "to": txn.to_account,
        "reference": txn.reference,
        "deleted": txn.deleted_at is not None,
    }


def record_transaction(
    session: Session,
    *,
    actor: Member,
    kind: Kind | str,
    amount: Decimal,
    category: str,
    occurred_on: date,
    counterparty: str | None = None,
    reference: str | None = None,
    channel: Channel | str = Channel.cash,
    phone: str | None = None,
    fee: Decimal = ZERO,
    note: str | None = None,
    source_event_id: int | None = None,
    related_to_id: int | None = None,
    from_account: Account | str | None = None,
    to_account: Account | str | None = None,
    original: tuple[str, Decimal] | None = None,
    recurring_id: int | None = None,
    receipt_id: int | None = None,
) -> Transaction:
    """`original`: the currency and amount the entry was made in, when not the business's own.
    `recurring_id`: the schedule recording this occurrence (one a day; a second raises IntegrityError)."""
    require_role(actor, Role.staff)
    kind = Kind(kind)
    check_amount(amount)
    if category not in categories_for(kind):
        raise InvalidCategory(f"{category!r} is not a {kind.value} category")
    if kind == Kind.transfer:
        if from_account is None or to_account is None or Account(from_account) == Account(to_account):
            raise InvalidCategory("a transfer needs two different accounts")
        from_account, to_account = Account(from_account).value, Account(to_account).value
    if receipt_id is not None:
        receipt = session.get(Receipt, receipt_id)
        if receipt is None or receipt.business_id != actor.business_id:
            raise NotFound(f"receipt {receipt_id}")
    if reference:
        reference = reference.strip().upper()
        existing = session.exec(
            select(Transaction).where(Transaction.business_id == actor.business_id, Transaction.reference == reference)
        ).first()
        if existing is not None:
            raise DuplicateReference(reference, existing.id or 0)
    txn = Transaction(
        business_id=actor.business_id,
        kind=kind.value,
        amount_cents=to_cents(amount),
        category=category,
        counterparty=counterparty,
        occurred_on=occurred_on,
        reference=reference or None,
        channel=Channel(channel).value,
        phone=phone,
        fee_cents=to_cents(fee),
        from_account=from_account,
        to_account=to_account,
        note=note,
        created_by=actor.person_id,
        source_event_id=source_event_id,
        related_to_id=related_to_id,
        original_currency=original[0].upper() if original else None,
        original_cents=to_cents(original[1]) if original else None,
        recurring_id=recurring_id,
        receipt_id=receipt_id,
    )
    # A savepoint, so a reference recorded concurrently fails this entry only.
    try:
        with session.begin_nested():
            session.add(txn)
    except IntegrityError as exc:
        if reference:
            raise DuplicateReference(reference, 0) from exc
        raise
    log_activity(session, actor=actor, action="record", entity="transaction", entity_id=txn.id, after=snapshot(txn))
    return txn


def _own_entries(actor: Member) -> Any:
    return select(Transaction).where(
        Transaction.business_id == actor.business_id, Transaction.created_by == actor.person_id
    )


def get_transaction(session: Session, *, actor: Member, transaction_id: int) -> Transaction:
    txn = session.get(Transaction, transaction_id)
    if txn is None or txn.business_id != actor.business_id:
        raise NotFound(f"transaction {transaction_id}")
    return txn


def transaction_by_reference(session: Session, *, actor: Member, reference: str) -> Transaction | None:
    return session.exec(
        select(Transaction).where(
            Transaction.business_id == actor.business_id, Transaction.reference == reference.strip().upper()
        )
    ).first()


def last_transaction(session: Session, *, actor: Member) -> Transaction | None:
    query = _own_entries(actor).where(col(Transaction.deleted_at).is_(None))
    return session.exec(query.order_by(col(Transaction.id).desc())).first()


def undo_last(session: Session, *, actor: Member) -> Transaction | None:
    """Soft-deletes the actor's latest entry; `redo_last` brings it back."""
    require_role(actor, Role.staff)
    txn = last_transaction(session, actor=actor)
    if txn is None:
        return None
    return _set_deleted(session, actor=actor, txn=txn, undo=True)


def undo_entry(session: Session, *, actor: Member, transaction_id: int) -> Transaction | None:
    """Soft-deletes one entry of the actor's (the Undo button under its confirmation); None when it
    is gone already. Another member's entry is not theirs to undo."""
    require_role(actor, Role.staff)
    txn = get_transaction(session, actor=actor, transaction_id=transaction_id)
    if txn.created_by != actor.person_id and actor.role != Role.admin:
        raise NotFound(f"transaction {transaction_id}")
    if txn.deleted_at is not None:
        return None
    return _set_deleted(session, actor=actor, txn=txn, undo=True)


def redo_last(session: Session, *, actor: Member) -> Transaction | None:
    """Restores the entry the actor most recently undid, if it is still deleted."""
    require_role(actor, Role.staff)
    undos = session.exec(
        select(ActivityLog)
        .where(
            ActivityLog.business_id == actor.business_id,
            ActivityLog.person_id == actor.person_id,
            ActivityLog.entity == "transaction",
            ActivityLog.action == "undo",
        )
        .order_by(col(ActivityLog.id).desc())
        .limit(20)
    ).all()
    for entry in undos:
        txn = session.get(Transaction, entry.entity_id)
        if txn is not None and txn.deleted_at is not None:
            return _set_deleted(session, actor=actor, txn=txn, undo=False)
    return None


def _set_deleted(session: Session, *, actor: Member, txn: Transaction, undo: bool) -> Transaction:
    """Soft delete (undo) or restore (redo), with the change in the activity log."""
    before = snapshot(txn)
    txn.deleted_at = utcnow() if undo else None
    session.add(txn)
    schedule = session.get(Recurring, txn.recurring_id) if txn.recurring_id else None
    if schedule is not None and schedule.anchor == txn.occurred_on:
        # Undoing "rent 15k every month" undoes the schedule it started too; redo brings both back.
        schedule.stopped_at = utcnow() if undo else None
        session.add(schedule)
    log_activity(
        session,
        actor=actor,
        action="undo" if undo else "redo",
        entity="transaction",
        entity_id=txn.id,
        before=before,
        after=snapshot(txn),
    )
    session.flush()
    return txn


def edit_transaction(
    session: Session,
    *,
    actor: Member,
    transaction_id: int,
    amount: Decimal | None = None,
    category: str | None = None,
    occurred_on: date | None = None,
    counterparty: str | None = None,
) -> Transaction:
    """Corrects an entry; staff may correct only their own, admins any in the business."""
    require_role(actor, Role.staff)
    txn = get_transaction(session, actor=actor, transaction_id=transaction_id)
    if txn.created_by != actor.person_id and not can(actor, Role.admin):
        raise NotFound(f"transaction {transaction_id}")
    if txn.deleted_at is not None:
        raise NotFound(f"transaction {transaction_id} was undone")
    before = snapshot(txn)
    if amount is not None:
        check_amount(amount)
        txn.amount_cents = to_cents(amount)
    if category is not None:
        if txn.kind == Kind.transfer and category not in categories_for(Kind.transfer):
            raise InvalidCategory("a transfer stays a transfer; undo it and record the entry instead")
        if category in categories_for(txn.kind):
            txn.category = category
        elif category in categories_for(Kind.income if txn.kind == Kind.expense else Kind.expense):
            # "no, it was sales" turns a mistaken expense into income, and back.
            txn.kind = Kind.income.value if txn.kind == Kind.expense else Kind.expense.value
            txn.category = category
        else:
            raise InvalidCategory(category)
    if occurred_on is not None:
        txn.occurred_on = occurred_on
    if counterparty is not None:
        txn.counterparty = counterparty
    session.add(txn)
    log_activity(
        session,
        actor=actor,
        action="edit",
        entity="transaction",
        entity_id=txn.id,
        before=before,
        after=snapshot(txn),
    )
    session.flush()
    return txn


def edit_last(session: Session, *, actor: Member, **changes: Any) -> Transaction | None:
    txn = last_transaction(session, actor=actor)
    if txn is None or txn.id is None:
        return None
    return edit_transaction(session, actor=actor, transaction_id=txn.id, **changes)


def recent_transactions(session: Session, *, actor: Member, limit: int = 10) -> list[Transaction]:
    query = (
        select(Transaction)
        .where(Transaction.business_id == actor.business_id, col(Transaction.deleted_at).is_(None))
        .order_by(col(Transaction.occurred_on).desc(), col(Transaction.id).desc())
        .limit(limit)
    )
    return list(session.exec(query).all())
