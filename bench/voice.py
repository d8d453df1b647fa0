"""Voice benchmark: how fast each speech engine listens, and a voice note's whole trip.

    .venv/bin/python -m bench.voice [--whisper-model base] [--device auto]

Prints, for each engine available here:
- real-time factor (processing time / audio length) on the shared voice notes and on a 20 s note
  (the shared notes joined), with the time to answer that 20 s note;
- end to end: a voice note POSTed to the Telegram webhook until KAVI's text and voice replies have
  reached the (stand-in) Bot API — download, decode, transcription, the conversation, speech;
- peak memory of the process.
Engines: the offline recognizer (pocketsphinx), faster-whisper with --whisper-model when that model
is on this machine (`kavi voice fetch-model base`), and always the tiny random test model (its
words are noise: it measures the pipeline around Whisper, not a real model).
"""

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from conversations.voice_vocabulary import command_sentences
from voice.audio import SAMPLE_RATE, decode
from voice.opus import encode_ogg_opus
from voice.recognizer import Recognizer
from voice.settings import VoiceSettings
from voice.speaker import Speaker
from voice.vocabulary import Vocabulary
from voice.whisper_engine import resolve

SHARED = Path(__file__).resolve().parents[2] / "shared"
NOTES = sorted((SHARED / "eval" / "voice").glob("*.ogg"))
TINY = Path(__file__).resolve().parents[1] / "tests" / "data" / "tiny-whisper"
MB = 1024 * 1024


