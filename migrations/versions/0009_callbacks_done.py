"""callbacks finished as done: M-Pesa callbacks have no replies to deliver, so recovery (which looks
for received and answered events) finds only messages and needs no list of chat channels

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CALLBACKS = "('mpesa_stk', 'mpesa_c2b')"


def upgrade() -> None:
    op.execute(f"UPDATE inboundevent SET status = 'done' WHERE status = 'answered' AND channel IN {CALLBACKS}")


def downgrade() -> None:
    op.execute(f"UPDATE inboundevent SET status = 'answered' WHERE status = 'done' AND channel IN {CALLBACKS}")
