"""Short-lived, unguessable public links to reply media (Twilio fetches media by URL)."""

from datetime import timedelta

from sqlalchemy.engine import Engine

from bot.records.media import store_media
from conversations.messages import Media
from finance.db import session_scope

LINK_TTL = timedelta(hours=2)


def public_media_url(engine: Engine | None, public_url: str | None, media: Media) -> str | None:
    """None when KAVI has no public address: nobody outside could fetch the file."""
    if not public_url:
        return None
    with session_scope(engine) as session:
        token = store_media(
            session, content_type=media.content_type, filename=media.filename, data=media.data, ttl=LINK_TTL
        )
    return f"{public_url.rstrip('/')}/media/{token}"
