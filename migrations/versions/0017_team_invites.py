"""team invitations: a code per invite, seven days to accept on any channel, five wrong codes lock it

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("role", sqlmodel.AutoString(length=10), nullable=False),
        sa.Column("phone", sqlmodel.AutoString(length=20), nullable=True),
        sa.Column("code", sqlmodel.AutoString(length=12), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("wrong_codes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_by", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["business_id"], ["business.id"]),
        sa.ForeignKeyConstraint(["created_by"], ["person.id"]),
        sa.ForeignKeyConstraint(["accepted_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_index(op.f("ix_invite_business_id"), "invite", ["business_id"], unique=False)
    op.create_index(op.f("ix_invite_phone"), "invite", ["phone"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_invite_phone"), table_name="invite")
    op.drop_index(op.f("ix_invite_business_id"), table_name="invite")
    op.drop_table("invite")
