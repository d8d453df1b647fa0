"""Delivers the outbox: notices to owners on the channel they last used, reminders to customers by
WhatsApp (an approved template outside the 24-hour window) or SMS. Each row is claimed before it is
sent, so two senders (serve and worker, two servers) never send one twice."""

import asyncio
import contextlib
import logging
from typing import Any

from sqlalchemy.engine import Engine

from bot.channel import Channel
from bot.delivery import push_notice, push_to_customer
from bot.notices import close_question, held, notice_reply, open_question
from bot.records.models import Outbox
from bot.records.outbox import SessionOutbox, claim, finish, pending
from conversations.notices import notify_admins
from finance.clock import utcnow
from finance.db import session_scope
from finance.models import Business

log = logging.getLogger(__name__)
POLL_EVERY = 1.0


class OutboxSender:
    def __init__(self, engine: Engine | None, channels: dict[str, Channel]) -> None:
        self.engine = engine
        self.channels = channels
        self._task: asyncio.Task[None] | None = None

    def _claimed(self) -> list[tuple[int, dict[str, Any]]]:
        """Rows this sender won, with their payloads. A notice for a channel KAVI cannot push to (the
        web chat) waits for the person's next message there."""
        won = []
        with session_scope(self.engine) as session:
            now = utcnow()
            for row in pending(session, limit=50):
                payload = row.payload or {}
                channel = payload.get("channel")
                if (channel and not self._can_push(str(channel))) or held(payload, now):
                    continue
                if claim(session, outbox_id=row.id or 0):
                    won.append((row.id or 0, payload))
        return won

    def _can_push(self, channel: str) -> bool:
        found = self.channels.get(channel)
        return found is not None and found.can_push

    async def send_pending(self) -> int:
        sent = 0
        for outbox_id, payload in await asyncio.to_thread(self._claimed):
            ok = False
            try:
                ok = await self._send(payload)
            except Exception:  # one bad send must not stop the others; the row is marked failed
                log.exception("outbox %s not sent", outbox_id)
            await asyncio.to_thread(self._finish, outbox_id, ok)
            sent += ok
        return sent

    def _finish(self, outbox_id: int, ok: bool) -> None:
        with session_scope(self.engine) as session:
            finish(session, outbox_id=outbox_id, ok=ok)
            row = session.get(Outbox, outbox_id)
            payload = (row.payload or {}) if row is not None else {}
            business = session.get(Business, row.business_id) if row is not None else None
            if not ok and payload.get("phone") and business is not None:
                # The owner was told it would go: now they are told it did not, with the text to forward.
                notify_admins(
                    session,
                    SessionOutbox(session),
                    business,
                    kind="reminder_failed",
                    subject=f"outbox:{outbox_id}",
                    key=str(payload.get("failed_key") or "reminder_failed"),  # an invite says it was one
                    values={"customer": payload.get("customer") or payload["phone"], "text": payload.get("text", "")},
                )

    async def _send(self, payload: dict[str, Any]) -> bool:
        if payload.get("covered_by"):
            return True  # a reminder that went out together with another invoice's
        if payload.get("phone"):
            return await push_to_customer(self.channels, str(payload["phone"]), str(payload.get("text") or ""))
        channel, to = str(payload.get("channel")), str(payload.get("to"))
        # The question opens before the push, so its buttons carry its id; it closes if the push fails.
        asked = await asyncio.to_thread(self._open, channel, to, payload)
        sent = False
        try:
            sent = await push_notice(self.channels, channel, to, notice_reply(payload, asked))
        finally:
            if asked is not None and not sent:
                await asyncio.to_thread(self._close, channel, to, asked)
        return sent

    def _open(self, channel: str, to: str, payload: dict[str, Any]) -> int | None:
        with session_scope(self.engine) as session:
            return open_question(session, channel=channel, to=to, payload=payload)

    def _close(self, channel: str, to: str, question_id: int) -> None:
        with session_scope(self.engine) as session:
            close_question(session, channel=channel, to=to, question_id=question_id)

    def start(self, every: float = POLL_EVERY) -> None:
        async def loop() -> None:
            while True:
                try:
                    await self.send_pending()
                except Exception:
                    log.exception("outbox round failed")
                await asyncio.sleep(every)

        self._task = asyncio.get_running_loop().create_task(loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
