"""Speech to text: the real faster-whisper path on a tiny random model, the offline recognizer's
words, and the recognizer's engine choice, limits and queue."""

import asyncio
import json
import shutil
import threading

import numpy as np
import pytest
from faster_whisper.audio import pad_or_trim
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import Segment

from conversations.voice_vocabulary import command_sentences
from tests.voice.conftest import TINY_WHISPER, VOICE_NOTES, encode, speech
from voice.audio import TooLong, Unreadable, decode
from voice.pronounce import by_rule, pronunciations
from voice.recognizer import Busy, Recognizer
from voice.settings import VoiceSettings
from voice.sphinx_engine import SphinxEngine
from voice.transcript import Transcript
from voice.vocabulary import Vocabulary
from voice.whisper_engine import WhisperEngine, _likelier, resolve, speech_only

NOTES = [json.loads(line) for line in (VOICE_NOTES / "voice_notes.jsonl").read_text().splitlines() if line.strip()]


def whisper_settings(**overrides: object) -> VoiceSettings:
    return VoiceSettings(kavi_stt="whisper", kavi_whisper_model=str(TINY_WHISPER), **overrides)  # type: ignore[arg-type]


# --- faster-whisper ---------------------------------------------------------------------------


def test_tiny_model_is_small_and_complete() -> None:
    files = {p.name: p.stat().st_size for p in TINY_WHISPER.iterdir()}
    assert {"model.bin", "config.json", "tokenizer.json", "vocabulary.json"} <= set(files)
    assert sum(files.values()) < 1024 * 1024


def test_whisper_is_loaded_once_per_process() -> None:
    first = WhisperEngine(str(TINY_WHISPER), device="cpu")
    second = WhisperEngine(str(TINY_WHISPER), device="auto")
    assert first.model is second.model
    assert first.compute_type == "int8"  # no GPU here: int8 on the CPU


@pytest.mark.parametrize("note", NOTES, ids=[n["file"] for n in NOTES])
def test_whisper_transcribes_real_voice_notes(note: dict) -> None:
    recognizer = Recognizer(whisper_settings())
    assert recognizer.name == "whisper"
    data = (VOICE_NOTES / note["file"]).read_bytes()
    result = recognizer.transcribe_now(data, "sw" if note["voice"] == "sw" else "en", Vocabulary(names=("Otieno",)))
    # Random weights say random things: the pipeline is what is checked, never the words.
    assert isinstance(result, Transcript) and result.engine == "whisper"
    assert 1.5 < result.seconds < 6
    assert 0.0 <= result.confidence <= 1.0
    assert result.language in ("en", "sw")
    assert all(0.0 <= p <= 1.0 for _, p in result.words)


def test_a_note_is_encoded_once_for_its_language_and_its_words() -> None:
    # base's encoder is most of a note's time: detecting the language first must not run it twice.
    engine = WhisperEngine(str(TINY_WHISPER), device="cpu")
    audio = decode(encode(*speech("I paid five hundred shillings for fuel"), "ogg"), 60, 10_000_000)
    before = engine.model.encodes
    heard = engine.transcribe(audio, None, Vocabulary(names=("Otieno",)))
    assert engine.model.encodes - before == 1  # language, words and their probabilities: one encoding
    assert "".join(word for word, _ in heard.words) == "".join(heard.text.split())
    other = decode(encode(*speech("nimelipa kodi elfu kumi", "sw"), "ogg"), 60, 10_000_000)
    engine.transcribe(other, "sw", Vocabulary())  # another note: its own encoding, never the last one's
    assert engine.model.encodes - before == 2


