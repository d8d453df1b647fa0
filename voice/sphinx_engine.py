"""The offline recognizer: pocketsphinx's English acoustic model, listening only for KAVI's language.

A general English model hears "the granite fifty thousand" for "paid rent fifteen thousand"; held to
a language model built from KAVI's own commands (and the business's customer names) it hears the
command. Swahili words get pronunciations by rule (see pronounce.py). Works with no download at all.
"""

import hashlib
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
from pocketsphinx import Decoder, get_model_path

from voice.audio import SAMPLE_RATE
from voice.ngram import arpa
from voice.pronounce import pronunciations
from voice.transcript import Transcript
from voice.vocabulary import Vocabulary

ACOUSTIC_MODEL = Path(get_model_path()) / "en-us" / "en-us"
_CACHE_SIZE = 32  # compiled vocabularies kept (one per business that sent a voice note lately)


class SphinxEngine:
    name = "sphinx"

    def __init__(self, workdir: Path | None = None) -> None:
        self._dir = workdir or Path(tempfile.mkdtemp(prefix="kavi-sphinx-"))
        self._compiled: OrderedDict[str, tuple[Path, Path]] = OrderedDict()
        self._lock = threading.Lock()

    def transcribe(self, samples: np.ndarray, language: str | None, vocabulary: Vocabulary) -> Transcript:
        compiled = self._compile(vocabulary.sentences + vocabulary.names)
        if compiled is None:  # no sentences to listen for: nothing it could hear
            return Transcript(
                text="", confidence=0.0, language=language, engine=self.name, seconds=samples.size / SAMPLE_RATE
            )
        dict_path, lm_path = compiled
        # A decoder per call: they are not thread-safe, and loading one with a small dictionary is quick.
        decoder = Decoder(hmm=str(ACOUSTIC_MODEL), dict=str(dict_path), lm=str(lm_path), loglevel="FATAL")
        pcm = _with_lead_in(samples)
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        # Each word's posterior probability in the lattice; "hundred(2)" is a second pronunciation.
        words = tuple(
            (seg.word.split("(")[0], _bounded(seg.prob))
            for seg in decoder.seg()
            if not seg.word.startswith(("<", "[", "("))
        )
        confidence = min((p for _, p in words), default=0.0)
        return Transcript(
            text=" ".join(w for w, _ in words),
            confidence=confidence,
            language=language,
            engine=self.name,
            seconds=samples.size / SAMPLE_RATE,
            words=words,
        )

    def _compile(self, phrases: tuple[str, ...]) -> tuple[Path, Path] | None:
        """The dictionary and language model files for this vocabulary, made once and cached; None
        when no phrase has words the recognizer can say."""
        sentences = sorted({" ".join(_words(p)) for p in phrases if _words(p)})
        key = hashlib.sha1("\n".join(sentences).encode(), usedforsecurity=False).hexdigest()[:16]  # a cache key
        with self._lock:
            if key in self._compiled:
                self._compiled.move_to_end(key)
                return self._compiled[key]
        words = sorted({w for s in sentences for w in s.split()})
        lines = []
        known: set[str] = set()
        for word in words:
            for i, phones in enumerate(pronunciations(word)):
                lines.append(f"{word}{'' if i == 0 else f'({i + 1})'} {phones}")
                known.add(word)
        usable = [s for s in sentences if all(w in known for w in s.split())]
        if not usable:
            return None
        dict_path = self._dir / f"{key}.dict"
        lm_path = self._dir / f"{key}.lm"
        dict_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        lm_path.write_text(arpa(usable), encoding="utf-8")
        with self._lock:
            self._compiled[key] = (dict_path, lm_path)
            while len(self._compiled) > _CACHE_SIZE:
                _, (old_dict, old_lm) = self._compiled.popitem(last=False)
                old_dict.unlink(missing_ok=True)
                old_lm.unlink(missing_ok=True)
        return dict_path, lm_path


def _with_lead_in(samples: np.ndarray) -> bytes:
    """16-bit PCM with a quarter second of faint noise before the speech: the front end learns the
    background level from the first frames, and a note that starts mid-word loses its first words."""
    rng = np.random.default_rng(0)
    lead = rng.normal(0.0, 1e-4, SAMPLE_RATE // 4).astype(np.float32)
    padded = np.concatenate([lead, samples, lead])
    return (np.clip(padded, -1.0, 1.0) * 32767).astype(np.int16).tobytes()


def _words(phrase: str) -> list[str]:
    cleaned = "".join(c if c.isalpha() or c in " '" else " " for c in phrase.lower())
    return cleaned.split()


def _bounded(value: float) -> float:
    return max(0.0, min(1.0, value))
