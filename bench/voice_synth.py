"""Voice notes with known truths for the voice bench, made at bench time with espeak-ng.

`bench/data/voice/espeak_notes.jsonl` lists each note: what is said, the espeak-ng voice and speed,
the noise under it (kind and signal-to-noise ratio) and the truth (intent, amount). The audio is made
afresh on every run and is the same every time: espeak-ng is deterministic and the noise is seeded
per note, so nothing binary is committed (only the Ogg stream's serial number is random). Encoded as
OGG/Opus, the way WhatsApp sends voice notes.
"""

import hashlib
import io
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from voice.audio import SAMPLE_RATE
from voice.opus import encode_ogg_opus

TRUTHS = Path(__file__).parent / "data" / "voice" / "espeak_notes.jsonl"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "voice"
PAUSE_S = 0.4  # silence around the words, as a thumb on the record button leaves


@dataclass(frozen=True)
class Note:
    id: str
    text: str  # what was said (the truth for what should be heard)
    language: str  # "en" | "sw": the speaker's own language, as KAVI would know it from their messages
    intent: str
    amount: str | None  # KES as `kavi understand` prints it; None when the note names no money
    audio: bytes  # OGG/Opus


def espeak_notes(path: Path = TRUTHS) -> list[Note]:
    """The generated notes, in the file's order."""
    notes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        samples = _speak(row["text"], row["voice"], row["speed"])
        noisy = _with_noise(samples, row["noise"], row["snr_db"], seed=row["id"])
        language = "sw" if row["voice"].startswith("sw") else "en"
        notes.append(
            Note(row["id"], row["text"], language, row["intent"], row["amount"], encode_ogg_opus(noisy, SAMPLE_RATE))
        )
    return notes


def shared_notes(folder: Path = SHARED) -> list[Note]:
    """The shared voice notes (`shared/eval/voice/`), with their truths."""
    notes = []
    for line in (folder / "voice_notes.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        expect = row["expect"]
        notes.append(
            Note(
                row["file"].removesuffix(".ogg"),
                row["transcript"],
                "sw" if row["voice"].startswith("sw") else "en",
                expect["intent"],
                expect.get("slots", {}).get("amount"),
                (folder / row["file"]).read_bytes(),
            )
        )
    return notes


def _speak(text: str, voice: str, speed: int) -> np.ndarray:
    """espeak-ng's speech as float32 at 16 kHz, with a pause before and after."""
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "--stdout"], input=text.encode(), capture_output=True, check=True
    ).stdout
    with av.open(io.BytesIO(wav), mode="r") as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        chunks = [
            out.to_ndarray().reshape(-1) for frame in container.decode(audio=0) for out in resampler.resample(frame)
        ]
        chunks += [out.to_ndarray().reshape(-1) for out in resampler.resample(None)]
    pause = np.zeros(int(PAUSE_S * SAMPLE_RATE), np.float32)
    return np.concatenate([pause, *chunks, pause]).astype(np.float32)


def _with_noise(samples: np.ndarray, kind: str, snr_db: float, seed: str) -> np.ndarray:
    """`samples` under noise at `snr_db` below the speech: "white" hiss, or "street" (a low rumble with
    a hum, like traffic and a generator)."""
    rng = np.random.default_rng(int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16))
    noise = rng.normal(0.0, 1.0, samples.size)
    if kind == "street":
        # Low-passed (a running mean) rumble plus 50 Hz mains hum and its harmonic.
        noise = np.convolve(noise, np.ones(24) / 24, mode="same") * 4
        t = np.arange(samples.size) / SAMPLE_RATE
        noise += 0.5 * np.sin(2 * np.pi * 50 * t) + 0.25 * np.sin(2 * np.pi * 100 * t)
    speech_power = float(np.mean(samples[np.abs(samples) > 1e-3] ** 2))
    noise *= np.sqrt(speech_power / (10 ** (snr_db / 10)) / float(np.mean(noise**2)))
    return np.clip(samples + noise, -1.0, 1.0).astype(np.float32)
