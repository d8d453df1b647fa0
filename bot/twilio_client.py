"""The twilio SDK's client, pointed at TWILIO_API_BASE_URL (a stand-in or proxy) when it is set."""

from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from bot.settings import ChannelSettings

TWILIO_API = "https://api.twilio.com"


class RebasedHttpClient(TwilioHttpClient):
    """The SDK builds https://api.twilio.com/... URLs; this sends them to another base instead."""

    def __init__(self, base_url: str) -> None:
        super().__init__(timeout=15)
        self.base_url = base_url.rstrip("/")

    def request(
        self,
        method: str,
        url: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        return super().request(
            method,
            url,
            params=params,
            data=data,
            headers=headers,
            auth=auth,
            timeout=timeout,
            allow_redirects=allow_redirects,
        )


def twilio_client(settings: ChannelSettings) -> Client:
    base = settings.twilio_api_base_url.rstrip("/")
    http = RebasedHttpClient(base) if base != TWILIO_API else TwilioHttpClient(timeout=15)
    return Client(settings.twilio_account_sid, settings.twilio_auth_token, http_client=http)