def test_a_one_window_notes_words_get_probabilities_from_one_alignment() -> None:
    # The tiny random model says nothing of its own: align tokens of a known sentence against a real
    # note's encoding, as the engine does with what base decoded.
    engine = WhisperEngine(str(TINY_WHISPER), device="cpu")
    model = engine.model
    speech_part = speech_only(decode(encode(*speech("I paid five hundred shillings"), "ogg"), 60, 10_000_000))
    features = model.feature_extractor(speech_part)
    frames = min(model.feature_extractor.nb_max_frames, features.shape[-1] - 1)
    tokens = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, "transcribe", "en").encode(
        ' I paid 500 shillings, "asante".'
    )
    segment = Segment(0, 0, 0.0, 1.0, "", tokens, 0.0, 1.0, 0.0, None, 0.0)
    words = engine._word_probabilities(pad_or_trim(features[:, :frames]), frames, [segment], "en")
    # Punctuation joins its word, as in faster-whisper's own word list.
    assert [w for w, _ in words] == [" I", " paid", " 500", " shillings,", ' "asante".']
    assert all(0.0 < p <= 1.0 for _, p in words)


def test_a_language_whisper_does_not_expect_is_decoded_in_the_persons_own() -> None:
    # Whisper base took espeak-ng's "nimelipa kodi elfu kumi" for Italian (0.31), English 0.11,
    # Swahili under 0.01: a Swahili speaker's note is decoded as Swahili, not as the likelier English.
    heard = [("it", 0.31), ("la", 0.13), ("en", 0.11), ("sw", 0.004)]
    assert _likelier(heard, "sw") == "sw"
    assert _likelier(heard, "en") == "en"
    assert _likelier(heard, None) == "en"  # a newcomer: the likelier of the two


def test_whisper_vad_hears_nothing_in_silence_and_noise() -> None:
    recognizer = Recognizer(whisper_settings())
    quiet = encode(np.zeros(16_000 * 4, np.int16), 16_000, "ogg")
    assert recognizer.transcribe_now(quiet).empty
    engine = recognizer.engine
    assert engine is not None
    hum = (np.random.default_rng(2).normal(0, 0.05, 16_000 * 4)).astype(np.float32)
    assert engine.transcribe(hum, "en", Vocabulary()).empty  # VAD finds no speech in noise


def test_whisper_limits_apply_before_the_model() -> None:
    recognizer = Recognizer(whisper_settings(kavi_voice_max_seconds=2))
    samples, rate = speech("this voice note goes on and on about rent and fuel and stock and sales for a while")
    with pytest.raises(TooLong):
        recognizer.transcribe_now(encode(samples, rate, "ogg"))
    with pytest.raises(Unreadable):
        recognizer.transcribe_now(b"OggS\x00not really")


def test_auto_picks_whisper_when_a_model_is_here_else_the_offline_recognizer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert Recognizer(VoiceSettings(kavi_stt="auto", kavi_whisper_model=str(TINY_WHISPER))).name == "whisper"
    missing = VoiceSettings(kavi_stt="auto", kavi_whisper_model="base", kavi_whisper_cache_dir=str(tmp_path))
    assert resolve("base", str(tmp_path)) is None
    assert Recognizer(missing).name == "sphinx"
    assert Recognizer(VoiceSettings(kavi_stt="off")).name == "off"
    with pytest.raises(RuntimeError, match="fetch-model"):
        Recognizer(VoiceSettings(kavi_stt="whisper", kavi_whisper_model="base", kavi_whisper_cache_dir=str(tmp_path)))


def test_auto_falls_back_to_the_offline_recognizer_when_the_whisper_model_cannot_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # KAVI_WHISPER_MODEL naming a folder with no model in it, or a half-copied model.bin, must not stop
    # KAVI from listening: `auto` uses the offline recognizer; `whisper` (asked for by name) says why.
    empty = tmp_path / "empty"
    empty.mkdir()
    broken = tmp_path / "broken"
    shutil.copytree(TINY_WHISPER, broken)
    (broken / "model.bin").write_bytes((TINY_WHISPER / "model.bin").read_bytes()[:1000])
    assert resolve(str(empty)) is None  # a folder without model.bin is no model
    for folder in (empty, broken):
        assert Recognizer(VoiceSettings(kavi_stt="auto", kavi_whisper_model=str(folder))).name == "sphinx"
        with pytest.raises(RuntimeError, match="KAVI_WHISPER_MODEL"):
            Recognizer(VoiceSettings(kavi_stt="whisper", kavi_whisper_model=str(folder)))


