"""A web-chat session's conversation as the database already keeps it, shown again after a reload:
what the person sent (each inbound event's payload) and what KAVI answered (the replies kept with it
for replays), media as links while the files last, buttons while their question is still open.

Nothing is stored for this but each answer's media tokens, beside its replies. What the retention
sweep or an erasure takes from an event (bot/erasure.py) is gone from the history with it, and a
message older than the retention period is left out even before the sweep reaches it."""

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from bot.records.events import find_event
from bot.records.models import InboundEvent, MediaFile
from bot.web import MEDIA_KINDS, MEDIA_PATH
from conversations.state import ConversationState
from finance.clock import as_utc, utcnow

CHANNEL = "web"
SHOWN = 100  # the latest messages a reload shows


def history(
    session: Session, *, sender: str, retention: timedelta, now: datetime | None = None, limit: int = SHOWN
) -> list[dict[str, Any]]:
    """The session's latest messages, oldest first: {"from": "me", "text", "attachment"?} for the
    person's, and KAVI's replies in the shape the page gets them ({"from": "kavi", "text", ...})."""
    now = now or utcnow()
    events = session.exec(
        select(InboundEvent)
        .where(
            InboundEvent.channel == CHANNEL,
            # The page's events are keyed "<session id>:<message id>" (bot/web.py); ids have one length.
            col(InboundEvent.external_id).startswith(sender + ":", autoescape=True),
            col(InboundEvent.received_at) >= now - retention,
        )
        .order_by(col(InboundEvent.id).desc())
        .limit(limit)
    ).all()
    # An expired or erased event keeps no sender: it is not this session's any more.
    kept = [event for event in reversed(events) if (event.payload or {}).get("sender") == sender]
    tokens = {
        str(summary[kind]["token"])
        for event in kept
        for summary in event.reply or []
        for kind in MEDIA_KINDS
        if isinstance(summary.get(kind), dict) and summary[kind].get("token")
    }
    live = _live(session, tokens, now)
    open_ids = _open_questions(session, sender, now)
    shown: list[dict[str, Any]] = []
    for event in kept:
        mine = _mine(event.payload or {})
        if mine is not None:
            shown.append(mine)
        shown.extend(_kavi(summary, live) for summary in event.reply or [])
    last_reply = max((i for i, item in enumerate(shown) if item["from"] == "kavi"), default=-1)
    for i, item in enumerate(shown):
        if item["from"] != "kavi":
            continue
        question = item.get("question_id")
        # A question's buttons while it is open; loose buttons (plain suggestions) on the latest reply only.
        if (question not in open_ids) if question is not None else i != last_reply:
            item["choices"] = []
            item.pop("question_id", None)
    return shown


def keep_media(session: Session, *, external_id: str | None, shown: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keeps the media tokens of an answer (`shown`, as the page gets it) with its event's replies, for
    the history; a replay, whose replies come back without their media, gets the links kept the first time."""
    event = find_event(session, channel=CHANNEL, external_id=external_id) if external_id else None
    if event is None or not event.reply or len(event.reply) != len(shown):
        return shown
    summaries = [dict(summary) for summary in event.reply]
    stored = {
        str(summary[kind]["token"])
        for summary in summaries
        for kind in MEDIA_KINDS
        if isinstance(summary.get(kind), dict) and summary[kind].get("token")
    }
    live = _live(session, stored, utcnow())
    changed = False
    for summary, out in zip(summaries, shown, strict=True):
        for kind in MEDIA_KINDS:
            url = out.get(f"{kind}_url")
            before = summary.get(kind) if isinstance(summary.get(kind), dict) else None
            if url:
                summary[kind] = {**(before or {}), "filename": out[f"{kind}_name"], "token": url[len(MEDIA_PATH) :]}
                changed = True
            elif before and before.get("token") in live:
                out[f"{kind}_url"] = MEDIA_PATH + str(before["token"])
                out[f"{kind}_name"] = str(before.get("filename") or kind)
    if changed:
        event.reply = summaries  # a new list: the JSON column sees the change
        session.add(event)
    return shown


def _mine(payload: dict[str, Any]) -> dict[str, Any] | None:
    """What the person sent: their text (a tapped button's label), or the file, with what a voice note said."""
    text = str(payload.get("text") or "")
    attachments = [a for a in payload.get("attachments") or [] if isinstance(a, dict)]
    if not text and not attachments:
        return None
    item: dict[str, Any] = {"from": "me", "text": text}
    if attachments:
        first = attachments[0]
        item["attachment"] = {"kind": str(first.get("kind") or "document"), "name": str(first.get("filename") or "")}
        heard = payload.get("heard")
        if not text and isinstance(heard, dict):
            item["text"] = str(heard.get("text") or "")
    return item


def _kavi(summary: dict[str, Any], live: set[str]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "from": "kavi",
        "text": str(summary.get("text") or ""),
        "choices": list(summary.get("choices") or []),
    }
    if summary.get("question_id") is not None:
        item["question_id"] = summary["question_id"]
    for kind in MEDIA_KINDS:
        media = summary.get(kind)
        if not isinstance(media, dict):
            continue
        item[f"{kind}_name"] = str(media.get("filename") or kind)
        if media.get("token") in live:
            item[f"{kind}_url"] = MEDIA_PATH + str(media["token"])
        else:
            item[f"{kind}_expired"] = True  # the file's link has run out (media is kept a day)
    return item


def _live(session: Session, tokens: set[str], now: datetime) -> set[str]:
    if not tokens:
        return set()
    rows = session.exec(select(MediaFile.token, MediaFile.expires_at).where(col(MediaFile.token).in_(tokens))).all()
    return {token for token, expires in rows if as_utc(expires) >= now}


def _open_questions(session: Session, sender: str, now: datetime) -> set[int]:
    """The ids of the session's questions whose buttons still answer them (conversations/state.py)."""
    state = session.exec(
        select(ConversationState).where(
            ConversationState.channel == CHANNEL, ConversationState.external_user_id == sender
        )
    ).first()
    if state is None:
        return set()
    return {int(q["id"]) for q in state.questions or [] if as_utc(datetime.fromisoformat(str(q["expires"]))) >= now}
