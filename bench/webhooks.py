"""Telegram webhook throughput and latency: KAVI's route against a bare JSON-parsing route.

    .venv/bin/python bench/webhooks.py [--users 200] [--per-user 5] [--concurrency 20]

Each server runs in its own uvicorn process (one worker); KAVI's also answers every
message in the background through a Bot API stand-in, as in production. Runs on SQLite
and on a throwaway PostgreSQL. Prints requests/s, the ratio to the bare route, p50/p99.
"""

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN = "123456:BENCH"
SECRET = "bench-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(args: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            *args,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server {args} did not start")


def update(update_id: int, user: int, n: int) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1763800000,
            "from": {"id": user, "is_bot": False, "first_name": f"User{user}"},
            "chat": {"id": user, "type": "private", "first_name": f"User{user}"},
            "text": ["paid rent 15k", "sold 4,500 today", "lunch 350", "fuel 2k jana", "how much did I spend?"][n % 5],
        },
    }


async def load(url: str, users: int, per_user: int, concurrency: int, first_id: int) -> tuple[float, list[float]]:
    bodies = [update(first_id + u * per_user + n, 10_000 + u, n) for n in range(per_user) for u in range(users)]
    latencies: list[float] = []
    queue: asyncio.Queue[dict] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            body = queue.get_nowait()
            started = time.perf_counter()
            response = await client.post(url, json=body, headers=headers)
            latencies.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()

    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency)) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return len(bodies) / elapsed, latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def report(label: str, rps: float, latencies: list[float], baseline: float | None = None) -> None:
    ratio = f"  = {rps / baseline:5.1%} of bare" if baseline else ""
    print(f"{label:34s} {rps:6.0f} req/s  p50 {pct(latencies, 0.5):6.1f} ms  p99 {pct(latencies, 0.99):6.1f} ms{ratio}")


def wait_answered(port: int, total: int, started: float) -> tuple[int, float]:
    deadline = time.monotonic() + 600
    answered = 0
    while time.monotonic() < deadline:
        answered = httpx.get(f"http://127.0.0.1:{port}/_count").json()["sent"]
        if answered >= total:
            break
        time.sleep(0.25)
    return answered, time.perf_counter() - started


def run(label: str, db_url: str, args: argparse.Namespace, worker: bool) -> tuple[float, list[float]]:
    env = {
        **os.environ,
        "KAVI_DATABASE_URL": db_url,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "PYTHONPATH": str(ROOT),
        "KAVI_INPROCESS_WORKER": "0" if worker else "1",
    }
    subprocess.run([sys.executable, "-m", "main", "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    standin_port, kavi_port = free_port(), free_port()
    standin = start(["--factory", "bench.apps:telegram_standin"], env, standin_port)
    env["TELEGRAM_API_BASE_URL"] = f"http://127.0.0.1:{standin_port}"
    processes = [standin, start(["webhooks.asgi:app"], env, kavi_port)]
    if worker:
        processes.append(
            subprocess.Popen([sys.executable, "-m", "main", "worker"], env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
        )
    try:
        url = f"http://127.0.0.1:{kavi_port}/telegram/webhook"
        asyncio.run(load(url, 50, 2, args.concurrency, 1))  # warm up: 100 messages
        started = time.perf_counter()
        rps, latencies = asyncio.run(load(url, args.users, args.per_user, args.concurrency, 2_000_000))
        answered, took = wait_answered(standin_port, args.users * args.per_user + 100, started)
        mode = "KAVI + kavi worker" if worker else "KAVI, answering in-process"
        report(f"{label} {mode}", rps, latencies, args.baseline)
        print(
            f"{'':34s} {answered} messages answered within {took:5.1f} s "
            f"({answered / took:4.0f}/s; Telegram allows about 30/s per bot)"
        )
        return rps, latencies
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)


def baseline(args: argparse.Namespace) -> float:
    port = free_port()
    bare = start(["--factory", "bench.apps:bare"], dict(os.environ, PYTHONPATH=str(ROOT)), port)
    try:
        url = f"http://127.0.0.1:{port}/telegram/webhook"
        asyncio.run(load(url, 50, 2, args.concurrency, 1))
        rps, latencies = asyncio.run(load(url, args.users, args.per_user, args.concurrency, 1_000_000))
        report("bare FastAPI route (JSON parse only)", rps, latencies)
        return rps
    finally:
        bare.terminate()
        bare.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--per-user", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    print(f"{args.users} users x {args.per_user} messages, {args.concurrency} requests in flight")
    args.baseline = baseline(args)
    workdir = tempfile.mkdtemp(prefix="kavi-bench-")
    try:
        for worker in (True, False):
            run("SQLite", f"sqlite:///{workdir}/bench-{worker}.db", args, worker)
        if args.skip_postgres:
            return
        from tests.postgres import start_postgres

        for worker in (True, False):
            server = start_postgres()
            if server is None:
                print("PostgreSQL binaries not found; skipped (make test installs them)")
                return
            try:
                run("PostgreSQL", server.url, args, worker)
            finally:
                server.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
