"""Writes the audit trail."""

from typing import Any

from sqlmodel import Session

from finance.models import ActivityLog, Member


def log_activity(
    session: Session,
    *,
    actor: Member,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> ActivityLog:
    entry = ActivityLog(
        business_id=actor.business_id,
        person_id=actor.person_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
    )
    session.add(entry)
    return entry
