"""Settings the domain needs: where the data lives and how money is shown."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class FinanceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # SQLite is the embedded default so `kavi chat` works with no setup;
    # production points this at PostgreSQL (postgresql+psycopg://...).
    kavi_database_url: str = "sqlite:///kavi.db"
    kavi_currency: str = "KES"
    kavi_timezone: str = "Africa/Nairobi"
    kavi_locale: str = "en_KE"


@lru_cache
def finance_settings() -> FinanceSettings:
    return FinanceSettings()
