"""The short privacy notice given on first contact (Kenya Data Protection Act 2019, s.29: what is kept,
why, who processes it, the person's rights), in their language, naming the processors abroad only when
they are configured, with a link to the full notice page."""

from pydantic_settings import BaseSettings, SettingsConfigDict

from conversations.texts import t


class ProcessorSettings(BaseSettings):
    """Which outside processors are on: only their presence matters here (the keys are used elsewhere)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    gemini_api_key: str | None = None
    elevenlabs_api_key: str | None = None

    def abroad(self) -> tuple[str, ...]:
        names = []
        if self.gemini_api_key:
            names.append("Google Gemini")
        if self.elevenlabs_api_key:
            names.append("ElevenLabs")
        return tuple(names)


def notice(lang: str, abroad: tuple[str, ...], public_url: str | None) -> str:
    outside = t("privacy_abroad", lang, names=" & ".join(abroad)) if abroad else t("privacy_local", lang)
    link = t("privacy_link", lang, url=f"{public_url.rstrip('/')}/privacy") if public_url else ""
    return t("privacy_notice", lang, outside=outside, link=link)
