from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from finance.db import downgrade, migrate


def test_migrations_match_the_models(engine: Engine) -> None:
    """A model changed without a migration shows up here as a difference."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_downgrade_and_upgrade_again(engine: Engine) -> None:
    downgrade(engine, "base")
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        migrate(engine)
    assert {"transaction", "business", "inboundevent", "conversationstate"} <= set(inspect(engine).get_table_names())
