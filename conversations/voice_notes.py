"""A voice note in the conversation: say what was heard, ask when unsure, then act on it as text.

The bot layer has already turned the audio into `Heard` (voice/ does the listening); here is what a
careful person would do with it. A wrong amount recorded from a misheard word is worse than a
question, so doubt about an amount or a name asks before anything is recorded: a doubtful word in
it, or an amount that is not one well-formed number ("four thousand moja", see spoken_amounts.py).
"""

from collections.abc import Callable
from dataclasses import replace

from conversations import state as st
from conversations.display import money
from conversations.messages import Heard, Reply
from conversations.parser import vocabulary as v
from conversations.parser.text import PhraseTable, words_of
from conversations.spoken_amounts import ill_formed_amounts
from conversations.texts import t
from conversations.turn import Turn
from conversations.understand import understand
from conversations.voice_vocabulary import business_names
from finance.money import D, MoneyError

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
    doubt = _doubt(turn, heard, text)
    if doubt is not None:
        st.ask(turn.state, CONFIRM, {"text": text})
        reading = _amount_read(turn, text) if doubt == "amount" else None
        asked = (
            t("voice_confirm_amount", turn.lang, text=text, amount=reading)
            if reading
            else t("voice_confirm", turn.lang, text=text)
        )
        return [Reply(asked, choices=_choices(turn.lang))]
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


def _doubt(turn: Turn, heard: Heard, text: str) -> str | None:
    """Why to ask before acting: "amount", "name", "unsure" (the whole note); None to go ahead."""
    doubtful = [_plain(word) for word in heard.doubtful]
    if any(word in _AMOUNT_WORDS or any(c.isdigit() for c in word) for word in doubtful):
        return "amount"
    if ill_formed_amounts(text):
        return "amount"
    if heard.confidence < MIN_CONFIDENCE:
        return "unsure"
    names = set(business_names(turn.session, turn.business.id or 0))
    return "name" if any(word in names for word in doubtful) else None


def _plain(word: str) -> str:
    """A recognizer's word as the parser would read it: Whisper's "Hundred," is "hundred"."""
    lows = words_of(word)
    return " ".join(low for low in lows if low[0].isalnum())


def _amount_read(turn: Turn, text: str) -> str | None:
    """The amount KAVI would record from `text`, as it will be shown ("Ksh 4,001"); None if none."""
    slots = understand(text, turn.today).slots
    try:
        return money(D(str(slots["amount"])), turn.lang, str(slots.get("currency") or "KES"))
    except (KeyError, MoneyError, ValueError):
        return None


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
