"""receipts: a receipt photo kept with the expense read from it

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from finance.models.types import UTCDateTime

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("content_type", sqlmodel.AutoString(length=80), nullable=False),
        sa.Column("digest", sqlmodel.AutoString(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("merchant", sqlmodel.AutoString(length=120), nullable=True),
        sa.Column("text", sqlmodel.AutoString(length=4000), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["business_id"], ["business.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("business_id", "digest"),
    )
    op.create_index("ix_receipt_business_id", "receipt", ["business_id"])
    with op.batch_alter_table("transaction") as batch:
        batch.add_column(sa.Column("receipt_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_transaction_receipt", "receipt", ["receipt_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("transaction") as batch:
        batch.drop_constraint("fk_transaction_receipt", type_="foreignkey")
        batch.drop_column("receipt_id")
    op.drop_index("ix_receipt_business_id", table_name="receipt")
    op.drop_table("receipt")
