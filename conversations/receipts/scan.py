"""A receipt attachment to its text: a PDF's own text when it has one, else the picture (a PDF's first
page drawn) read by Gemini when configured and by Tesseract offline, or when Gemini fails."""

import io
import logging
import time

import pypdfium2
from PIL import Image

from conversations.gemini.client import GeminiUnavailable
from conversations.gemini.vision import ReceiptVision
from conversations.messages import Attachment, Scanned
from conversations.receipts.cleanup import NotAnImage, open_image
from conversations.receipts.ocr import OcrUnavailable, available, read_text
from conversations.receipts.reading import found_total

log = logging.getLogger(__name__)

_PDF_SCALE = 200 / 72  # a receipt PDF drawn at 200 dpi


def is_receipt(attachment: Attachment) -> bool:
    return attachment.kind == "image" or _is_pdf(attachment)


def scan(attachment: Attachment, vision: ReceiptVision | None = None) -> Scanned:
    started = time.perf_counter()
    data = attachment.data or b""
    try:
        if _is_pdf(attachment):
            text = _pdf_text(data)
            if text.strip():
                return Scanned(text=text, engine="pdf", seconds=_since(started))
            image = _pdf_page(data)
        else:
            image = open_image(data)
    except (NotAnImage, pypdfium2.PdfiumError) as exc:
        log.info("receipt not readable: %s", exc)
        return Scanned(problem="unreadable", seconds=_since(started))
    if vision is not None:
        try:
            fields = vision.read(_as_jpeg(image) if _is_pdf(attachment) else data, _content_type(attachment))
            return Scanned(engine="gemini", fields=fields, seconds=_since(started))
        except GeminiUnavailable as exc:
            log.warning("Gemini could not read the receipt (%s); Tesseract reads it", exc)
    if not available():
        return Scanned(problem="off", seconds=_since(started))
    try:
        text = read_text(image, found_total)
    except OcrUnavailable as exc:
        log.warning("tesseract failed: %s", exc)
        return Scanned(problem="off", seconds=_since(started))
    return Scanned(text=text, engine="tesseract", seconds=_since(started))


def _is_pdf(attachment: Attachment) -> bool:
    name = (attachment.filename or "").lower()
    return "pdf" in attachment.content_type or name.endswith(".pdf")


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(min(len(pdf), 2)))
    finally:
        pdf.close()


def _pdf_page(data: bytes) -> Image.Image:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return pdf[0].render(scale=_PDF_SCALE).to_pil()
    finally:
        pdf.close()


def _as_jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


def _content_type(attachment: Attachment) -> str:
    return "image/jpeg" if _is_pdf(attachment) else (attachment.content_type or "image/jpeg")


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 3)
