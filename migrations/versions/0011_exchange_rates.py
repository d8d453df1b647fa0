"""exchange rates, and entries that keep the currency and amount they were made in

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 13:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchangerate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("rate", sa.Numeric(14, 6), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["business_id"], ["business.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("business_id", "currency", "day"),
    )
    with op.batch_alter_table("exchangerate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exchangerate_business_id"), ["business_id"], unique=False)
    with op.batch_alter_table("transaction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("original_currency", sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column("original_cents", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transaction", schema=None) as batch_op:
        batch_op.drop_column("original_cents")
        batch_op.drop_column("original_currency")
    with op.batch_alter_table("exchangerate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchangerate_business_id"))
    op.drop_table("exchangerate")
