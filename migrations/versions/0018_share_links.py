"""invoice share links expire: 90 days after the invoice is paid or cancelled, or after the owner
renews the link (a new token), whichever is later; the renewal's time is kept

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("invoice", sa.Column("share_issued_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("invoice") as batch:
        batch.drop_column("share_issued_at")
