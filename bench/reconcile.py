"""Reconciliation at scale: 20,000 invoices and 100,000 payments through `kavi reconcile`.

    .venv/bin/python -m bench.reconcile [--invoices 20000] [--payments 100000] [--seed 1] [--runs 3]

The set comes from the shared generator as it is (shared/eval/reconciliation/make_set.py; past the
two-word names it gives customers a middle name). Each run is the whole command on one core
(`taskset -c 0`, when there is taskset): wall time, CPU time and peak memory, then the shared
scorer's figures for the matches.
"""

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "reconciliation"


def generate(outdir: Path, invoices: int, payments: int, seed: int) -> None:
    sizes = ["--seed", str(seed), "--invoices", str(invoices), "--payments", str(payments)]
    subprocess.run([sys.executable, str(EVAL / "make_set.py"), str(outdir), *sizes], check=True, capture_output=True)


def run_once(workdir: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MiB) of one `kavi reconcile` of the set."""
    kavi = str(Path(sys.executable).parent / "kavi")
    command = [kavi, "reconcile", str(workdir / "invoices.csv"), str(workdir / "payments.csv")]
    command += ["--out", str(workdir / "matches.csv")]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]  # one core, as the target says
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invoices", type=int, default=20_000)
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="kavi-reconcile-"))
    try:
        generate(workdir, args.invoices, args.payments, args.seed)
        runs = [run_once(workdir) for _ in range(args.runs)]
        walls = [wall for wall, _, _ in runs]
        print(
            f"kavi reconcile, {args.invoices} invoices x {args.payments} payments (seed {args.seed}), "
            f"{args.runs} runs on one core: wall best {min(walls):.2f} s, median {statistics.median(walls):.2f} s; "
            f"CPU best {min(cpu for _, cpu, _ in runs):.2f} s; peak memory {max(m for *_, m in runs):.0f} MiB"
        )
        subprocess.run(
            [sys.executable, str(EVAL / "score.py"), str(workdir / "truth.csv"), str(workdir / "matches.csv")],
            check=True,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
