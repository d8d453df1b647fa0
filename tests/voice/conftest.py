"""Real speech for the voice tests: espeak-ng saying a sentence, encoded by PyAV into the formats
the channels send (as phones and browsers would)."""

import io
import subprocess
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest

from tests.conftest import SHARED

VOICE_NOTES = SHARED / "eval" / "voice"
TINY_WHISPER = Path(__file__).parents[1] / "data" / "tiny-whisper"

# container, codec, sample rate: what each kind of client sends
FORMATS: dict[str, tuple[str, str, int]] = {
    "ogg": ("ogg", "libopus", 48_000),  # WhatsApp, Telegram
    "webm": ("webm", "libopus", 48_000),  # Chrome and Firefox MediaRecorder
    "m4a": ("ipod", "aac", 44_100),  # iPhone voice memos, Safari MediaRecorder
    "mp3": ("mp3", "libmp3lame", 44_100),  # forwarded audio files
    "amr": ("amr", "libopencore_amrnb", 8_000),  # older phones' recorders
    "wav": ("wav", "pcm_s16le", 16_000),
}


def speech(text: str, voice: str = "en-us") -> tuple[np.ndarray, int]:
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "--stdout", text], capture_output=True, check=True)
    with av.open(io.BytesIO(wav.stdout)) as container:
        frames = [f.to_ndarray().reshape(-1) for f in container.decode(audio=0)]
        rate = container.streams.audio[0].rate
    return np.concatenate(frames), rate


def encode(samples: np.ndarray, rate: int, kind: str) -> bytes:
    """`samples` (int16 mono at `rate`) as a file of `kind`, resampled to what that codec takes."""
    container_format, codec, codec_rate = FORMATS[kind]
    out = io.BytesIO()
    with av.open(out, mode="w", format=container_format) as container:
        stream = container.add_stream(codec, rate=codec_rate, layout="mono")
        if codec == "libopencore_amrnb":
            stream.bit_rate = 12_200
        sample_format = stream.codec_context.codec.audio_formats[0].name
        resampler = av.AudioResampler(format=sample_format, layout="mono", rate=codec_rate)
        frame = av.AudioFrame.from_ndarray(samples.astype(np.int16).reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = rate
        for chunk in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(chunk):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


@pytest.fixture(scope="session")
def said() -> Callable[[str, str, str], bytes]:
    """said(text, kind, voice) -> bytes of a recording of `text` in format `kind`."""

    def make(text: str, kind: str = "ogg", voice: str = "en-us") -> bytes:
        samples, rate = speech(text, voice)
        return encode(samples, rate, kind)

    return make
