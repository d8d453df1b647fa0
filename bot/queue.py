"""The work after storing, as procrastinate jobs (PostgreSQL): an inbound event is deferred in the very
transaction that stores it, locked per person so that one person's messages are answered in order
whatever the number of workers, and retried with backoff; the scheduler defers one job per business
and nudge kind, which any worker runs. This is the default on PostgreSQL (`KAVI_QUEUE=local` keeps
the in-process dispatcher and runs nudges in the scheduler); SQLite always runs in-process."""

import functools
import json
from datetime import datetime
from typing import Literal

import procrastinate
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

QUEUE = "messages"
ANSWER_TASK = "kavi.answer_event"
NUDGE_QUEUE = "nudges"
NUDGE_TASK = "kavi.run_nudge"
# What one job may take before procrastinate tries it again (a worker killed mid-answer).
RETRY = procrastinate.RetryStrategy(max_attempts=5, wait=1, exponential_wait=2)
_DEFER = text(
    "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task, 0, :lock, NULL, CAST(:args AS jsonb), NULL)"
    "::procrastinate_job_to_defer_v1])"
)


class QueueSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # "procrastinate": the work is jobs any number of `kavi worker`s share (PostgreSQL only); "local":
    # in-process. Unset: procrastinate on PostgreSQL, local on SQLite.
    kavi_queue: Literal["local", "procrastinate"] | None = None


@functools.cache
def _mode() -> str | None:
    return QueueSettings().kavi_queue  # read once: the webhook's store-and-ack path stays one round trip


def queue_enabled(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql" and _mode() != "local"


def person_lock(channel: str, sender: str) -> str:
    """The lock that keeps one person's messages in order across workers."""
    return f"person:{channel}:{sender}"


def business_lock(business_id: int) -> str:
    """One business's nudges run one after another (they read and write the same books)."""
    return f"nudges:{business_id}"


def _defer(connection: Connection, queue: str, task: str, lock: str, args: dict[str, object]) -> None:
    connection.execute(_DEFER, {"queue": queue, "task": task, "lock": lock, "args": json.dumps(args)})


def defer_event(connection: Connection, *, event_id: int, channel: str, sender: str) -> None:
    """Enqueues the answer to a stored event, inside the caller's transaction: both or neither."""
    _defer(connection, QUEUE, ANSWER_TASK, person_lock(channel, sender), {"event_id": event_id})


def defer_nudge(connection: Connection, *, business_id: int, kind: str, at: datetime) -> None:
    """Enqueues one business's nudges of one kind, due at `at` (aware). A job deferred twice (two
    schedulers, a catch-up) queues nothing twice: the outbox keys see to that."""
    _defer(
        connection,
        NUDGE_QUEUE,
        NUDGE_TASK,
        business_lock(business_id),
        {"business_id": business_id, "kind": kind, "at": at.isoformat()},
    )


def conninfo(engine: Engine) -> str:
    """The engine's database as a libpq connection string, for procrastinate's own pool."""
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def queue_app(engine: Engine) -> procrastinate.App:
    return procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(engine)))
