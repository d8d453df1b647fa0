"""Transcript-style conversation tests: push a message, pop KAVI's reply."""

import itertools
from collections import deque
from datetime import date

from sqlalchemy.engine import Engine

from conversations.core import Conversation
from conversations.messages import Attachment, Heard, IncomingMessage, Reply

_ids = itertools.count(1)


class ChatTester:
    def __init__(
        self,
        engine: Engine,
        today: date,
        sender: str = "owner",
        channel: str = "test",
        name: str | None = "Wanjiku",
    ) -> None:
        self.conversation = Conversation(engine, today=lambda: self.today)
        self.today = today
        self.sender = sender
        self.channel = channel
        self.name = name
        self.replies: deque[Reply] = deque()

    def push(self, text: str, external_id: str | None = None) -> None:
        message = IncomingMessage(
            channel=self.channel,
            sender=self.sender,
            text=text,
            display_name=self.name,
            external_id=external_id or f"m{next(_ids)}",
        )
        self.replies.extend(self.conversation.handle(message))

    def hear(self, heard: Heard) -> None:
        """A voice note, as the bot layer hands it over once transcribed."""
        message = IncomingMessage(
            channel=self.channel,
            sender=self.sender,
            display_name=self.name,
            attachments=(Attachment("audio", "audio/ogg", data=b"OggS", size=4),),
            external_id=f"m{next(_ids)}",
            heard=heard,
        )
        self.replies.extend(self.conversation.handle(message))

    def pop(self) -> str:
        assert self.replies, "KAVI did not reply"
        return self.replies.popleft().text

    def pop_reply(self) -> Reply:
        assert self.replies, "KAVI did not reply"
        return self.replies.popleft()

    def say(self, text: str) -> str:
        """Push one message and pop its one reply."""
        self.push(text)
        reply = self.pop()
        assert not self.replies, f"unexpected extra replies: {list(self.replies)}"
        return reply

    def onboard(self, business: str = "Wanjiku Hardware") -> None:
        """First contact and naming the business, so a test can start from a ready account."""
        assert "business called" in self.say("hi")
        assert business in self.say(business)
