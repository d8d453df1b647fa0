"""Fonts for the text layer: the style's family as matplotlib resolves it, opened with Pillow.

Pillow draws a string in about a tenth of the time matplotlib takes (matplotlib lays out and
renders each glyph through its artist machinery), and text is most of a chart's cost."""

import threading
from functools import lru_cache

from matplotlib.font_manager import FontProperties, findfont, get_font
from PIL import ImageFont


@lru_cache(maxsize=16)
def font_path(family: str, bold: bool) -> str:
    return str(findfont(FontProperties(family=family, weight="bold" if bold else "normal")))


@lru_cache(maxsize=8)
def charmap(family: str) -> frozenset[int]:
    """Code points the family's regular face can draw. Read-only once built."""
    return frozenset(get_font(font_path(family, False)).get_charmap())


@lru_cache(maxsize=64)
def _font(path: str, size_px: float, thread: int) -> ImageFont.FreeTypeFont:
    # One FreeType face per thread: faces are not safe to share between threads.
    return ImageFont.truetype(path, size=size_px, layout_engine=ImageFont.Layout.BASIC)


def pil_font(family: str, size_px: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    return _font(font_path(family, bold), round(size_px, 2), threading.get_ident())
