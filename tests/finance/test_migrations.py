from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from finance.db import downgrade, migrate


def test_migrations_match_the_models(engine: Engine) -> None:
    """A model changed without a migration shows up here as a difference."""
    with engine.connect() as connection:
        # procrastinate's queue tables are its own (migration 0014 applies its schema), not our models.
        ours = {"compare_type": True, "include_name": lambda name, kind, _: not str(name).startswith("procrastinate_")}
        context = MigrationContext.configure(connection, opts=ours)
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_downgrade_and_upgrade_again(engine: Engine) -> None:
    downgrade(engine, "base")
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        migrate(engine)
    assert {"transaction", "business", "inboundevent", "conversationstate"} <= set(inspect(engine).get_table_names())


def test_upgrade_keeps_a_business_with_records(engine: Engine) -> None:
    """The latest migrations run on a database whose people are referenced by members and entries: a
    table rebuilt under foreign keys failed there once ("DROP TABLE person"), and no owner could start."""
    downgrade(engine, "0010")
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO person (id, name, language, language_fixed, voice_replies, created_at) "
                    "VALUES (1, 'Wanjiku', 'en', false, 'auto', CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO business (id, name, currency, timezone, invoice_due_days, next_invoice_number, "
                    "next_credit_note_number, named, created_at) "
                    "VALUES (1, 'Shop', 'KES', 'Africa/Nairobi', 7, 1, 1, true, CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO member (business_id, person_id, role, created_at) "
                    "VALUES (1, 1, 'admin', CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    'INSERT INTO "transaction" (business_id, kind, amount_cents, category, occurred_on, channel, '
                    "fee_cents, created_by, created_at) "
                    "VALUES (1, 'expense', 500, 'rent', '2026-11-02', 'cash', 0, 1, CURRENT_TIMESTAMP)"
                )
            )
    finally:
        migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, chart_replies FROM person")).all() == [("Wanjiku", False)]
        assert conn.execute(text("SELECT count(*) FROM member")).scalar() == 1
        assert conn.execute(text('SELECT amount_cents, original_currency FROM "transaction"')).all() == [(500, None)]
