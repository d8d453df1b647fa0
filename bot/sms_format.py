"""Fitting a reply into at most three SMS segments: plain GSM characters, no emoji, links for files."""

import re
import unicodedata

MAX_SEGMENTS = 3
GSM_SINGLE = 160
GSM_MULTI = 153  # per segment once a message is split (the header takes 7)

# The GSM 03.38 basic alphabet; anything else forces UCS-2 and a third of the length.
_GSM = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_REPLACE = {
    "–": "-",
    "—": "-",
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "•": "-",
    "…": "...",
    "−": "-",
    "\u00a0": " ",
    "✅": "OK:",
    "↩️": "",
    "✏️": "",
    "🔁": "",
}


def to_gsm(text: str) -> str:
    for char, plain in _REPLACE.items():
        text = text.replace(char, plain)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch in _GSM)
    return re.sub(r"[ \t]+", " ", re.sub(r" *\n *", "\n", text)).strip()


def fit_sms(text: str, links: list[str] | None = None) -> str:
    """GSM text of at most three segments; file links are kept whole at the end."""
    body = to_gsm(text)
    tail = "".join(f"\n{link}" for link in links or [])
    room = MAX_SEGMENTS * GSM_MULTI - len(tail)
    if len(body) > room:
        body = body[: room - 3].rstrip() + "..."
    return body + tail


def segments(text: str) -> int:
    return 1 if len(text) <= GSM_SINGLE else -(-len(text) // GSM_MULTI)
