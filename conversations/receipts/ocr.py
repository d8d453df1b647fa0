"""Tesseract, offline: the receipt's text, line by line. Tried on the cleaned page, and again thresholded
when the first reading finds no total (shadows and low contrast defeat one or the other)."""

import logging
from collections.abc import Callable

import pytesseract
from PIL import Image

from conversations.receipts.cleanup import binarised, cleaned

log = logging.getLogger(__name__)

# Both languages: Swahili receipts ("JUMLA", "ASANTE") and English ones read with the same call.
_LANGS = "eng+swa"
# One block of text: keeps a right-hand amount column on the line it belongs to (psm 4 loses it on photos).
_CONFIG = "--oem 1 --psm 6"
# A photo of something else (or of noise) can keep Tesseract grinding; a receipt takes a second or two.
_TIMEOUT_S = 8
_SOME_DIGITS = 8


class OcrUnavailable(RuntimeError):
    """Tesseract is not installed (or its language data is missing)."""


def available() -> bool:
    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError):
        return False
    return True


def read_text(image: Image.Image, good_enough: Callable[[str], bool] = lambda text: bool(text.strip())) -> str:
    """The text Tesseract reads; the thresholded page is tried when the first reading is not good enough."""
    page = cleaned(image)
    first = _tesseract(page)
    if good_enough(first) or sum(c.isdigit() for c in first) < _SOME_DIGITS:
        return first  # read, or no receipt at all (a photo of a wall need not be read twice)
    second = _tesseract(binarised(page))
    return second if good_enough(second) or len(second) > len(first) else first


def _tesseract(page: Image.Image) -> str:
    try:
        return str(pytesseract.image_to_string(page, lang=_LANGS, config=_CONFIG, timeout=_TIMEOUT_S))
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable("tesseract is not installed") from exc
    except pytesseract.TesseractError as exc:
        raise OcrUnavailable(str(exc)) from exc
    except RuntimeError as exc:  # pytesseract's timeout
        log.warning("tesseract gave up: %s", exc)
        return ""
