"""scheduled nudges: per-person nudge settings and quiet hours, automatic customer reminders per
business, and recurring entries (each occurrence recorded once)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not batch mode (see 0012): rebuilding `person` or `transaction` under foreign
# keys fails on a database with records.
def upgrade() -> None:
    op.add_column("person", sa.Column("nudges", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("person", sa.Column("nudges_off", sqlmodel.AutoString(length=200), nullable=False, server_default=""))
    op.add_column("person", sa.Column("quiet_from", sa.Integer(), nullable=False, server_default="1260"))
    op.add_column("person", sa.Column("quiet_to", sa.Integer(), nullable=False, server_default="420"))
    op.add_column("invoice", sa.Column("snoozed_until", sa.Date(), nullable=True))
    op.add_column("business", sa.Column("auto_remind", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "recurring",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.AutoString(length=10), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("category", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("counterparty", sqlmodel.AutoString(length=120), nullable=True),
        sa.Column("every", sqlmodel.AutoString(length=10), nullable=False),
        sa.Column("anchor", sa.Date(), nullable=False),
        sa.Column("next_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["business_id"], ["business.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_recurring_business_id"), "recurring", ["business_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in one ALTER; alembic would only offer batch mode.
        op.execute('ALTER TABLE "transaction" ADD COLUMN recurring_id INTEGER REFERENCES recurring (id)')
    else:
        op.add_column("transaction", sa.Column("recurring_id", sa.Integer(), nullable=True))
        op.create_foreign_key(None, "transaction", "recurring", ["recurring_id"], ["id"])
    op.create_index("ix_transaction_recurring_day", "transaction", ["recurring_id", "occurred_on"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_transaction_recurring_day", table_name="transaction")
    with op.batch_alter_table("transaction") as batch:
        batch.drop_column("recurring_id")
    op.drop_index(op.f("ix_recurring_business_id"), table_name="recurring")
    op.drop_table("recurring")
    op.drop_column("business", "auto_remind")
    op.drop_column("invoice", "snoozed_until")
    for column in ("quiet_to", "quiet_from", "nudges_off", "nudges"):
        op.drop_column("person", column)
