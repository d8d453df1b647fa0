"""How fast the local parser reads messages.

    .venv/bin/python bench/nlu.py [--stream 10000]

Prints how long the intent model takes to load, then median and p99 microseconds per message
(rules and model together, as `understand` answers) over the shared dev set and over a stream of
generated messages, and messages per second; the rules alone and the model alone for comparison.
Pin it to one core to measure what the issue asks (median under 1 ms, load under 1 s):
`taskset -c 0 .venv/bin/python bench/nlu.py`.
"""

import argparse
import json
import random
import statistics
import time
from datetime import date
from pathlib import Path

from conversations.parser.classify import parse
from conversations.parser.intent_model import ARTIFACT, IntentModel, shipped
from conversations.understand import understand

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TODAY = date(2026, 6, 17)

_TEMPLATES = [
    "paid {cat} {amt}",
    "nimelipa {cat} {amt} jana",
    "{cat} {amt}",
    "sold {amt} today",
    "mauzo {amt} leo",
    "how much did I spend on {cat} this month?",
    "profit last month",
    "received {amt} from {name}",
    "{name} amelipa {amt}",
    "undo",
    "hi",
    "bought {cat} worth {amt} from {name}",
    "nimetumia ngapi wiki hii?",
    "elfu {sw} ya {cat}",
    "tell me a joke",
    "{cat} {amt} on monday",
]
_CATS = ["rent", "fuel", "lunch", "stock", "wifi", "nauli", "airtime", "kodi", "chakula", "packaging", "salary"]
_NAMES = ["Otieno", "Mama Njeri", "Jumbo Traders", "Kariuki", "Zawadi Salon"]
_AMOUNTS = ["500", "1,500", "15k", "2.5k", "Ksh 3,200", "800/-", "12000", "mia tano"]
_SW = ["moja", "mbili", "tano", "kumi", "ishirini"]


def stream(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(_TEMPLATES).format(
            cat=rng.choice(_CATS), amt=rng.choice(_AMOUNTS), name=rng.choice(_NAMES), sw=rng.choice(_SW)
        )
        for _ in range(n)
    ]


def measure(texts: list[str], today: date = TODAY, clock=time.perf_counter_ns, read=understand) -> list[float]:
    """Microseconds per message. `clock` may be the process CPU clock, which a busy VM disturbs less."""
    times = []
    for text in texts:
        start = clock()
        read(text, today)
        times.append((clock() - start) / 1000)
    return times


def load_seconds(repeat: int = 5) -> float:
    """The slowest of a few cold loads of the shipped intent model (file read, index built)."""
    worst = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        IntentModel.load()
        worst = max(worst, time.perf_counter() - start)
    return worst


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    total_s = sum(times) / 1e6
    print(
        f"{label:28s} n={len(times):6d}  median {statistics.median(times):7.1f} µs  p99 {p99:7.1f} µs  "
        f"{len(times) / total_s:9.0f} msg/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stream", type=int, default=10_000)
    args = parser.parse_args()
    dev = [json.loads(line)["text"] for line in (SHARED / "eval" / "nlu_dev.jsonl").read_text().splitlines() if line]
    print(
        f"intent model load (worst of 5)  {load_seconds() * 1000:7.1f} ms  ({ARTIFACT.stat().st_size / 1024:.0f} KiB)"
    )
    measure(dev)  # warm up: tables, regexes, babel data, the model
    texts = stream(args.stream)
    report("shared dev set (x20), wall", measure(dev * 20))
    report("generated stream, wall", measure(texts))
    report("generated stream, CPU", measure(texts, clock=time.process_time_ns))
    report("  rules alone, CPU", measure(texts, clock=time.process_time_ns, read=parse))
    report("  model alone, CPU", measure(texts, clock=time.process_time_ns, read=lambda t, _d: shipped().read(t)))


if __name__ == "__main__":
    main()
