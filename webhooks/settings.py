"""Settings of the web server."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Required whenever `kavi serve` listens beyond this machine: the web chat records money.
    kavi_web_token: str | None = None
    # The address the world uses to reach KAVI (webhook signatures, media links).
    kavi_public_url: str | None = None
    # Answer messages inside `kavi serve` (simplest); set 0 when a `kavi worker` process does it.
    kavi_inprocess_worker: bool = True
