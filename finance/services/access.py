"""Roles: viewers read, staff also record, admins also manage the business."""

from finance.errors import AccessDenied
from finance.models import Member, Role

_RANK = {Role.viewer: 0, Role.staff: 1, Role.admin: 2}


def require_role(actor: Member, needed: Role) -> None:
    if _RANK[Role(actor.role)] < _RANK[needed]:
        raise AccessDenied(needed.value, actor.role)


def can(actor: Member, needed: Role) -> bool:
    return _RANK[Role(actor.role)] >= _RANK[needed]
