"""A phone photo made fit for OCR: grey, large enough, straightened and evened out.

Deskewing uses the projection profile (text lines give the sharpest row sums when level); it is cheap
on a shrunk copy and needs no system library beyond Pillow and numpy.
"""

import io

import numpy as np
from PIL import Image, ImageOps

# Tesseract reads best with capital letters ~30 px tall; phone photos of receipts are often narrower.
_MIN_WIDTH = 1000
_MAX_WIDTH = 1800
_ANGLES = np.arange(-10.0, 10.01, 1.0)


class NotAnImage(ValueError):
    pass


def open_image(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise NotAnImage(str(exc)) from exc
    return ImageOps.exif_transpose(image) or image


def cleaned(image: Image.Image) -> Image.Image:
    """Grey, resized, straightened, with the lighting evened out: the page Tesseract is given."""
    grey = ImageOps.grayscale(image)
    if grey.width < _MIN_WIDTH or grey.width > _MAX_WIDTH:
        width = min(max(grey.width, _MIN_WIDTH), _MAX_WIDTH)
        grey = grey.resize((width, max(1, round(grey.height * width / grey.width))), Image.Resampling.LANCZOS)
    angle = skew(grey)
    if abs(angle) >= 0.3:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=_background(grey))
    return ImageOps.autocontrast(grey, cutoff=1)


def skew(grey: Image.Image) -> float:
    """Degrees to turn the page by so its text lines are level."""
    small = grey.copy()
    small.thumbnail((500, 500))
    ink = _ink(np.asarray(small, dtype=np.float32))
    best = _best_angle(small, ink, _ANGLES)
    return _best_angle(small, ink, np.arange(best - 0.75, best + 0.76, 0.25))


def _ink(pixels: np.ndarray) -> np.ndarray:
    """Dark-on-light pixels as 1s: a pixel clearly darker than its surroundings' typical value."""
    return (pixels < np.percentile(pixels, 50) - 25).astype(np.float32)


def _best_angle(small: Image.Image, ink: np.ndarray, angles: np.ndarray) -> float:
    mask = Image.fromarray((ink * 255).astype(np.uint8))
    scores = []
    for angle in angles:
        rows = np.asarray(mask.rotate(float(angle), resample=Image.Resampling.NEAREST), dtype=np.float32).sum(axis=1)
        scores.append(float(np.square(np.diff(rows)).sum()))
    return float(angles[int(np.argmax(scores))])


def _background(grey: Image.Image) -> int:
    return int(np.percentile(np.asarray(grey), 90))


def binarised(grey: Image.Image) -> Image.Image:
    """Black text on white, thresholded against the local background so a shadow does not eat a line."""
    pixels = np.asarray(grey, dtype=np.float32)
    blurred = np.asarray(grey.resize((max(1, grey.width // 16), max(1, grey.height // 16))).resize(grey.size,
                         Image.Resampling.BILINEAR), dtype=np.float32)  # fmt: skip
    return Image.fromarray(np.where(pixels < blurred - 18, 0, 255).astype(np.uint8))
