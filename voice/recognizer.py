"""Speech to text for KAVI: picks the engine, enforces the limits, bounds the work.

Transcription is CPU-heavy. It runs on its own small pool of threads with a bounded queue, so a
burst of voice notes waits its turn (or is told to try again) and never takes the threads that
answer text messages.
"""

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

import numpy as np

from voice.audio import AudioError, decode, is_silent
from voice.settings import VoiceSettings
from voice.sphinx_engine import SphinxEngine
from voice.transcript import Transcript
from voice.vocabulary import Vocabulary
from voice.whisper_engine import WhisperEngine, resolve

log = logging.getLogger(__name__)


class Busy(AudioError):
    """Too many voice notes are waiting already."""


class Engine(Protocol):
    name: str

    def transcribe(self, samples: np.ndarray, language: str | None, vocabulary: Vocabulary) -> Transcript: ...


def choose_engine(settings: VoiceSettings) -> Engine | None:
    """The engine KAVI_STT asks for; `auto` prefers Whisper when its model is on this machine and loads,
    else the offline recognizer. (faster-whisper is a dependency: only the model can be missing.)"""
    if settings.kavi_stt == "off":
        return None
    if settings.kavi_stt in ("auto", "whisper"):
        model_dir = resolve(settings.kavi_whisper_model, settings.kavi_whisper_cache_dir)
        if model_dir is not None:
            try:
                return WhisperEngine(
                    model_dir,
                    device=settings.kavi_whisper_device,
                    compute_type=settings.kavi_whisper_compute_type,
                    threads=settings.kavi_whisper_threads,
                )
            except (RuntimeError, ValueError, OSError) as exc:  # CTranslate2's errors for a model it cannot read
                if settings.kavi_stt == "whisper":
                    raise RuntimeError(f"Whisper model in {model_dir} (KAVI_WHISPER_MODEL) cannot load: {exc}") from exc
                log.warning("Whisper model in %s cannot load (%s): using the offline recognizer", model_dir, exc)
                return SphinxEngine()
        if settings.kavi_stt == "whisper":
            raise RuntimeError(
                f"Whisper model {settings.kavi_whisper_model!r} (KAVI_WHISPER_MODEL) is not on this machine: "
                "run `kavi voice fetch-model` or set KAVI_WHISPER_MODEL to a model directory"
            )
        log.info("no Whisper model %r here: using the offline pocketsphinx recognizer", settings.kavi_whisper_model)
    return SphinxEngine()


class Recognizer:
    def __init__(self, settings: VoiceSettings | None = None, engine: Engine | None = None) -> None:
        self.settings = settings or VoiceSettings()
        self.engine = engine if engine is not None else choose_engine(self.settings)
        workers = max(1, self.settings.kavi_stt_concurrency)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kavi-stt")
        self._limit = workers + max(0, self.settings.kavi_stt_queue)
        self._queued = 0
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.engine.name if self.engine is not None else "off"

    def transcribe_now(
        self, data: bytes, language: str | None = None, vocabulary: Vocabulary = Vocabulary()
    ) -> Transcript:
        """Decode and transcribe on the calling thread. Raises AudioError subclasses for unusable audio."""
        if self.engine is None:
            raise AudioError("speech recognition is off")
        samples = decode(data, self.settings.kavi_voice_max_seconds, self.settings.max_bytes)
        seconds = samples.size / 16_000
        if is_silent(samples):
            return Transcript(text="", confidence=0.0, language=language, engine=self.engine.name, seconds=seconds)
        return self.engine.transcribe(samples, language, vocabulary)

    async def transcribe(
        self, data: bytes, language: str | None = None, vocabulary: Vocabulary = Vocabulary()
    ) -> Transcript:
        """The same on the recognizer's own threads; raises Busy when the queue is full."""
        with self._lock:
            if self._queued >= self._limit:
                raise Busy(f"{self._queued} voice notes already waiting")
            self._queued += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._pool, self.transcribe_now, data, language, vocabulary)
        finally:
            with self._lock:
                self._queued -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
