"""Text to speech: the offline voice's Opus, ElevenLabs through its SDK, and falling back."""

import io
import subprocess
from collections.abc import Iterator

import av
import numpy as np
import pytest

from tests.servers import serving
from tests.standins.elevenlabs import ElevenLabsStandIn
from voice import espeak
from voice.opus import duration, encode_ogg_opus
from voice.settings import VoiceSettings
from voice.speaker import Speaker

KEY = "sk_test_0123456789"


def _espeak_seconds(text: str, voice: str) -> float:
    """How long espeak-ng's own WAV of `text` is, read independently of our encoder."""
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(espeak.WORDS_PER_MINUTE), "--stdout"],
        input=text.encode(),
        capture_output=True,
        check=True,
    ).stdout
    rate = int.from_bytes(wav[24:28], "little")
    return (len(wav) - 44) / 2 / rate


@pytest.mark.parametrize(
    ("text", "language", "voice"),
    [
        ("You spent fifteen thousand shillings on rent this month.", "en", "en-us"),
        ("Umetumia shilingi elfu kumi na tano kwa kodi mwezi huu.", "sw", "sw"),
    ],
)
def test_offline_voice_is_valid_opus_of_the_expected_length(text: str, language: str, voice: str) -> None:
    audio = espeak.synthesize(text, language)
    with av.open(io.BytesIO(audio)) as container:
        stream = container.streams.audio[0]
        assert container.format.name == "ogg"
        assert stream.codec_context.name == "opus"
        assert stream.rate == 48_000 and stream.channels == 1
    expected = _espeak_seconds(text, voice)
    assert expected > 2.0
    # Opus adds its priming samples and pads the last frame: a few tens of milliseconds at most.
    assert abs(duration(audio) - expected) < 0.1
    assert len(audio) < expected * 32_000 / 8 * 1.5  # about 32 kbit/s, as WhatsApp's voice notes


def test_encoder_keeps_length_at_any_input_rate() -> None:
    for rate in (8_000, 16_000, 22_050, 44_100):
        tone = (0.3 * np.sin(2 * np.pi * 440 * np.arange(rate * 3) / rate)).astype(np.float32)
        assert abs(duration(encode_ogg_opus(tone, rate)) - 3.0) < 0.05


@pytest.fixture
def eleven() -> Iterator[tuple[ElevenLabsStandIn, str]]:
    stand = ElevenLabsStandIn(KEY, encode_ogg_opus(np.zeros(48_000, np.float32), 48_000))
    with serving(stand.app) as url:
        yield stand, url


def _speaker(url: str, **overrides: object) -> Speaker:
    values = {
        "elevenlabs_api_key": KEY,
        "elevenlabs_base_url": url,
        "elevenlabs_voice_id": "voice123",
        "elevenlabs_model_id": "eleven_multilingual_v2",
        "elevenlabs_timeout_s": 1.0,
        **overrides,
    }
    return Speaker(VoiceSettings(**values))  # type: ignore[arg-type]


def test_elevenlabs_through_the_sdk(eleven: tuple[ElevenLabsStandIn, str]) -> None:
    stand, url = eleven
    speaker = _speaker(url)
    assert speaker.name == "elevenlabs+espeak"
    speech = speaker.speak("Umelipa shilingi elfu kumi.", "sw")
    assert speech is not None and speech.engine == "elevenlabs"
    assert speech.audio == stand.audio
    [call] = stand.calls
    assert call["voice_id"] == "voice123"
    assert call["key"] == KEY
    assert call["query"]["output_format"] == "opus_48000_32"
    assert call["body"]["text"] == "Umelipa shilingi elfu kumi."
    assert call["body"]["model_id"] == "eleven_multilingual_v2"
    assert call["body"]["language_code"] == "sw"


@pytest.mark.parametrize("status", [401, 429, 500])
def test_elevenlabs_errors_fall_back_to_the_offline_voice(eleven: tuple, status: int) -> None:
    stand, url = eleven
    stand.fail_with = status
    speaker = _speaker(url, elevenlabs_api_key=KEY if status != 401 else "wrong-key")
    speech = speaker.speak("Recorded rent, fifteen thousand shillings.")
    assert speech is not None and speech.engine == "espeak"
    assert duration(speech.audio) > 1.0
    assert len(stand.calls) == 1  # no retries: the offline voice answers at once instead


def test_elevenlabs_timeout_falls_back(eleven: tuple) -> None:
    stand, url = eleven
    stand.delay = 3.0
    speech = _speaker(url, elevenlabs_timeout_s=0.5).speak("Hello")
    assert speech is not None and speech.engine == "espeak"


def test_elevenlabs_answer_that_is_not_audio_falls_back(eleven: tuple) -> None:
    stand, url = eleven
    stand.audio = b"<html>captive portal</html>"
    stand.content_type = "text/html"
    speech = _speaker(url).speak("Hello")
    assert speech is not None and speech.engine == "espeak"


def test_unreachable_elevenlabs_falls_back() -> None:
    speech = _speaker("http://127.0.0.1:9").speak("Hello")
    assert speech is not None and speech.engine == "espeak"


def test_tts_off_and_without_espeak() -> None:
    assert Speaker(VoiceSettings(kavi_tts="off")).speak("Hello") is None
    assert Speaker(VoiceSettings(kavi_tts="off")).name == "off"
