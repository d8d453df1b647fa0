"""What a recognizer heard."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Transcript:
    text: str
    confidence: float  # 0..1: how sure the engine is of the words
    language: str | None  # "en", "sw", or None when the engine cannot tell
    engine: str  # "whisper" | "sphinx"
    seconds: float  # length of the audio
    # Each word with the engine's confidence in it, so the caller can weigh the words that matter
    # (an amount, a name) more than the rest.
    words: tuple[tuple[str, float], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def doubtful_words(self, below: float) -> list[str]:
        return [word for word, confidence in self.words if confidence < below]
