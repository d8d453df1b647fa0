"""chart replies: a person may have charts sent with their summaries, budgets and forecasts

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not batch mode: SQLite's batch mode rebuilds the table, and dropping `person`
# while members and entries point at it fails under foreign keys.
def upgrade() -> None:
    op.add_column("person", sa.Column("chart_replies", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("person", "chart_replies")
