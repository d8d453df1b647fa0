"""Files served by unguessable, expiring links (charts, PDFs, voice notes)."""

import secrets
from datetime import timedelta

from sqlmodel import Session, select

from bot.records.models import MediaFile
from finance.clock import as_utc, utcnow

DEFAULT_TTL = timedelta(hours=24)


def store_media(
    session: Session, *, content_type: str, filename: str, data: bytes, ttl: timedelta = DEFAULT_TTL
) -> str:
    token = secrets.token_urlsafe(24)
    session.add(
        MediaFile(token=token, content_type=content_type, filename=filename, data=data, expires_at=utcnow() + ttl)
    )
    session.flush()
    return token


def load_media(session: Session, *, token: str) -> MediaFile | None:
    media = session.exec(select(MediaFile).where(MediaFile.token == token)).first()
    if media is None or as_utc(media.expires_at) < utcnow():
        return None
    return media