def twenty_second_note() -> bytes:
    """The shared notes one after another, with pauses, to 20 s: a long but ordinary voice note."""
    parts = []
    pause = np.zeros(SAMPLE_RATE // 2, np.float32)
    while sum(p.size for p in parts) < 20 * SAMPLE_RATE:
        for path in NOTES:
            parts += [decode(path.read_bytes(), 120, 10 * MB), pause]
    samples = np.concatenate(parts)[: 20 * SAMPLE_RATE]
    return encode_ogg_opus(samples, SAMPLE_RATE)


def engine_figures(name: str, settings: VoiceSettings) -> None:
    recognizer = Recognizer(settings)
    vocabulary = Vocabulary(sentences=command_sentences(("otieno", "jane")), names=("Otieno", "Jane"))
    start = time.perf_counter()
    recognizer.transcribe_now(NOTES[0].read_bytes(), "en", vocabulary)  # first use: load, compile
    first = time.perf_counter() - start
    factors = []
    for path in NOTES:
        data = path.read_bytes()
        start = time.perf_counter()
        heard = recognizer.transcribe_now(data, "en", vocabulary)
        factors.append((time.perf_counter() - start) / heard.seconds)
    long = twenty_second_note()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        heard = recognizer.transcribe_now(long, "en", vocabulary)
        times.append(time.perf_counter() - start)
    long_s = statistics.median(times)
    print(
        f"{name:<28} first use {first:6.2f} s   RTF shared notes median {statistics.median(factors):.3f} "
        f"(max {max(factors):.3f})   20 s note {long_s:.2f} s (RTF {long_s / 20:.3f})"
    )
    recognizer.close()


def speech_figures() -> None:
    speaker = Speaker(VoiceSettings(kavi_tts="espeak"))
    text = "Recorded expense: rent, fifteen thousand shillings, today. Reply undo to remove it."
    times = []
    for _ in range(5):
        start = time.perf_counter()
        speech = speaker.speak(text)
        times.append(time.perf_counter() - start)
    assert speech is not None
    print(f"{'espeak-ng + Opus':<28} {statistics.median(times) * 1000:6.0f} ms for a {len(text)}-character reply")


def end_to_end(settings: VoiceSettings, rounds: int) -> None:
    from fastapi.testclient import TestClient

    from bot.settings import ChannelSettings
    from bot.voice_notes import VoiceNotes
    from conversations.core import Conversation
    from finance.db import make_engine, migrate
    from tests.servers import serving
    from tests.standins.telegram import TelegramStandIn
    from webhooks.app import create_app
    from webhooks.settings import WebSettings

    token, secret = "123456:BENCH", "bench-secret"
    engine = make_engine(f"sqlite:///{tempfile.mkdtemp(prefix='kavi-bench-')}/kavi.db")
    migrate(engine)
    standin = TelegramStandIn(token)
    with serving(standin.app) as url:
        channels = ChannelSettings(telegram_bot_token=token, telegram_webhook_secret=secret, telegram_api_base_url=url)
        app = create_app(engine, WebSettings(), channels, Conversation(engine), voice=VoiceNotes(engine, settings))
        with TestClient(app) as client:
            headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
            samples = [NOTES[i % len(NOTES)].read_bytes() for i in range(rounds)]
            samples[-1] = twenty_second_note()
            latencies = []
            for i, data in enumerate([NOTES[0].read_bytes(), *samples]):
                file_id = f"bench-{i}"
                standin.files[file_id] = data
                update = {
                    "update_id": 1000 + i,
                    "message": {
                        "message_id": 1000 + i,
                        "date": int(time.time()),
                        "chat": {"id": 777, "type": "private", "first_name": "Bench"},
                        "from": {"id": 777, "is_bot": False, "first_name": "Bench"},
                        "voice": {"duration": 3, "mime_type": "audio/ogg", "file_id": file_id,
                                  "file_unique_id": file_id, "file_size": len(data)},
                    },
                }  # fmt: skip
                texts, voices = len(standin.sent("sendMessage")), len(standin.sent("sendVoice"))
                start = time.perf_counter()
                client.post("/telegram/webhook", json=update, headers=headers)
                while len(standin.sent("sendMessage")) <= texts:
                    time.sleep(0.002)
                text_at = time.perf_counter() - start
                while len(standin.sent("sendVoice")) <= voices:
                    time.sleep(0.002)
                if i:  # the first note warms the models up
                    latencies.append((text_at, time.perf_counter() - start))
                time.sleep(1.1)  # Telegram's pace is one message a second per chat: start each note afresh
    shared, long = latencies[:-1], latencies[-1]
    for label, index in (("webhook -> text reply", 0), ("webhook -> voice reply", 1)):
        values = [pair[index] for pair in shared]
        print(
            f"{label:<28} {settings.kavi_stt:<8} shared notes median {statistics.median(values):.2f} s "
            f"(max {max(values):.2f} s)   20 s note {long[index]:.2f} s"
        )
    print("  (the voice note follows the text by Telegram's per-chat pace of one message a second)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--whisper-model", default="base", help="a size name or a model directory")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    parser.add_argument("--rounds", type=int, default=12, help="voice notes through the webhook")
    args = parser.parse_args()
    print("speech to text")
    engine_figures("pocketsphinx (offline)", VoiceSettings(kavi_stt="sphinx"))
    if resolve(args.whisper_model) is not None:
        real = VoiceSettings(kavi_stt="whisper", kavi_whisper_model=args.whisper_model, kavi_whisper_device=args.device)
        engine_figures(f"faster-whisper {args.whisper_model}", real)
    else:
        missing = f"faster-whisper {args.whisper_model}"
        print(f"{missing:<28} not on this machine (kavi voice fetch-model {args.whisper_model})")
    tiny = VoiceSettings(kavi_stt="whisper", kavi_whisper_model=str(TINY), kavi_whisper_device=args.device)
    engine_figures("faster-whisper tiny-random", tiny)
    print("text to speech")
    speech_figures()
    print("end to end (Telegram webhook, SQLite, espeak-ng replies)")
    end_to_end(VoiceSettings(kavi_stt="sphinx", kavi_tts="espeak"), args.rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS) {peak:.0f} MiB")


if __name__ == "__main__":
    main()
