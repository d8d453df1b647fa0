"""Voice settings, from the environment. With none set KAVI listens offline (pocketsphinx, or Whisper
once a model is downloaded) and speaks with espeak-ng."""

from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class VoiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # auto: Whisper when its model is on disk, else pocketsphinx. off: voice notes get a polite "type it".
    kavi_stt: Literal["auto", "whisper", "sphinx", "off"] = "auto"
    # A size name (tiny, base, small, ...; fetched by `kavi voice fetch-model`) or a model directory.
    kavi_whisper_model: str = "base"
    kavi_whisper_device: Literal["auto", "cpu", "cuda"] = "auto"
    # auto: int8 on CPU, float16 on CUDA.
    kavi_whisper_compute_type: str = "auto"
    kavi_whisper_cache_dir: str | None = None
    kavi_whisper_threads: int = 0  # 0: CTranslate2 picks
    # Transcriptions at once, and how many more may wait; beyond that a voice note is asked to wait.
    kavi_stt_concurrency: int = 1
    kavi_stt_queue: int = 16
    kavi_voice_max_seconds: float = 120.0
    kavi_voice_max_mb: float = 10.0

    # auto: ElevenLabs with a key, else espeak-ng. off: replies are text only.
    kavi_tts: Literal["auto", "elevenlabs", "espeak", "off"] = "auto"
    elevenlabs_api_key: str | None = None
    # "George", one of ElevenLabs' default voices; any voice id of the account works.
    elevenlabs_voice_id: str = "JBFqnCBsd6RMkjVDRZzb"
    elevenlabs_model_id: str = "eleven_flash_v2_5"
    elevenlabs_base_url: str | None = None  # a stand-in or a proxy; None is ElevenLabs' own
    elevenlabs_timeout_s: float = 10.0

    @property
    def max_bytes(self) -> int:
        return int(self.kavi_voice_max_mb * 1024 * 1024)
