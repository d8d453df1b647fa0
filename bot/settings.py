"""Channel credentials and endpoints. Each channel is on only when its credentials are set."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class ChannelSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # The address the world uses to reach KAVI: webhook signatures and media links are built on it.
    kavi_public_url: str | None = None

    telegram_bot_token: str | None = None
    telegram_webhook_secret: str | None = None
    # e.g. http://127.0.0.1:8081 for a stand-in; the Bot API's own address when unset.
    telegram_api_base_url: str = "https://api.telegram.org"

    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_whatsapp_from: str | None = None  # "whatsapp:+14155238886"
    twilio_sms_from: str | None = None  # "+1..." or an alphanumeric sender id
    twilio_api_base_url: str = "https://api.twilio.com"
    # The only hosts media is fetched from with the account's credentials (comma-separated; "*." for
    # subdomains). Inbound MediaUrls elsewhere are not fetched at all.
    twilio_media_hosts: str = "api.twilio.com,*.twilio.com"
    # Approved template for business-initiated WhatsApp messages outside the 24-hour window.
    twilio_whatsapp_template_sid: str | None = None

    africastalking_username: str | None = None
    africastalking_api_key: str | None = None
    africastalking_sender_id: str | None = None
    africastalking_base_url: str | None = None  # the SDK's own (sandbox or live) when unset
    # Africa's Talking signs nothing: a secret in the callback URL keeps strangers out.
    africastalking_callback_token: str | None = None

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    @property
    def twilio_enabled(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token)

    @property
    def twilio_media_host_patterns(self) -> tuple[str, ...]:
        return tuple(host.strip().lower() for host in self.twilio_media_hosts.split(",") if host.strip())

    @property
    def africastalking_enabled(self) -> bool:
        return bool(self.africastalking_username and self.africastalking_api_key)

    @property
    def can_push_to_phone(self) -> bool:
        """A customer's phone can be messaged: WhatsApp or SMS through Twilio, or SMS through Africa's Talking."""
        twilio = self.twilio_enabled and bool(self.twilio_whatsapp_from or self.twilio_sms_from)
        return twilio or self.africastalking_enabled


@lru_cache
def channel_settings() -> ChannelSettings:
    return ChannelSettings()
