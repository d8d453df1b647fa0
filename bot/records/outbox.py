"""The outbox: messages KAVI starts (notices to owners, reminders to customers), each with a unique
(business, kind, subject, period) key, so the same notice queued twice is sent once."""

from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.records.models import Outbox
from finance.clock import utcnow

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


def queue(session: Session, *, business_id: int, kind: str, subject: str, period: str, payload: dict[str, Any]) -> bool:
    """True if queued now; False if this key was queued before (a repeat, a second scheduler run).
    A row whose sending failed is queued again: nothing went out, so a retry is no repeat."""
    exists = session.exec(
        select(Outbox).where(
            Outbox.business_id == business_id, Outbox.kind == kind, Outbox.subject == subject, Outbox.period == period
        )
    ).first()
    if exists is not None:
        if exists.status != FAILED:
            return False
        exists.status, exists.payload, exists.sent_at = PENDING, payload, None
        session.add(exists)
        return True
    try:
        with session.begin_nested():
            session.add(
                Outbox(
                    business_id=business_id,
                    kind=kind,
                    subject=subject[:80],
                    period=period[:20],
                    payload=payload,
                )
            )
    except IntegrityError:
        return False  # queued concurrently by someone else
    return True


def pending(session: Session, *, limit: int = 100, channels: tuple[str, ...] | None = None) -> list[Outbox]:
    rows = session.exec(select(Outbox).where(Outbox.status == PENDING).order_by(col(Outbox.id)).limit(limit)).all()
    if channels is None:
        return list(rows)
    return [row for row in rows if (row.payload or {}).get("channel") in channels]


def claim(session: Session, *, outbox_id: int) -> bool:
    """Moves one row from pending to sending; only one sender ever wins it."""
    result = session.execute(
        update(Outbox).where(col(Outbox.id) == outbox_id, col(Outbox.status) == PENDING).values(status=SENDING)
    )
    # An UPDATE gives a CursorResult, which has rowcount; SQLAlchemy's Session.execute is typed as
    # returning the plain Result for every statement, so the stubs do not know it.
    return bool(result.rowcount)  # type: ignore[attr-defined]


def finish(session: Session, *, outbox_id: int, ok: bool) -> None:
    session.execute(
        update(Outbox).where(col(Outbox.id) == outbox_id).values(status=SENT if ok else FAILED, sent_at=utcnow())
    )


def notices_for(session: Session, *, channel: str, recipient: str) -> list[Outbox]:
    """Pending notices for someone on a channel KAVI cannot push to (the web chat): shown on their
    next message, and marked sent."""
    rows = [
        row
        for row in session.exec(select(Outbox).where(Outbox.status == PENDING).order_by(col(Outbox.id))).all()
        if (row.payload or {}).get("channel") == channel and (row.payload or {}).get("to") == recipient
    ]
    for row in rows:
        row.status, row.sent_at = SENT, utcnow()
        session.add(row)
    return rows


class SessionOutbox:
    """The outbox inside one transaction: what the conversation layer hands its notices to (its
    `NoticeBox`), so a notice is queued with the entry it tells of, or not at all."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def queue(self, *, business_id: int, kind: str, subject: str, period: str, payload: dict[str, Any]) -> bool:
        return queue(self.session, business_id=business_id, kind=kind, subject=subject, period=period, payload=payload)
