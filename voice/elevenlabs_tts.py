"""ElevenLabs voices through its SDK: natural speech, returned as OGG/Opus (`opus_48000_32`) ready
to send as a voice note."""

from elevenlabs.client import ElevenLabs

from voice.espeak import SpeechError
from voice.settings import VoiceSettings

OUTPUT_FORMAT = "opus_48000_32"


class ElevenLabsVoice:
    def __init__(self, settings: VoiceSettings) -> None:
        self.settings = settings
        self.client = ElevenLabs(
            api_key=settings.elevenlabs_api_key,
            base_url=settings.elevenlabs_base_url,
            timeout=settings.elevenlabs_timeout_s,
        )

    def synthesize(self, text: str, language: str = "en") -> bytes:
        try:
            chunks = self.client.text_to_speech.convert(
                self.settings.elevenlabs_voice_id,
                text=text,
                model_id=self.settings.elevenlabs_model_id,
                language_code=language,
                output_format=OUTPUT_FORMAT,
                # One try: a slow answer is better replaced by the offline voice than waited for.
                request_options={"max_retries": 0},
            )
            audio = b"".join(chunks)
        except Exception as exc:  # the SDK raises its own API errors and httpx's; all mean "no voice"
            raise SpeechError(f"ElevenLabs failed: {exc}") from exc
        if not audio.startswith(b"OggS"):
            raise SpeechError("ElevenLabs answered with something other than OGG audio")
        return audio
