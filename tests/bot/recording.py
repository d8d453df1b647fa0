"""A stand-in for a chat platform behind the Channel protocol (bot/channel.py): it remembers what
KAVI asked it to deliver, and can be told to fail or hang, as a real platform or a crash would."""

import asyncio

from conversations.messages import IncomingMessage, Reply


class PlatformDown(ConnectionError):
    """What a platform's client raises when a send does not go through."""


class RecordingChannel:
    def __init__(self, name: str = "telegram", can_push: bool = True) -> None:
        self.name = name
        self.can_push = can_push  # False: a web chat, which only answers (its notices wait for the person)
        self.delivered: list[tuple[str, str]] = []  # (recipient, text), in the order sent
        self.sent: list[Reply] = []  # the replies themselves, buttons and question ids included
        self.deliveries = 0  # calls to deliver(), failed ones included
        self.fail_deliveries: set[int] = set()  # the Nth calls (1-based) that raise
        self.fail_all_deliveries = False
        self.hang_after: set[int] = set()  # the Nth calls that send, then never return (a crash)
        self.fetch_failures = 0  # how many fetches raise before they work
        self.gates: dict[str, asyncio.Event] = {}  # a message with this text waits for its gate

    async def fetch(self, message: IncomingMessage) -> IncomingMessage:
        if self.fetch_failures:
            self.fetch_failures -= 1
            raise PlatformDown("attachment download failed")
        gate = self.gates.get(message.text)
        if gate is not None:
            await gate.wait()
        return message

    async def deliver(self, message: IncomingMessage, replies: list[Reply]) -> None:
        self.deliveries += 1
        if self.fail_all_deliveries or self.deliveries in self.fail_deliveries:
            raise PlatformDown(f"delivery {self.deliveries} refused")
        self.delivered.extend((message.sender, reply.text) for reply in replies)
        self.sent.extend(replies)
        if self.deliveries in self.hang_after:
            await asyncio.Event().wait()  # sent, but the process dies before it can say so

    async def push(self, to: str, reply: Reply) -> str:
        """A message KAVI starts goes out the same way, counted with the deliveries."""
        await self.deliver(IncomingMessage(channel=self.name, sender=to), [reply])
        return ""

    def texts(self, sender: str | None = None) -> list[str]:
        return [text for to, text in self.delivered if sender is None or to == sender]
