"""daily totals: per business, day, kind and category, kept by a trigger on PostgreSQL so summaries
stay fast as the books grow (the table exists on SQLite too, unused)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TOTAL = """
        INSERT INTO dailytotal (business_id, day, kind, category, cents, entries)
        VALUES ({row}.business_id, {row}.occurred_on, {row}.kind, {row}.category, {sign}{row}.amount_cents, {sign}1)
        ON CONFLICT (business_id, day, kind, category)
        DO UPDATE SET cents = dailytotal.cents + EXCLUDED.cents, entries = dailytotal.entries + EXCLUDED.entries;
"""
FUNCTION = f"""
CREATE OR REPLACE FUNCTION kavi_daily_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        {_TOTAL.format(row="OLD", sign="-")}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
        {_TOTAL.format(row="NEW", sign="")}
    END IF;
    RETURN NULL;
END $$;
"""
BACKFILL = """
INSERT INTO dailytotal (business_id, day, kind, category, cents, entries)
SELECT business_id, occurred_on, kind, category, sum(amount_cents), count(*)
FROM "transaction" WHERE deleted_at IS NULL GROUP BY business_id, occurred_on, kind, category
"""


def upgrade() -> None:
    op.create_table(
        "dailytotal",
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.AutoString(length=10), nullable=False),
        sa.Column("category", sqlmodel.AutoString(length=32), nullable=False),
        sa.Column("cents", sa.BigInteger(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["business_id"], ["business.id"]),
        sa.PrimaryKeyConstraint("business_id", "day", "kind", "category"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(
        'CREATE TRIGGER transaction_daily_totals AFTER INSERT OR UPDATE OR DELETE ON "transaction" '
        "FOR EACH ROW EXECUTE FUNCTION kavi_daily_totals()"
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute('DROP TRIGGER IF EXISTS transaction_daily_totals ON "transaction"')
        op.execute("DROP FUNCTION IF EXISTS kavi_daily_totals()")
    op.drop_table("dailytotal")
