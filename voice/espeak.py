"""The offline voice: espeak-ng (English and Swahili voices), encoded to OGG/Opus with PyAV.

Robotic but instant (tens of milliseconds) and free; used without an ElevenLabs key, or when
ElevenLabs fails.
"""

import io
import shutil
import subprocess

import av
import numpy as np

from voice.opus import encode_ogg_opus

VOICES = {"en": "en-us", "sw": "sw"}
WORDS_PER_MINUTE = 150  # a little slower than espeak's default: clearer on a phone speaker


class SpeechError(Exception):
    """No voice could be made."""


def available() -> bool:
    return shutil.which("espeak-ng") is not None


def synthesize(text: str, language: str = "en", timeout: float = 10.0) -> bytes:
    """OGG/Opus bytes of `text` spoken in `language` ("en" or "sw")."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        raise SpeechError("espeak-ng is not installed")
    voice = VOICES.get(language, VOICES["en"])
    try:
        # Text on stdin: nothing in it can be read as an option.
        done = subprocess.run(
            [binary, "-v", voice, "-s", str(WORDS_PER_MINUTE), "--stdout"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=True,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        raise SpeechError(f"espeak-ng failed: {exc}") from exc
    samples, rate = _wav_samples(done.stdout)
    return encode_ogg_opus(samples, rate)


def _wav_samples(wav: bytes) -> tuple[np.ndarray, int]:
    # espeak-ng streams its WAV with a placeholder length; FFmpeg's reader copes where `wave` does not.
    with av.open(io.BytesIO(wav), mode="r") as container:
        frames = [frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)]
        rate = container.streams.audio[0].rate
    if not frames:
        raise SpeechError("espeak-ng produced no audio")
    return np.concatenate(frames).astype(np.int16), rate
