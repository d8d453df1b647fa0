"""the right to erasure: a person's (or a business's) deletion waits out a grace period, then personal
data is erased and the money records stay, de-identified

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("person", "business"):
        op.add_column(table, sa.Column("erase_after", sa.DateTime(timezone=True), nullable=True))
        op.add_column(table, sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for table in ("business", "person"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("erased_at")
            batch.drop_column("erase_after")
