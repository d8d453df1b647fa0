"""Daraja credentials and endpoints, from the environment. M-Pesa is on only when all four keys are set."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

SANDBOX = "https://sandbox.safaricom.co.ke"
PRODUCTION = "https://api.safaricom.co.ke"


class DarajaSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    daraja_consumer_key: str | None = None
    daraja_consumer_secret: str | None = None
    daraja_shortcode: str | None = None  # paybill, or the store number for a till
    daraja_passkey: str | None = None
    # sandbox | production; DARAJA_BASE_URL overrides both (a stand-in in tests, a proxy).
    daraja_environment: str = "sandbox"
    daraja_base_url: str | None = None
    # CustomerPayBillOnline (paybill) or CustomerBuyGoodsOnline (till: PartyB is the till number).
    daraja_transaction_type: str = "CustomerPayBillOnline"
    daraja_till: str | None = None
    daraja_timeout_s: float = 10.0
    # Where Safaricom reaches KAVI: callback URLs are built on it.
    kavi_public_url: str | None = None

    @property
    def enabled(self) -> bool:
        return bool(
            self.daraja_consumer_key and self.daraja_consumer_secret and self.daraja_shortcode and self.daraja_passkey
        )

    @property
    def base_url(self) -> str:
        if self.daraja_base_url:
            return self.daraja_base_url.rstrip("/")
        return PRODUCTION if self.daraja_environment == "production" else SANDBOX


@lru_cache
def daraja_settings() -> DarajaSettings:
    return DarajaSettings()
