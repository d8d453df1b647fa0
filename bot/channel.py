"""What a channel the dispatcher serves must do: fetch attachments, deliver replies."""

from typing import Protocol

from conversations.messages import IncomingMessage, Reply


class Channel(Protocol):
    name: str

    async def fetch(self, message: IncomingMessage) -> IncomingMessage:
        """The message with its attachments' bytes downloaded (slow: done after the webhook answered)."""
        ...

    async def deliver(self, message: IncomingMessage, replies: list[Reply]) -> None:
        """Send KAVI's replies back where the message came from."""
        ...
