"""faster-whisper: the main recognizer. One model per process, loaded on first use.

int8 on CPU (a `base` model transcribes a 20 s note in about a second on two cores), float16 on a
CUDA GPU. Silero VAD (bundled with faster-whisper) cuts silence first, so a note of silence or noise
gives no words at all instead of Whisper's invented ones.
"""

import threading
from math import exp
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.transcribe import TranscriptionInfo
from faster_whisper.utils import download_model

from voice.audio import SAMPLE_RATE
from voice.transcript import Transcript
from voice.vocabulary import Vocabulary

# The languages KAVI speaks; a detection outside them (Sheng is often heard as something else)
# falls back to the person's own language.
LANGUAGES = ("en", "sw")
_models: dict[tuple[str, str, str], WhisperModel] = {}
_load_lock = threading.Lock()


def cuda_available() -> bool:
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() > 0
    except Exception:  # a CUDA runtime that fails to load means no GPU for us
        return False


def resolve(model: str, cache_dir: str | None = None) -> str | None:
    """A local directory holding the model, or None when it is neither a directory nor downloaded."""
    if Path(model).is_dir():
        return str(Path(model))
    try:
        return download_model(model, local_files_only=True, cache_dir=cache_dir)
    except Exception:  # not in the cache (or not a known name): unavailable offline
        return None


def fetch(model: str, cache_dir: str | None = None) -> str:
    """Downloads a model by name (from Hugging Face) for servers that start offline later."""
    return download_model(model, cache_dir=cache_dir)


class WhisperEngine:
    name = "whisper"

    def __init__(self, model_dir: str, device: str = "auto", compute_type: str = "auto", threads: int = 0) -> None:
        self.device = ("cuda" if cuda_available() else "cpu") if device == "auto" else device
        if compute_type == "auto":
            compute_type = "float16" if self.device == "cuda" else "int8"
        self.compute_type = compute_type
        key = (model_dir, self.device, compute_type)
        with _load_lock:
            if key not in _models:
                _models[key] = WhisperModel(
                    model_dir, device=self.device, compute_type=compute_type, cpu_threads=threads
                )
        self.model = _models[key]

    def _decode(
        self, samples: np.ndarray, language: str | None, hotwords: str | None
    ) -> tuple[list, TranscriptionInfo]:
        """Segments (read to the end) and info; `language` None lets Whisper detect it."""
        segments, info = self.model.transcribe(
            samples,
            language=language,
            vad_filter=True,
            beam_size=5,
            word_timestamps=True,
            condition_on_previous_text=False,
            hotwords=hotwords,
        )
        return list(segments), info

    def transcribe(self, samples: np.ndarray, language: str | None, vocabulary: Vocabulary) -> Transcript:
        # The business's customers and suppliers nudge the decoder towards their spelling.
        hotwords = ", ".join(vocabulary.names)[:200] or None
        segments, info = self._decode(samples, None, hotwords)
        heard = info.language
        if self.model.model.is_multilingual and heard not in LANGUAGES:
            # Whisper guessed a language KAVI does not speak: decode again in the person's language.
            heard = _likelier(info.all_language_probs, language)
            segments, info = self._decode(samples, heard, hotwords)
        words = tuple(
            (word.word.strip(), float(word.probability))
            for segment in segments
            for word in (segment.words or [])
            if word.word.strip()
        )
        text = " ".join(segment.text.strip() for segment in segments).strip()
        confidence = (
            exp(sum(s.avg_logprob for s in segments) / len(segments)) * (1 - max(s.no_speech_prob for s in segments))
            if segments
            else 0.0
        )
        return Transcript(
            text=text,
            confidence=confidence,
            language=heard if heard in LANGUAGES else language,
            engine=self.name,
            seconds=samples.size / SAMPLE_RATE,
            words=words,
        )


def _likelier(probabilities: list[tuple[str, float]] | None, hint: str | None) -> str:
    """Of English and Swahili, the one Whisper found likelier; the person's own language on a tie."""
    scores = dict(probabilities or [])
    if hint in LANGUAGES:
        scores[hint] = scores.get(hint, 0.0) + 1e-6
    return max(LANGUAGES, key=lambda code: scores.get(code, 0.0))
