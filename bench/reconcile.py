"""Reconciliation at scale: 20,000 invoices and 100,000 payments through `kavi reconcile`.

    .venv/bin/python bench/reconcile.py [--invoices 20000] [--payments 100000]

The set comes from the shared generator (shared/eval/reconciliation/make_set.py); its name
lists run out of distinct customers above about 12,000 invoices, so this script lets it
number repeated names ("John Otieno 2"). Prints wall time, CPU time and peak memory of the
command on one core (taskset), and the shared scorer's figures.
"""

import argparse
import importlib.util
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "reconciliation"


def generate(outdir: Path, invoices: int, payments: int, seed: int) -> None:
    spec = importlib.util.spec_from_file_location("make_set", EVAL / "make_set.py")
    assert spec and spec.loader
    make_set = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_set)
    original = make_set.customer_names

    def numbered(r, n):  # type: ignore[no-untyped-def]
        names = original(r, min(n, 1800))
        return [names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "") for i in range(n)]

    make_set.customer_names = numbered
    argv = sys.argv
    sys.argv = [
        "make_set.py",
        str(outdir),
        "--seed",
        str(seed),
        "--invoices",
        str(invoices),
        "--payments",
        str(payments),
    ]
    try:
        make_set.main()
    finally:
        sys.argv = argv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invoices", type=int, default=20_000)
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="kavi-reconcile-"))
    try:
        generate(workdir, args.invoices, args.payments, args.seed)
        kavi = str(Path(sys.executable).parent / "kavi")
        command = [
            kavi,
            "reconcile",
            str(workdir / "invoices.csv"),
            str(workdir / "payments.csv"),
            "--out",
            str(workdir / "matches.csv"),
        ]
        if shutil.which("taskset"):
            command = ["taskset", "-c", "0", *command]  # one core, as the target says
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"kavi reconcile: {wall:.2f} s wall, {cpu:.2f} s CPU, peak memory {after.ru_maxrss / 1024:.0f} MiB")
        subprocess.run(
            [sys.executable, str(EVAL / "score.py"), str(workdir / "truth.csv"), str(workdir / "matches.csv")],
            check=True,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
