"""Samples -> an OGG/Opus voice note, encoded in-process with PyAV's libopus.

48 kHz mono at 32 kbit/s: what WhatsApp and Telegram voice notes use.
"""

import io

import av
import numpy as np

OPUS_RATE = 48_000


def encode_ogg_opus(samples: np.ndarray, rate: int, bitrate: int = 32_000) -> bytes:
    """`samples`: mono float32 in [-1, 1] or int16."""
    if samples.dtype != np.int16:
        samples = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=OPUS_RATE, layout="mono")
        stream.bit_rate = bitrate
        resampler = av.AudioResampler(format="s16", layout="mono", rate=OPUS_RATE)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = rate
        for chunk in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(chunk):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def duration(data: bytes) -> float:
    """Seconds of audio in an encoded file, by decoding it (checks it is valid too)."""
    with av.open(io.BytesIO(data), mode="r") as container:
        samples = 0
        rate = 0
        for frame in container.decode(audio=0):
            samples += frame.samples
            rate = frame.sample_rate
    return samples / rate if rate else 0.0
