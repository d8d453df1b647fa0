"""What every channel the dispatcher and the outbox serve must do: fetch attachments, deliver replies
to a message, and push a message KAVI starts (a notice, a reminder) to an address."""

from typing import Protocol

from conversations.messages import IncomingMessage, Reply


class Channel(Protocol):
    name: str
    # True when KAVI may start a conversation here; the web chat and the console only answer.
    can_push: bool

    async def fetch(self, message: IncomingMessage) -> IncomingMessage:
        """The message with its attachments' bytes downloaded (slow: done after the webhook answered)."""
        ...

    async def deliver(self, message: IncomingMessage, replies: list[Reply]) -> None:
        """Send KAVI's replies back where the message came from."""
        ...

    async def push(self, to: str, reply: Reply) -> str:
        """A message KAVI starts, to `to` on this channel (a Telegram chat id, an E.164 phone), under the
        channel's own rules for such messages (WhatsApp's 24-hour window and its approved template).
        Returns the provider's id for the message ("" where there is none)."""
        ...
