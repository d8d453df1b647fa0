"""The queue's database: the test PostgreSQL, migrated, emptied, procrastinate's jobs and workers too."""

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from finance.db import make_engine, migrate
from tests.conftest import wipe


@pytest.fixture
def queue_engine(postgres_url: str) -> Iterator[Engine]:
    engine = make_engine(postgres_url)
    migrate(engine)
    wipe(engine)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE procrastinate_jobs, procrastinate_workers RESTART IDENTITY CASCADE"))
    yield engine
    engine.dispose()
