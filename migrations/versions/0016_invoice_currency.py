"""invoices in another currency: the invoice keeps its currency, the day's rate and what it said
(its total and each line's unit price), while its cents stay in the business's own currency

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("invoice", sa.Column("currency", sqlmodel.AutoString(length=3), nullable=True))
    op.add_column("invoice", sa.Column("rate", sa.Numeric(14, 6), nullable=True))
    op.add_column("invoice", sa.Column("original_total_cents", sa.BigInteger(), nullable=True))
    op.add_column("invoiceitem", sa.Column("original_unit_price_cents", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("invoiceitem") as batch:
        batch.drop_column("original_unit_price_cents")
    with op.batch_alter_table("invoice") as batch:
        for column in ("original_total_cents", "rate", "currency"):
            batch.drop_column(column)
