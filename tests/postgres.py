"""A throwaway PostgreSQL server for the test run: initdb + pg_ctl in a temp dir, on a free port.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres`
system user (created if missing).
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass

import psycopg


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
            check=True,
        )
    return "postgres"


@dataclass
class PostgresServer:
    directory: str
    port: int
    user: str | None
    pg_ctl: str

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://kavi@127.0.0.1:{self.port}/kavi_test"

    def stop(self) -> None:
        subprocess.run(
            [self.pg_ctl, "-D", self.directory + "/data", "-m", "immediate", "stop"],
            user=self.user,
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.directory, ignore_errors=True)


def start_postgres() -> PostgresServer | None:
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if not initdb or not pg_ctl:
        return None
    user = _server_user()
    directory = tempfile.mkdtemp(prefix="kavi-pg-")
    if user:
        shutil.chown(directory, user=user)
    data = directory + "/data"
    subprocess.run(
        [initdb, "-D", data, "-U", "kavi", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"],
        user=user,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    # Durability is pointless for a throwaway server; these make it several times faster.
    options = (
        f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        [pg_ctl, "-D", data, "-o", options, "-l", directory + "/log", "-w", "-t", "60", "start"],
        user=user,
        check=True,
        capture_output=True,
    )
    server = PostgresServer(directory, port, user, pg_ctl)
    for _ in range(50):
        try:
            with psycopg.connect(f"host=127.0.0.1 port={port} user=kavi dbname=postgres", autocommit=True) as conn:
                conn.execute("CREATE DATABASE kavi_test")
            return server
        except psycopg.OperationalError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("PostgreSQL started but did not accept connections")
