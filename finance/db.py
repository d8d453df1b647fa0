"""Engines, sessions and migrations for SQLite (embedded) and PostgreSQL (production)."""

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from finance.settings import finance_settings

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def normalise_url(url: str) -> str:
    """Accept the postgres:// URLs hosting providers hand out; use psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str | None = None) -> Engine:
    url = normalise_url(url or finance_settings().kavi_database_url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite opens transactions lazily, so a SAVEPOINT first in a transaction would
    # commit on its own; SQLAlchemy's recipe: let us emit BEGIN ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the web server read while a write is in flight.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front: two writers wait in turn (busy_timeout)
    # instead of one failing when it upgrades a read lock.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


@lru_cache
def default_engine() -> Engine:
    return make_engine()


_SQLITE_WRITERS: dict[str, threading.RLock] = {}
_GUARD = threading.Lock()


def writer_lock(engine: Engine) -> AbstractContextManager[Any]:
    """SQLite has one writer at a time, and its busy handler wakes waiters late (sleeps of up to
    100 ms). Within a process, writers queue on a lock instead and go the moment it is free.
    PostgreSQL needs nothing of the kind."""
    if engine.dialect.name != "sqlite":
        return nullcontext()
    key = str(engine.url.database)
    with _GUARD:
        return _SQLITE_WRITERS.setdefault(key, threading.RLock())


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: committed on success, rolled back on any error."""
    engine = engine or default_engine()
    with writer_lock(engine), Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def migrate(engine: Engine | None = None, revision: str = "head") -> None:
    engine = engine or default_engine()
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
