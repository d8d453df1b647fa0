"""faster-whisper: the main recognizer. One model per process, loaded on first use.

int8 on CPU, float16 on a CUDA GPU. `python -m bench.voice` measures it: on a 2-core AMD EPYC build
machine `base` int8 spent 7-8 CPU-seconds on a 20 s note (so 4 s or more on two cores), tiny.en 3.3.
Silero VAD (bundled with faster-whisper) cuts silence first, so a note of silence or noise gives no
words at all instead of Whisper's invented ones.
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
    """A local directory holding the model, or None when it is neither a model directory nor downloaded."""
    if Path(model).is_dir():
        # KAVI_WHISPER_MODEL may be a path: a folder without CTranslate2's model.bin is no model.
        return str(Path(model)) if (Path(model) / "model.bin").is_file() else None
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

    def _language(self, samples: np.ndarray, hint: str | None) -> str | None:
        """The language to decode in, chosen before decoding: Whisper's own guess when it is one KAVI
        speaks, else the person's (see _likelier). None: an English-only model, or no speech to judge.

        Detecting first costs what transcribe(language=None) spends detecting anyway, and spares a whole
        decode in a language KAVI does not speak (which, on a noisy note, retried at every temperature,
        took a minute on two cores)."""
        if not self.model.model.is_multilingual:
            return None
        try:
            detected, _, probabilities = self.model.detect_language(samples, vad_filter=True)
        except ValueError:  # VAD found no speech: the decode will find none either
            return hint if hint in LANGUAGES else None
        return detected if detected in LANGUAGES else _likelier(probabilities, hint)

    def transcribe(self, samples: np.ndarray, language: str | None, vocabulary: Vocabulary) -> Transcript:
        # The business's customers and suppliers nudge the decoder towards their spelling.
        hotwords = ", ".join(vocabulary.names)[:200] or None
        segments, info = self._decode(samples, self._language(samples, language), hotwords)
        heard = info.language
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
    """The language to decode in when Whisper heard neither English nor Swahili: the person's own when
    KAVI knows it (Swahili and Sheng are often taken for Italian or Portuguese, and then English looks
    likelier than Swahili: decoding Swahili as English gives nonsense, slowly), else the likelier."""
    if hint in LANGUAGES:
        return hint
    scores = dict(probabilities or [])
    return max(LANGUAGES, key=lambda code: scores.get(code, 0.0))
