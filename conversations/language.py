"""English or Swahili? Counted from marker words; Sheng counts for neither."""

from conversations.parser import vocabulary as v
from conversations.parser.text import Analysed

_SW = frozenset(v.SWAHILI_MARKERS)
_EN = frozenset(v.ENGLISH_MARKERS)


def detect_language(text: str, margin: int = 1) -> str | None:
    """ "sw", "en", or None when the message does not say (numbers, Sheng, names, mixed).

    `margin` is how many more marker words one language needs than the other.
    """
    words = Analysed.of(text[:500]).words
    sw = sum(1 for w in words if w in _SW or (w.startswith(("nime", "nili", "tume", "tuli", "wame")) and len(w) > 5))
    en = sum(1 for w in words if w in _EN)
    if sw - en >= margin:
        return "sw"
    if en - sw >= margin:
        return "en"
    return None
