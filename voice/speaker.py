"""Text to speech for KAVI: ElevenLabs when configured, espeak-ng otherwise or when it fails."""

import logging
from dataclasses import dataclass

from voice import espeak
from voice.elevenlabs_tts import ElevenLabsVoice
from voice.settings import VoiceSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Speech:
    audio: bytes  # OGG/Opus
    engine: str  # "elevenlabs" | "espeak"


class Speaker:
    def __init__(self, settings: VoiceSettings | None = None) -> None:
        self.settings = settings or VoiceSettings()
        mode = self.settings.kavi_tts
        self.cloud = (
            ElevenLabsVoice(self.settings)
            if mode in ("auto", "elevenlabs") and self.settings.elevenlabs_api_key
            else None
        )
        self.offline = mode != "off" and espeak.available()

    @property
    def name(self) -> str:
        if self.cloud is not None:
            return "elevenlabs" + ("+espeak" if self.offline else "")
        return "espeak" if self.offline else "off"

    @property
    def enabled(self) -> bool:
        return self.cloud is not None or self.offline

    def speak(self, text: str, language: str = "en") -> Speech | None:
        """The voice note, or None when no engine could make one (the text reply still goes)."""
        if self.cloud is not None:
            try:
                return Speech(self.cloud.synthesize(text, language), "elevenlabs")
            except espeak.SpeechError as exc:
                log.warning("ElevenLabs unavailable, using the offline voice: %s", exc)
        if self.offline:
            try:
                return Speech(espeak.synthesize(text, language), "espeak")
            except espeak.SpeechError as exc:
                log.warning("offline voice failed: %s", exc)
        return None
