"""Alembic environment: KAVI passes its own connection in, or the URL from settings."""

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

# Each import registers its tables on the one metadata.
import bot.records.models  # noqa: F401
import conversations.state  # noqa: F401
import finance.models  # noqa: F401

target_metadata = SQLModel.metadata
config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_with(connection)
        return
    engine = engine_from_config(config.get_section(config.config_ini_section) or {}, poolclass=pool.NullPool)
    with engine.begin() as conn:
        _run_with(conn)


def _run_with(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # procrastinate's tables (migration 0014) are its own; autogenerate must not drop them.
        include_name=lambda name, kind, _: not str(name).startswith("procrastinate_"),
    )
    with context.begin_transaction():
        context.run_migrations()


run()
