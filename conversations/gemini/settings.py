"""Gemini settings: without GEMINI_API_KEY the path is off and KAVI answers locally."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class GeminiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    gemini_api_key: str | None = None
    kavi_gemini_model: str = "gemini-2.5-flash"
    # A stand-in or a proxy; None means Google's own endpoint.
    gemini_base_url: str | None = None
    kavi_gemini_timeout_s: float = 8.0
    # Local readings below this confidence are worth a second opinion.
    kavi_gemini_threshold: float = 0.6

    @property
    def enabled(self) -> bool:
        return bool(self.gemini_api_key)
