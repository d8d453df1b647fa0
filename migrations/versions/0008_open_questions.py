"""open questions: the pending question's id, a counter, and the questions whose buttons still work

Revision ID: 0008
Revises: 0007_reply_deliveries
Create Date: 2026-12-01 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007_reply_deliveries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conversationstate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pending_question_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("question_seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("questions", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversationstate", schema=None) as batch_op:
        batch_op.drop_column("questions")
        batch_op.drop_column("question_seq")
        batch_op.drop_column("pending_question_id")
