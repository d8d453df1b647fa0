"""Limits against floods: so many messages a minute per sender and per business. A message over the
limit is still stored (a webhook is never dropped, so the platform does not retry it) but not acted
on; the first one over gets a friendly "slow down", the rest of that minute nothing. Counted in the
database (one upsert per key), so every web process and worker shares the count."""

from dataclasses import dataclass
from datetime import datetime

from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import text
from sqlmodel import Session, col, select

from finance.models import ChannelIdentity, Person

# Channels people reach KAVI on from outside; the console and tests are the operator's own.
LIMITED = frozenset({"web", "telegram", "whatsapp", "sms"})


class RateSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    kavi_rate_per_sender: int = 30  # a minute: far above anyone typing, far below a script
    kavi_rate_per_business: int = 300


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    first_over: bool = False  # the first message over the limit this minute: it gets the "slow down"


_COUNT = text(
    "INSERT INTO ratecount (key, minute, count) VALUES (:key, :minute, 1) "
    "ON CONFLICT (key, minute) DO UPDATE SET count = ratecount.count + 1 RETURNING count"
)


def _bump(session: Session, key: str, minute: int) -> int:
    return int(session.execute(_COUNT, {"key": key, "minute": minute}).scalar_one())


def check(session: Session, *, channel: str, sender: str, at: datetime, settings: RateSettings) -> Verdict:
    if channel not in LIMITED:
        return Verdict(True)
    minute = int(at.timestamp() // 60)
    sent = _bump(session, f"sender:{channel}:{sender}", minute)
    business = _business_of(session, channel, sender)
    busy = _bump(session, f"business:{business}", minute) if business is not None else 0
    over = [(sent, settings.kavi_rate_per_sender), (busy, settings.kavi_rate_per_business)]
    if all(count <= limit for count, limit in over):
        return Verdict(True)
    return Verdict(False, first_over=any(count == limit + 1 for count, limit in over))


def _business_of(session: Session, channel: str, sender: str) -> int | None:
    found = session.exec(
        select(Person.current_business_id)
        .join(ChannelIdentity, col(ChannelIdentity.person_id) == col(Person.id))
        .where(ChannelIdentity.channel == channel, ChannelIdentity.external_user_id == sender)
    ).first()
    return found


def forget_before(session: Session, *, at: datetime) -> None:
    """Old windows are of no use: kept a few minutes, then swept."""
    session.execute(text("DELETE FROM ratecount WHERE minute < :minute"), {"minute": int(at.timestamp() // 60) - 10})
