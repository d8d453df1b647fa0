"""The spoken version of a reply: short, no symbols or tables, amounts read as words.

A voice note that reads out "• INV-0003 · Ksh 1,500" is noise; "Invoice 3, one thousand five
hundred shillings" is what a person would say.
"""

import re

from conversations.spoken_numbers import money_words, words
from finance.money import D

MAX_SPOKEN_CHARS = 320  # about 20 seconds of speech
_MONEY = re.compile(r"(?:Ksh|KES|Kshs|Sh)\.?\s?(-?\d[\d,]*(?:\.\d{1,2})?)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]?\d)")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")
_DOCUMENT = re.compile(r"\b(INV|CN)-0*(\d+)\b")
_LINK = re.compile(r"https?://\S+")
_PHONE = re.compile(r"\+?\d[\d ]{8,}\d")
_DECORATION = re.compile(r"[*_`~•·|#>\[\]]+")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_DOCUMENT_NAMES = {"en": {"INV": "invoice", "CN": "credit note"}, "sw": {"INV": "ankara", "CN": "hati ya punguzo"}}


def spoken(text: str, language: str) -> str:
    """A short text for a speech engine; empty when nothing in `text` is worth saying aloud."""
    lines = [line.strip() for line in text.splitlines()]
    kept: list[str] = []
    for line in lines:
        if not line or _looks_like_a_table(line):
            continue
        kept.append(line if line.endswith((".", "!", "?", ":")) else line + ".")
    said = " ".join(kept)
    said = _LINK.sub("", said)
    said = _PHONE.sub("", said)
    said = _DOCUMENT.sub(lambda m: f"{_DOCUMENT_NAMES[_lang(language)][m.group(1)]} {m.group(2)}", said)
    said = _MONEY.sub(lambda m: money_words(D(m.group(1).replace(",", "")), _lang(language)), said)
    said = _PERCENT.sub(lambda m: f"{m.group(1)} {'percent' if language != 'sw' else 'asilimia'}", said)
    said = _NUMBER.sub(lambda m: words(int(m.group(1).replace(",", "")), _lang(language)), said)
    said = _EMOJI.sub("", _DECORATION.sub(" ", said))
    said = re.sub(r"\s+([.,!?:])", r"\1", re.sub(r"\s+", " ", said)).strip(" .:")
    return _shorten(said)


def _looks_like_a_table(line: str) -> bool:
    # Lists of rows (invoices, categories) read badly; the text reply has them.
    return line.startswith(("•", "-", "|")) or line.count("|") >= 2 or line.count("·") >= 2


def _shorten(said: str) -> str:
    if len(said) <= MAX_SPOKEN_CHARS:
        return said + ("." if said and not said.endswith(("!", "?", ".")) else "")
    out = ""
    for sentence in _SENTENCE_END.split(said):
        if out and len(out) + len(sentence) + 1 > MAX_SPOKEN_CHARS:
            break
        out = f"{out} {sentence}".strip()
    return out[:MAX_SPOKEN_CHARS]


def _lang(language: str) -> str:
    return "sw" if language == "sw" else "en"
