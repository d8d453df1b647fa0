"""budget alerts: each threshold of a budget period is told once

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "budgetalert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("budget_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["budget_id"], ["budget.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("budget_id", "period_start", "threshold"),
    )
    with op.batch_alter_table("budgetalert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_budgetalert_budget_id"), ["budget_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("budgetalert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budgetalert_budget_id"))
    op.drop_table("budgetalert")