def test_burst_of_voice_notes_is_bounded_and_queued() -> None:
    """One transcription at a time and two waiting: of six at once, three are told to come back."""
    recognizer = Recognizer(whisper_settings(kavi_stt_concurrency=1, kavi_stt_queue=2))
    data = (VOICE_NOTES / "v01.ogg").read_bytes()
    before = {t for t in threading.enumerate() if t.name.startswith("kavi-stt")}

    async def burst() -> list[object]:
        return await asyncio.gather(*(recognizer.transcribe(data) for _ in range(6)), return_exceptions=True)

    results = asyncio.run(burst())
    assert sum(isinstance(r, Busy) for r in results) == 3
    assert sum(isinstance(r, Transcript) for r in results) == 3
    # All on the recognizer's own single thread, none on the caller's.
    assert len({t for t in threading.enumerate() if t.name.startswith("kavi-stt")} - before) == 1
    recognizer.close()
    # Once the burst is over, the next voice note is taken again.
    recognizer = Recognizer(whisper_settings(kavi_stt_concurrency=1, kavi_stt_queue=0))
    assert isinstance(asyncio.run(recognizer.transcribe(data)), Transcript)
    recognizer.close()


# --- the offline recognizer -------------------------------------------------------------------


def test_swahili_words_and_names_get_pronunciations_by_rule() -> None:
    assert by_rule("nimelipa") == "N IY M EH L IY P AA"
    assert by_rule("ng'ombe") == "NG OW M B EH"
    assert by_rule("chakula") == "CH AA K UW L AA"
    assert by_rule("wanjiku") == "W AA N JH IY K UW"
    assert pronunciations("rent") == ["R EH N T"]  # English from CMUdict
    assert pronunciations("12") == []


def test_offline_recognizer_hears_the_shared_voice_notes() -> None:
    engine = SphinxEngine()
    vocabulary = Vocabulary(sentences=command_sentences(("otieno",)), names=("otieno",))
    recognizer = Recognizer(VoiceSettings(kavi_stt="sphinx"), engine=engine)
    exact = 0
    for note in NOTES:
        result = recognizer.transcribe_now((VOICE_NOTES / note["file"]).read_bytes(), None, vocabulary)
        assert result.engine == "sphinx" and not result.empty
        exact += result.text == note["transcript"].lower()
    assert exact >= 4  # word for word; the intents are checked end to end through a webhook


def test_offline_recognizer_hears_nothing_in_silence() -> None:
    recognizer = Recognizer(VoiceSettings(kavi_stt="sphinx"))
    assert recognizer.transcribe_now(encode(np.zeros(16_000 * 3, np.int16), 16_000, "ogg")).empty


def test_offline_recognizer_with_nothing_to_listen_for_hears_nothing() -> None:
    # Called without KAVI's sentences (a script, a bench) it has no language to hold the words to.
    samples, rate = speech("paid rent fifteen thousand")
    result = Recognizer(VoiceSettings(kavi_stt="sphinx")).transcribe_now(encode(samples, rate, "ogg"), "en")
    assert result.empty and result.engine == "sphinx" and result.seconds > 1


def test_offline_recognizer_hears_a_customer_name_it_was_given() -> None:
    samples, rate = speech("invoice wanjiru five thousand")
    vocabulary = Vocabulary(sentences=command_sentences(("wanjiru",)), names=("wanjiru",))
    result = Recognizer(VoiceSettings(kavi_stt="sphinx")).transcribe_now(encode(samples, rate, "ogg"), None, vocabulary)
    assert "wanjiru" in result.text
