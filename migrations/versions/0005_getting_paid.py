"""Getting paid: gap-free invoice numbers, credit notes, payment allocations, STK requests, payer aliases

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 06:38:57.771078
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import finance.models.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payeralias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("created_at", finance.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["business.id"],
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("business_id", "key"),
    )
    with op.batch_alter_table("payeralias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payeralias_business_id"), ["business_id"], unique=False)

    op.create_table(
        "supplierevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", finance.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["business.id"],
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["supplier.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supplierevent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supplierevent_business_id"), ["business_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_supplierevent_supplier_id"), ["supplier_id"], unique=False)

    op.create_table(
        "paymentrequest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_id", sa.Integer(), nullable=False),
        sa.Column("checkout_request_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("merchant_request_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("result_code", sa.Integer(), nullable=True),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("created_at", finance.models.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("completed_at", finance.models.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["business.id"],
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["person.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("checkout_request_id"),
    )
    with op.batch_alter_table("paymentrequest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_paymentrequest_business_id"), ["business_id"], unique=False)

    op.create_table(
        "paymentallocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("paymentallocation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_paymentallocation_invoice_id"), ["invoice_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_paymentallocation_payment_id"), ["payment_id"], unique=False)

    with op.batch_alter_table("business", schema=None) as batch_op:
        batch_op.add_column(sa.Column("invoice_due_days", sa.Integer(), nullable=False, server_default="7"))
        batch_op.add_column(sa.Column("next_invoice_number", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("next_credit_note_number", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("callback_token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_business_callback_token", ["callback_token"])

    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credit_cents", sa.BigInteger(), nullable=False, server_default="0"))

    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credited_cents", sa.BigInteger(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("sent_at", finance.models.types.UTCDateTime(timezone=True), nullable=True))

    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("suggestion", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("suggestion")

    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_column("sent_at")
        batch_op.drop_column("credited_cents")

    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("credit_cents")

    with op.batch_alter_table("business", schema=None) as batch_op:
        batch_op.drop_constraint("uq_business_callback_token", type_="unique")
        batch_op.drop_column("callback_token")
        batch_op.drop_column("next_credit_note_number")
        batch_op.drop_column("next_invoice_number")
        batch_op.drop_column("invoice_due_days")

    with op.batch_alter_table("paymentallocation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_paymentallocation_payment_id"))
        batch_op.drop_index(batch_op.f("ix_paymentallocation_invoice_id"))

    op.drop_table("paymentallocation")
    with op.batch_alter_table("paymentrequest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_paymentrequest_business_id"))

    op.drop_table("paymentrequest")
    with op.batch_alter_table("supplierevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplierevent_supplier_id"))
        batch_op.drop_index(batch_op.f("ix_supplierevent_business_id"))

    op.drop_table("supplierevent")
    with op.batch_alter_table("payeralias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payeralias_business_id"))

    op.drop_table("payeralias")
