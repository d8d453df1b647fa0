"""A voice note in the conversation: say what was heard, ask when unsure, then act on it as text.

The bot layer has already turned the audio into `Heard` (voice/ does the listening); here is what a
careful person would do with it. A wrong amount recorded from a misheard word is worse than a
question, so doubt about an amount or a name asks before anything is recorded.
"""

from collections.abc import Callable
from dataclasses import replace

from conversations import state as st
from conversations.messages import Heard, Reply
from conversations.parser import vocabulary as v
from conversations.parser.text import PhraseTable
from conversations.texts import t
from conversations.turn import Turn
from conversations.voice_vocabulary import business_names

CONFIRM = "voice_confirm"
# Below this the transcript as a whole is too unsure to act on without asking.
MIN_CONFIDENCE = 0.45
_YES = PhraseTable.of(("yes", "yes go ahead", "go ahead", "ndiyo", "ndio", "ndiyo endelea", "endelea", "sawa",
                       "correct", "ok", "okay", "yeah", "yep", "1"))  # fmt: skip
_NO = PhraseTable.of(("no", "hapana", "wrong", "cancel", "si sawa", "2"))
_AMOUNT_WORDS = set(v.NUMBER_WORDS) | set(v.PRE_MULTIPLIERS) | set(v.POST_MULTIPLIERS) | set(v.AMOUNT_WORDS)

Run = Callable[[str], list[Reply]]


def respond(turn: Turn, heard: Heard, run: Run) -> list[Reply]:
    """Replies to a voice note; `run` handles a text the way a typed message is handled."""
    if heard.problem:
        return [Reply(_problem(heard, turn.lang))]
    text = " ".join(heard.text.split())
    if not text:
        return [Reply(t("voice_silent", turn.lang))]
    if _doubtful(turn, heard):
        st.ask(turn.state, CONFIRM, {"text": text})
        return [Reply(t("voice_confirm", turn.lang, text=text), choices=_choices(turn.lang))]
    return _with_heard(turn, text, run(text))


def answer_confirmation(turn: Turn, text: str, run: Run) -> list[Reply] | None:
    """The answer to "shall I go ahead?"; None when the message is not an answer to it."""
    question, slots = st.pending(turn.state)
    if question != CONFIRM:
        return None
    lows = tuple(text.lower().replace(",", " ").replace(".", " ").replace("!", " ").split())
    if _YES.first(lows) and not _NO.first(lows):
        st.clear(turn.state)
        return run(str(slots.get("text", "")))
    st.clear(turn.state)
    if _NO.first(lows):
        return [Reply(t("voice_retry", turn.lang))]
    return None  # they said something else instead: handle it as a new message


def _doubtful(turn: Turn, heard: Heard) -> bool:
    if heard.confidence < MIN_CONFIDENCE:
        return True
    names = set(business_names(turn.session, turn.business.id or 0))
    return any(word.lower() in _AMOUNT_WORDS or word.isdigit() or word.lower() in names for word in heard.doubtful)


def _with_heard(turn: Turn, text: str, replies: list[Reply]) -> list[Reply]:
    heard = t("voice_heard", turn.lang, text=text)
    if not replies:
        return [Reply(heard)]
    return [replace(replies[0], text=f"{heard}\n\n{replies[0].text}"), *replies[1:]]


def _choices(lang: str) -> list[str]:
    return [t("voice_yes", lang), t("voice_no", lang)]


def _problem(heard: Heard, lang: str) -> str:
    if heard.problem == "too_long":
        return t("voice_too_long", lang, seconds=_duration(heard.seconds, lang), limit=_duration(heard.limit, lang))
    if heard.problem == "too_large":
        return t("voice_too_large", lang, limit=f"{heard.limit:g}")
    return t(f"voice_{heard.problem}" if heard.problem in ("busy", "off") else "voice_unreadable", lang)


def _duration(seconds: float, lang: str) -> str:
    minutes, rest = divmod(round(seconds), 60)
    if lang == "sw":
        return f"dakika {minutes} na sekunde {rest}" if rest else f"dakika {minutes}"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
