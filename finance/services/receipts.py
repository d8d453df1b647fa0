"""Receipt photos kept for the expenses read from them: one receipt per picture (the same bytes sent
twice are the same receipt), dropped when the owner cancels, its picture gone after the retention
period or an erasure while the entry it proved stays."""

import hashlib
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select, update

from finance.errors import NotFound
from finance.models import Member, Role, Transaction
from finance.models.receipt import Receipt
from finance.services.access import require_role

MAX_TEXT = 4000


def keep_receipt(
    session: Session, *, actor: Member, content_type: str, data: bytes, merchant: str | None, text: str
) -> Receipt:
    """The receipt for these bytes: the one kept already, or a new one."""
    require_role(actor, Role.staff)
    digest = hashlib.sha256(data).hexdigest()
    existing = _by_digest(session, actor, digest)
    if existing is not None:
        return existing
    receipt = Receipt(
        business_id=actor.business_id,
        content_type=content_type[:80],
        digest=digest,
        data=data,
        merchant=(merchant or None) and merchant[:120],
        text=text[:MAX_TEXT] or None,
        created_by=actor.person_id,
    )
    try:
        with session.begin_nested():  # the same photo arriving twice at once: one row
            session.add(receipt)
    except IntegrityError:
        found = _by_digest(session, actor, digest)
        if found is None:
            raise
        return found
    return receipt


def get_receipt(session: Session, *, actor: Member, receipt_id: int) -> Receipt:
    receipt = session.get(Receipt, receipt_id)
    if receipt is None or receipt.business_id != actor.business_id:
        raise NotFound(f"receipt {receipt_id}")
    return receipt


def entry_from(session: Session, *, actor: Member, receipt_id: int) -> Transaction | None:
    """The live entry already recorded from this receipt, if any."""
    return session.exec(
        select(Transaction).where(
            col(Transaction.business_id) == actor.business_id,
            col(Transaction.receipt_id) == receipt_id,
            col(Transaction.deleted_at).is_(None),
        )
    ).first()


def drop_receipt(session: Session, *, actor: Member, receipt_id: int) -> bool:
    """A receipt the owner said not to record: gone, unless an entry (even an undone one) rests on it."""
    require_role(actor, Role.staff)
    receipt = get_receipt(session, actor=actor, receipt_id=receipt_id)
    linked = session.exec(select(Transaction.id).where(col(Transaction.receipt_id) == receipt_id)).first()
    if linked is not None:
        return False
    session.delete(receipt)
    session.flush()
    return True


def expire_receipts(session: Session, *, before: datetime, business_id: int | None = None) -> int:
    """Pictures and their text older than `before` (or all of one business's) forgotten; the rows stay so
    entries keep saying they came from a receipt."""
    query = update(Receipt).where(col(Receipt.data).is_not(None))
    query = (
        query.where(col(Receipt.business_id) == business_id)
        if business_id
        else query.where(col(Receipt.created_at) < before)
    )
    result = session.exec(query.values(data=None, text=None))  # type: ignore[call-overload]
    return int(result.rowcount or 0)


def _by_digest(session: Session, actor: Member, digest: str) -> Receipt | None:
    return session.exec(
        select(Receipt).where(col(Receipt.business_id) == actor.business_id, col(Receipt.digest) == digest)
    ).first()
