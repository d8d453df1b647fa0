"""Decoding what the channels send to 16 kHz mono, and the limits."""

import numpy as np
import pytest

from tests.voice.conftest import FORMATS, VOICE_NOTES, encode, speech
from voice.audio import SAMPLE_RATE, TooLarge, TooLong, Unreadable, decode, is_silent

MB = 1024 * 1024


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_every_channel_format_decodes_to_16k_mono(kind: str) -> None:
    samples, rate = speech("paid rent fifteen thousand")
    data = encode(samples, rate, kind)
    out = decode(data, max_seconds=120, max_bytes=10 * MB)
    assert out.dtype == np.float32 and out.ndim == 1
    # Same length as what was said (codecs pad by a frame or two), and still speech, not silence.
    assert abs(out.size / SAMPLE_RATE - samples.size / rate) < 0.15
    assert not is_silent(out)
    assert 0.05 < float(np.abs(out).max()) <= 1.0


def test_shared_voice_notes_decode() -> None:
    for path in sorted(VOICE_NOTES.glob("*.ogg")):
        out = decode(path.read_bytes(), max_seconds=120, max_bytes=10 * MB)
        assert 1.5 < out.size / SAMPLE_RATE < 6, path.name


def _tone(seconds: float, rate: int = 16_000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (8000 * np.sin(2 * np.pi * 300 * t)).astype(np.int16)


def test_over_two_minutes_is_refused_without_decoding_it_all() -> None:
    data = encode(_tone(125), 16_000, "ogg")
    with pytest.raises(TooLong) as caught:
        decode(data, max_seconds=120, max_bytes=10 * MB)
    assert caught.value.seconds > 120 and caught.value.limit == 120


def test_a_file_that_hides_its_length_is_stopped_at_the_limit() -> None:
    # Raw AMR has no duration in its header: decoding stops once past the limit.
    data = encode(_tone(20, 8_000), 8_000, "amr")
    with pytest.raises(TooLong):
        decode(data, max_seconds=10, max_bytes=10 * MB)


def test_over_the_size_limit_is_refused() -> None:
    with pytest.raises(TooLarge):
        decode(b"\x00" * (2 * MB + 1), max_seconds=120, max_bytes=2 * MB)


@pytest.mark.parametrize("data", [b"", b"OggS\x00voice", b"%PDF-1.7 not audio", bytes(range(256)) * 40])
def test_garbage_is_unreadable(data: bytes) -> None:
    with pytest.raises(Unreadable):
        decode(data, max_seconds=120, max_bytes=10 * MB)


def test_a_truncated_upload_keeps_what_decoded() -> None:
    samples, rate = speech("how much did I spend this week")
    data = encode(samples, rate, "ogg")
    out = decode(data[: len(data) * 2 // 3], max_seconds=120, max_bytes=10 * MB)
    assert 0.5 < out.size / SAMPLE_RATE < samples.size / rate


def test_silence_and_speech_are_told_apart() -> None:
    assert is_silent(np.zeros(SAMPLE_RATE * 3, np.float32))
    hiss = np.random.default_rng(1).normal(0, 0.002, SAMPLE_RATE * 3).astype(np.float32)
    assert is_silent(hiss)
    samples, rate = speech("sold four thousand")
    assert not is_silent(decode(encode(samples, rate, "wav"), 120, 10 * MB))
