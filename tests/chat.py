"""Transcript-style conversation tests: push a message, pop KAVI's reply."""

import itertools
from collections import deque
from datetime import date

from sqlalchemy.engine import Engine

from bot.pipeline import Pipeline
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
        can_push_to_phone: bool = False,
        phone: str | None = None,
    ) -> None:
        self.conversation = Conversation(engine, today=lambda: self.today, can_push_to_phone=can_push_to_phone)
        self.today = today
        self.sender = sender
        self.channel = channel
        self.name = name
        self.phone = phone  # set for SMS and WhatsApp, where the sender is a phone number
        self.replies: deque[Reply] = deque()

    @property
    def pipeline(self) -> Pipeline:
        """The path every channel's messages take (tests may swap `conversation`)."""
        return Pipeline(self.conversation)

    def push(self, text: str, external_id: str | None = None) -> None:
        message = IncomingMessage(
            channel=self.channel,
            sender=self.sender,
            text=text,
            display_name=self.name,
            external_id=external_id or f"m{next(_ids)}",
            phone=self.phone,
        )
        self.replies.extend(self.pipeline.handle(message))

    def tap(self, reply: Reply, choice: str) -> str:
        """Taps one of a reply's buttons, as Telegram and the web chat send it: the label and the
        question's id. Returns KAVI's one reply."""
        assert choice in reply.choices, f"no button {choice!r} in {reply.choices}"
        message = IncomingMessage(
            channel=self.channel,
            sender=self.sender,
            text=choice,
            display_name=self.name,
            external_id=f"m{next(_ids)}",
            answers=reply.question_id,
            phone=self.phone,
        )
        self.replies.extend(self.pipeline.handle(message))
        answer = self.pop()
        assert not self.replies, f"unexpected extra replies: {list(self.replies)}"
        return answer

    def ask(self, text: str) -> Reply:
        """Push one message and pop its one reply whole (buttons and all)."""
        self.push(text)
        reply = self.pop_reply()
        assert not self.replies, f"unexpected extra replies: {list(self.replies)}"
        return reply

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
        self.replies.extend(self.pipeline.handle(message))

    def send(self, attachment: Attachment, caption: str = "") -> Reply:
        """A photo or file (with its caption), as a channel hands it over once downloaded; its one reply."""
        message = IncomingMessage(
            channel=self.channel,
            sender=self.sender,
            text=caption,
            display_name=self.name,
            attachments=(attachment,),
            external_id=f"m{next(_ids)}",
            phone=self.phone,
        )
        self.replies.extend(self.pipeline.handle(message))
        reply = self.pop_reply()
        assert not self.replies, f"unexpected extra replies: {list(self.replies)}"
        return reply

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
