"""The message work as procrastinate jobs (PostgreSQL, `KAVI_QUEUE=procrastinate`): an inbound event is
deferred in the very transaction that stores it, locked per person so that one person's messages are
answered in order whatever the number of workers, and retried with backoff. SQLite, and PostgreSQL
without the setting, keep the in-process dispatcher: the same store, the same answers."""

import functools
import json

import procrastinate
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

QUEUE = "messages"
ANSWER_TASK = "kavi.answer_event"
# What one job may take before procrastinate tries it again (a worker killed mid-answer).
RETRY = procrastinate.RetryStrategy(max_attempts=5, wait=1, exponential_wait=2)
_DEFER = text(
    "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task, 0, :lock, NULL, CAST(:args AS jsonb), NULL)"
    "::procrastinate_job_to_defer_v1])"
)


class QueueSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # "procrastinate" on PostgreSQL: inbound events become jobs any number of `kavi worker`s share.
    kavi_queue: str = "local"


@functools.cache
def _mode() -> str:
    return QueueSettings().kavi_queue  # read once: the webhook's store-and-ack path stays one round trip


def queue_enabled(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql" and _mode() == "procrastinate"


def person_lock(channel: str, sender: str) -> str:
    """The lock that keeps one person's messages in order across workers."""
    return f"person:{channel}:{sender}"


def defer_event(connection: Connection, *, event_id: int, channel: str, sender: str) -> None:
    """Enqueues the answer to a stored event, inside the caller's transaction: both or neither."""
    connection.execute(
        _DEFER,
        {
            "queue": QUEUE,
            "task": ANSWER_TASK,
            "lock": person_lock(channel, sender),
            "args": json.dumps({"event_id": event_id}),
        },
    )


def conninfo(engine: Engine) -> str:
    """The engine's database as a libpq connection string, for procrastinate's own pool."""
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def queue_app(engine: Engine) -> procrastinate.App:
    return procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(engine)))
