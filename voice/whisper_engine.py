"""faster-whisper: the main recognizer. One model per process, loaded on first use.

int8 on CPU, float16 on a CUDA GPU. `python -m bench.voice` measures it: on a 2-core build machine
`base` int8 hears a 20 s note in 1.8 s (2.5 CPU-seconds; it was 7.3 before the three savings below).
Silero VAD (bundled with faster-whisper) cuts silence first, once, so a note of silence or noise gives
no words at all instead of Whisper's invented ones. A note that fits one 30 s window is encoded once
for its language, its words and their probabilities; it is decoded without timestamp tokens and at
temperature 0 only (an unsure note is asked about, not decoded again hotter); and its words'
probabilities come from one alignment pass, not from faster-whisper's word timestamps, which encode
and decode a second, nearly empty window after the last word.
"""

import hashlib
import threading
from math import exp
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.audio import pad_or_trim
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import TranscriptionInfo, merge_punctuations
from faster_whisper.utils import download_model
from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

from voice.audio import SAMPLE_RATE
from voice.transcript import Transcript
from voice.vocabulary import Vocabulary

# The languages KAVI speaks; a detection outside them (Sheng is often heard as something else)
# falls back to the person's own language.
LANGUAGES = ("en", "sw")
_models: dict[tuple[str, str, str], "OnceEncoded"] = {}
# faster-whisper's defaults for punctuation that belongs to the word before or after it.
_PREPENDED, _APPENDED = "\"'“¿([{-", "\"'.。,，!！?？:：”)]}、"
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


class OnceEncoded(WhisperModel):
    """faster-whisper's model, remembering its last encoded window per thread: detecting the language
    and decoding the same window then pay for the encoder once. `encodes` counts real encoder runs."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._last = threading.local()
        self.encodes = 0

    def encode(self, features: np.ndarray):  # type: ignore[no-untyped-def]  # a ctranslate2.StorageView
        key = (features.shape, hashlib.blake2b(np.ascontiguousarray(features).tobytes(), digest_size=16).digest())
        if getattr(self._last, "key", None) == key:
            return self._last.output
        output = super().encode(features)
        self.encodes += 1
        self._last.key, self._last.output = key, output
        return output


def speech_only(samples: np.ndarray) -> np.ndarray:
    """The note with silence cut out by Silero VAD (empty when there is no speech at all)."""
    chunks, _ = collect_chunks(samples, get_speech_timestamps(samples, VadOptions()))
    return np.concatenate(chunks)


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
                _models[key] = OnceEncoded(
                    model_dir, device=self.device, compute_type=compute_type, cpu_threads=threads
                )
        self.model = _models[key]

    def _decode(
        self, speech: np.ndarray, language: str | None, hotwords: str | None, words: bool
    ) -> tuple[list, TranscriptionInfo]:
        """Segments (read to the end) and info for speech already cut by VAD; `words`: faster-whisper's
        own word timings and probabilities (only for speech longer than one window, see _one_window)."""
        segments, info = self.model.transcribe(
            speech,
            language=language,
            vad_filter=False,
            beam_size=5,
            temperature=0.0,  # no re-decoding at higher temperatures: an unsure note is asked about instead
            word_timestamps=words,
            without_timestamps=True,
            condition_on_previous_text=False,
            hotwords=hotwords,
        )
        return list(segments), info

    def _language(self, window: np.ndarray, hint: str | None) -> str | None:
        """The language to decode in, chosen before decoding: Whisper's own guess when it is one KAVI
        speaks, else the person's (see _likelier). None: an English-only model.

        Detecting first spares a whole decode in a language KAVI does not speak (which, on a noisy note,
        retried at every temperature, took a minute on two cores)."""
        if not self.model.model.is_multilingual:
            return None
        found = self.model.model.detect_language(self.model.encode(window))[0]
        probabilities = [(token[2:-2], probability) for token, probability in found]
        detected = probabilities[0][0]
        return detected if detected in LANGUAGES else _likelier(probabilities, hint)

    def _word_probabilities(
        self, window: np.ndarray, frames: int, segments: list, language: str
    ) -> list[tuple[str, float]]:
        """(word, probability) for a note that fits one window, from one alignment pass over the encoding
        the decode used. faster-whisper's own word timestamps would move on to the last word's end and
        encode and decode a second, nearly empty window: that doubled base's time on a 20 s note."""
        tokenizer = Tokenizer(self.model.hf_tokenizer, self.model.model.is_multilingual, "transcribe", language)
        tokens = [t for segment in segments for t in segment.tokens if t < tokenizer.eot]
        if not tokens:
            return []
        [aligned] = self.model.model.align(self.model.encode(window), tokenizer.sot_sequence, [tokens], frames)
        probabilities = aligned.text_token_probs
        words, word_tokens = tokenizer.split_to_word_tokens([*tokens, tokenizer.eot])
        alignment, at = [], 0
        for word, pieces in zip(words, word_tokens, strict=True):
            span = [t for t in pieces if t < tokenizer.eot]
            if span:
                alignment.append(
                    {"word": word, "tokens": span, "probability": float(np.mean(probabilities[at : at + len(span)]))}
                )
            at += len(span)
        # Punctuation joins its word as in faster-whisper's own word list ("week?", "\"Otieno").
        merge_punctuations(alignment, _PREPENDED, _APPENDED)
        return [(w["word"], w["probability"]) for w in alignment if w["word"]]

    def transcribe(self, samples: np.ndarray, language: str | None, vocabulary: Vocabulary) -> Transcript:
        # The business's customers and suppliers nudge the decoder towards their spelling.
        hotwords = ", ".join(vocabulary.names)[:200] or None
        speech = speech_only(samples)
        if not speech.size:  # nothing said: no decode, no invented words
            return Transcript(
                text="", confidence=0.0, language=language, engine=self.name, seconds=samples.size / SAMPLE_RATE
            )
        # The first window cut as transcribe cuts it (all frames but the last, padded to 30 s), so that
        # detecting the language, decoding and aligning all reuse one encoding of it.
        extractor = self.model.feature_extractor
        features = extractor(speech)
        frames = min(extractor.nb_max_frames, features.shape[-1] - 1)
        window = pad_or_trim(features[:, :frames])
        one_window = features.shape[-1] - 1 <= extractor.nb_max_frames
        segments, info = self._decode(speech, self._language(window, language), hotwords, words=not one_window)
        heard = info.language
        if one_window:
            pairs = self._word_probabilities(window, frames, segments, heard)
        else:
            pairs = [(w.word, w.probability) for segment in segments for w in (segment.words or [])]
        words = tuple((word.strip(), float(p)) for word, p in pairs if word.strip())
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
