"""Every database test runs on SQLite and on PostgreSQL; both are migrated with Alembic."""

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import finance.models  # noqa: F401  (the metadata knows every table)
from finance.db import make_engine, migrate
from tests.chat import ChatTester
from tests.postgres import start_postgres

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TODAY = date(2026, 11, 22)


def _required(name: str) -> bool:
    return os.environ.get(name) == "1"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    given = os.environ.get("KAVI_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    server = start_postgres()
    if server is None:
        if _required("KAVI_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required (KAVI_REQUIRE_POSTGRES=1) but initdb/pg_ctl were not found")
        pytest.skip("PostgreSQL binaries not found; run `make test` to install them")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def migrated_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite')}/kavi.db"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    migrate(engine)
    yield engine
    engine.dispose()


def wipe(engine: Engine) -> None:
    tables = [t.name for t in SQLModel.metadata.sorted_tables]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(text(f'DELETE FROM "{table}"'))


@pytest.fixture
def engine(migrated_engine: Engine) -> Engine:
    """A migrated, empty database (SQLite or PostgreSQL)."""
    wipe(migrated_engine)
    return migrated_engine


@pytest.fixture
def chat(engine: Engine) -> ChatTester:
    return ChatTester(engine, today=TODAY)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With KAVI_REQUIRE_ALL=1 (CI), a skipped test fails the run: nothing may go untested quietly."""
    if not _required("KAVI_REQUIRE_ALL"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        if reporter:
            reporter.write_line(f"KAVI_REQUIRE_ALL=1: {skipped} test(s) were skipped; failing the run.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
