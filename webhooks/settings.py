"""Settings of the web server."""

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Required whenever `kavi serve` listens beyond this machine: the web chat records money.
    kavi_web_token: str | None = None
    # Signs web-chat session cookies (who is typing). Required with KAVI_WEB_TOKEN; without either, a
    # random one per process (sessions then last until KAVI restarts).
    kavi_session_secret: SecretStr | None = None
    # The address the world uses to reach KAVI (webhook signatures, media links).
    kavi_public_url: str | None = None
    # Answer messages inside `kavi serve` (simplest); set 0 when a `kavi worker` process does it.
    kavi_inprocess_worker: bool = True
