"""Voice at the edge: voice notes become text before the conversation sees them, and replies the
conversation marked as spoken get a voice note. The only place `voice/` meets the rest of KAVI.

Transcription runs on the recognizer's own threads (bounded, queued), never in the dispatcher's
slots, so text messages keep flowing during a burst of voice notes.
"""

import asyncio
import logging
from dataclasses import replace
from statistics import mean

from sqlalchemy.engine import Engine

from conversations.messages import Attachment, Heard, IncomingMessage, Media, Reply
from conversations.voice_vocabulary import Listening, listening_for
from voice.audio import AudioError, TooLarge, TooLong, Unreadable, check_size
from voice.recognizer import Busy, Recognizer
from voice.settings import VoiceSettings
from voice.speaker import Speaker
from voice.transcript import Transcript
from voice.vocabulary import Vocabulary

log = logging.getLogger(__name__)

DOUBTFUL_BELOW = 0.5  # a word's confidence under which the conversation may ask before acting


class VoiceNotes:
    def __init__(
        self,
        engine: Engine | None,
        settings: VoiceSettings | None = None,
        recognizer: Recognizer | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings or VoiceSettings()
        self.recognizer = recognizer or Recognizer(self.settings)
        self.speaker = speaker or Speaker(self.settings)

    def status(self) -> dict[str, str]:
        """For /health: which engines listen and speak."""
        return {"speech_to_text": self.recognizer.name, "text_to_speech": self.speaker.name}

    # --- listening -----------------------------------------------------------------------------

    async def hear(self, message: IncomingMessage) -> IncomingMessage:
        """The message with what its voice note said; other messages unchanged."""
        settled = self._settled(message)
        if settled is not None:
            return settled
        listening = await asyncio.to_thread(listening_for, self.engine, message)
        try:
            transcript = await self.recognizer.transcribe(_audio(message), listening.language, _vocabulary(listening))
        except AudioError as exc:
            return replace(message, heard=self._problem(exc))
        return replace(message, heard=_heard(transcript))

    def hear_now(self, message: IncomingMessage) -> IncomingMessage:
        """The same on the calling thread (the web chat's route, the console)."""
        settled = self._settled(message)
        if settled is not None:
            return settled
        listening = listening_for(self.engine, message)
        try:
            transcript = self.recognizer.transcribe_now(_audio(message), listening.language, _vocabulary(listening))
        except AudioError as exc:
            return replace(message, heard=self._problem(exc))
        return replace(message, heard=_heard(transcript))

    def _settled(self, message: IncomingMessage) -> IncomingMessage | None:
        """The message as it stands when there is nothing to transcribe: not a voice note, or refused."""
        audio = _voice_note(message)
        if audio is None:
            return message
        problem = self._refuse_early(audio)
        return replace(message, heard=problem) if problem is not None else None

    def _refuse_early(self, audio: Attachment) -> Heard | None:
        if self.recognizer.engine is None:
            return Heard(problem="off")
        try:
            check_size(audio.size or (len(audio.data) if audio.data else None), self.settings.max_bytes)
        except TooLarge as exc:
            return self._problem(exc)
        if not audio.data:
            return Heard(problem="unreadable")
        return None

    def _problem(self, exc: AudioError) -> Heard:
        if isinstance(exc, TooLong):
            return Heard(problem="too_long", seconds=exc.seconds, limit=exc.limit)
        if isinstance(exc, TooLarge):
            return Heard(problem="too_large", limit=self.settings.kavi_voice_max_mb)
        if isinstance(exc, Busy):
            return Heard(problem="busy")
        if not isinstance(exc, Unreadable):
            log.warning("voice note not transcribed: %s", exc)
        return Heard(problem="unreadable")

    # --- speaking ------------------------------------------------------------------------------

    async def speak(self, replies: list[Reply]) -> list[Reply]:
        return await asyncio.to_thread(self.speak_now, replies)

    def speak_now(self, replies: list[Reply]) -> list[Reply]:
        """Replies with their voice notes attached; a reply whose voice fails goes as text alone."""
        out = []
        for reply in replies:
            if reply.spoken and reply.audio is None and self.speaker.enabled:
                speech = self.speaker.speak(reply.spoken, reply.spoken_language)
                if speech is not None:
                    reply = replace(reply, audio=Media("audio/ogg", "kavi-reply.ogg", speech.audio))
            out.append(reply)
        return out

    def close(self) -> None:
        self.recognizer.close()


def _voice_note(message: IncomingMessage) -> Attachment | None:
    if message.heard is not None or (message.text or "").strip():
        return None
    return next((a for a in message.attachments if a.kind == "audio"), None)


def _audio(message: IncomingMessage) -> bytes:
    audio = _voice_note(message)
    return (audio.data if audio is not None else None) or b""


def _vocabulary(listening: Listening) -> Vocabulary:
    return Vocabulary(sentences=listening.sentences, names=listening.names)


def _heard(transcript: Transcript) -> Heard:
    confidence = mean(c for _, c in transcript.words) if transcript.words else transcript.confidence
    return Heard(
        text=transcript.text,
        confidence=round(confidence, 3),
        language=transcript.language,
        engine=transcript.engine,
        seconds=round(transcript.seconds, 2),
        doubtful=tuple(transcript.doubtful_words(DOUBTFUL_BELOW)),
    )
