"""voice reply preference: auto / always / never instead of a yes-no flag

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A new column rather than a type change in place: SQLite cannot alter a column's type.
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("voice_mode", sa.String(length=8), nullable=False, server_default="auto"))
    op.execute(sa.text("UPDATE person SET voice_mode = 'always' WHERE voice_replies"))
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("voice_replies")
        batch_op.alter_column("voice_mode", new_column_name="voice_replies")


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.alter_column("voice_replies", new_column_name="voice_mode")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("voice_replies", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(sa.text("UPDATE person SET voice_replies = (voice_mode = 'always')"))
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("voice_mode")
