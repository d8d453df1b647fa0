"""reply deliveries: each reply to an inbound event claimed before it is sent, marked sent after

Revision ID: 0007_reply_deliveries
Revises: 0006
Create Date: 2026-12-01 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

import finance.models.types

revision: str = "0007_reply_deliveries"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "replydelivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", AutoString(length=12), nullable=False),
        sa.Column("created_at", finance.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", finance.models.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["inboundevent.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "position"),
    )


def downgrade() -> None:
    op.drop_table("replydelivery")
