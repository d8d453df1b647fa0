"""Inbound WhatsApp/MMS media, fetched with the Twilio account's credentials only from Twilio's own hosts.

A MediaUrl naming any other host is not fetched at all (no credentials, no request). Twilio answers its
media URLs with a redirect to its storage (a pre-signed URL): redirects are followed here, one hop at a
time, and the credentials go with a hop only when that hop's host is Twilio's too."""

import ipaddress

import httpx

MAX_REDIRECTS = 5


class MediaRefused(Exception):
    """Not fetched: a host that is not Twilio's, or redirects without end."""


class MediaTooBig(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(f"over {size} bytes")
        self.size = size


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def trusted(url: httpx.URL, hosts: tuple[str, ...]) -> bool:
    """Whether `url` is on one of `hosts` ("api.twilio.com", or "*.twilio.com" for its subdomains)."""
    host = url.host.lower()
    listed = any(host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:])) for pattern in hosts)
    # Credentials never travel unencrypted, save to a stand-in on this very machine.
    return listed and (url.scheme == "https" or (url.scheme == "http" and _loopback(host)))


async def fetch_media(
    http: httpx.AsyncClient, url: str, *, credentials: tuple[str, str], hosts: tuple[str, ...], limit: int
) -> bytes:
    """The file's bytes. MediaRefused, MediaTooBig past `limit`, or httpx.HTTPError when it fails."""
    target = httpx.URL(url)
    if not trusted(target, hosts):
        raise MediaRefused(f"{target.host or url!r} is not one of Twilio's media hosts")
    for _ in range(MAX_REDIRECTS + 1):
        auth = httpx.BasicAuth(*credentials) if trusted(target, hosts) else None
        async with http.stream("GET", target, auth=auth) as response:
            if response.is_redirect:
                target = target.join(response.headers["location"])
                continue
            response.raise_for_status()
            data = bytearray()
            async for chunk in response.aiter_bytes():
                data.extend(chunk)
                if len(data) > limit:
                    raise MediaTooBig(len(data))
            return bytes(data)
    raise MediaRefused(f"more than {MAX_REDIRECTS} redirects from {url}")
