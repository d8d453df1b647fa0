"""Audio bytes from any channel -> 16 kHz mono samples, with PyAV (FFmpeg's decoders, in-process).

WhatsApp and Telegram send OGG/Opus, browsers WebM/Opus (or MP4/AAC on Safari), old phones AMR;
people forward MP3, M4A and WAV. The container is sniffed from the bytes, never trusted from a name.
"""

import io

import av
import numpy as np

SAMPLE_RATE = 16_000


class AudioError(Exception):
    """The audio cannot be used; the subclass says why."""


class Unreadable(AudioError):
    pass


class TooLong(AudioError):
    def __init__(self, seconds: float, limit: float) -> None:
        super().__init__(f"{seconds:.0f} s is over the {limit:.0f} s limit")
        self.seconds = seconds
        self.limit = limit


class TooLarge(AudioError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes is over the {limit} byte limit")
        self.size = size
        self.limit = limit


def check_size(size: int | None, max_bytes: int) -> None:
    if size is not None and size > max_bytes:
        raise TooLarge(size, max_bytes)


def decode(data: bytes, max_seconds: float, max_bytes: int) -> np.ndarray:
    """Mono float32 samples at 16 kHz. Stops decoding as soon as the limit is passed."""
    check_size(len(data), max_bytes)
    if not data:
        raise Unreadable("no audio")
    try:
        container = av.open(io.BytesIO(data), mode="r")
    except (av.FFmpegError, ValueError) as exc:
        raise Unreadable(str(exc)) from exc
    with container:
        if not container.streams.audio:
            raise Unreadable("no audio stream")
        declared = container.duration / av.time_base if container.duration else 0.0
        if declared > max_seconds + 1:
            raise TooLong(declared, max_seconds)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        chunks: list[np.ndarray] = []
        got = 0
        limit = int((max_seconds + 1) * SAMPLE_RATE)  # a second of slack for container rounding
        try:
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    got += chunks[-1].size
                if got > limit:
                    raise TooLong(got / SAMPLE_RATE, max_seconds)
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
        except av.FFmpegError as exc:
            if not chunks:
                raise Unreadable(str(exc)) from exc
            # A truncated upload: keep what decoded.
    if not chunks:
        raise Unreadable("no audio frames")
    return np.concatenate(chunks).astype(np.float32, copy=False)


def is_silent(samples: np.ndarray, threshold_db: float = -45.0) -> bool:
    """True when even the loudest tenth of a second is quieter than the threshold (no speech to hear)."""
    if samples.size == 0:
        return True
    window = SAMPLE_RATE // 10
    usable = samples[: samples.size - samples.size % window] if samples.size >= window else samples
    frames = usable.reshape(-1, min(window, usable.size))
    loudest = float(np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1)).max())
    return loudest <= 10 ** (threshold_db / 20)
