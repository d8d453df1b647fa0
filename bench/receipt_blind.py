"""A third, blind set of generated Kenyan receipts for scoring the receipt reader honestly.

Twelve receipt styles (bakery, butchery, agrovet, phone shop, wholesaler's cash-sale invoice, matatu SACCO ticket,
lodging bill, LPG refill, cyber cafe, prepaid-token slip, water vendor, hand-written cash-sale book), each with its
own total labels, amount and date formats and distractor numbers. Half the receipts are clean scans (straight,
sharp; PNG, a few high-quality JPEG); half are phone photos (background, rotation, perspective, blur, uneven light,
noise, JPEG 40-75). Only the TTF fonts shipped inside matplotlib are used. Output is deterministic for a seed.

    python bench/receipt_blind.py OUT_DIR [SEED] [COUNT]

writes the images and OUT_DIR/truths.jsonl.
"""

from __future__ import annotations

import io
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import matplotlib
import numpy as np
import segno
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts/ttf"
FIRST_DAY = date(2026, 9, 1)
LAST_DAY = date(2026, 11, 30)
CENT = Decimal("0.01")

Ink = tuple[int, int, int]


@dataclass(frozen=True)
class BlindReceipt:
    """One generated receipt image with the truth a person would read off it."""

    name: str  # e.g. "bakery-07-degraded"
    image: bytes  # JPEG or PNG bytes as a phone would send
    content_type: str  # "image/jpeg" / "image/png"
    total: Decimal  # the amount actually paid
    day: date
    merchant: str  # the shop's name as a person would say it
    kind: str
    degraded: bool


# --------------------------------------------------------------------------------------------------------------------
# Fonts and formats
# --------------------------------------------------------------------------------------------------------------------

# family -> (regular, bold or None for a stroked faux bold)
FAMILIES: dict[str, tuple[str, str | None]] = {
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
    "stix": ("STIXGeneral.ttf", "STIXGeneralBol.ttf"),
    "cm": ("cmr10.ttf", "cmb10.ttf"),
    "cmss": ("cmss10.ttf", None),
    "cmtt": ("cmtt10.ttf", None),
}
HAND_FONTS = ("cmti10.ttf", "STIXGeneralItalic.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSans-Oblique.ttf")


@cache
def _font(file: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / file), size)


def money(x: Decimal, style: str) -> str:
    """Format an amount: comma 1,250.00 | plain 1250.00 | space 1 250.00 | slash 1,250/= | slashplain 1250/= | int."""
    q = x.quantize(CENT)
    shillings, cents = int(q), int((q - int(q)) * 100)
    with_cents = f"{q:,.2f}"
    if style == "plain":
        return f"{q:.2f}"
    if style == "space":
        return with_cents.replace(",", " ")
    if style in ("slash", "slashplain"):
        whole = f"{shillings:,}" if style == "slash" else str(shillings)
        return f"{whole}/=" if cents == 0 else f"{whole}/{cents:02d}"
    if style == "int":
        return f"{shillings:,}" if cents == 0 else with_cents
    return with_cents


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d: date, style: str) -> str:
    """Day-first dates as Kenyan receipts print them."""
    mon = MONTHS[d.month - 1]
    return {
        "slash": f"{d:%d/%m/%Y}",
        "slash2": f"{d:%d/%m/%y}",
        "dot2": f"{d.day}.{d.month}.{d:%y}",
        "dot": f"{d:%d.%m.%Y}",
        "dash": f"{d:%d-%m-%Y}",
        "mon": f"{d.day:02d}-{mon[:3]}-{d.year}",
        "mon_up": f"{d.day:02d}-{mon[:3].upper()}-{d.year}",
        "iso": d.isoformat(),
        "ordinal": f"{_ordinal(d.day)} {mon} {d.year}",
        "dmy_words": f"{d.day} {mon[:3]} {d.year}",
    }[style]


def _time(rng: random.Random) -> str:
    h, m, s = rng.randint(7, 20), rng.randint(0, 59), rng.randint(0, 59)
    return rng.choice(
        [f"{h:02d}:{m:02d}", f"{h:02d}:{m:02d}:{s:02d}", f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"]
    )


_ONES = (
    "",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
)
_TENS = ("", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety")


def words(n: int) -> str:
    """English words for a whole number below a million, as written on a cash-sale slip."""

    def under_thousand(k: int) -> str:
        parts = []
        if k >= 100:
            parts.append(f"{_ONES[k // 100]} Hundred" + (" and" if k % 100 else ""))
            k %= 100
        if k >= 20:
            parts.append(_TENS[k // 10] + (f"-{_ONES[k % 10]}" if k % 10 else ""))
        elif k:
            parts.append(_ONES[k])
        return " ".join(parts)

    if n == 0:
        return "Zero"
    thousands, rest = divmod(n, 1000)
    out = f"{under_thousand(thousands)} Thousand" if thousands else ""
    return f"{out} {under_thousand(rest)}".strip()


# --------------------------------------------------------------------------------------------------------------------
# Kenyan detail
# --------------------------------------------------------------------------------------------------------------------

TOWNS = (
    ("Nakuru", "20100"),
    ("Eldoret", "30100"),
    ("Kisumu", "40100"),
    ("Thika", "01000"),
    ("Nyeri", "10100"),
    ("Machakos", "90100"),
    ("Meru", "60200"),
    ("Kitale", "30200"),
    ("Kakamega", "50100"),
    ("Embu", "60100"),
    ("Naivasha", "20117"),
    ("Kericho", "20200"),
    ("Nanyuki", "10400"),
    ("Kisii", "40200"),
    ("Bungoma", "50200"),
    ("Nairobi", "00100"),
    ("Mombasa", "80100"),
    ("Malindi", "80200"),
    ("Ruiru", "00232"),
    ("Kitengela", "00241"),
)
STREETS = (
    "Kenyatta Avenue",
    "Moi Avenue",
    "Oginga Odinga St",
    "Tom Mboya St",
    "Biashara Street",
    "Market Road",
    "Station Road",
    "Hospital Road",
    "Nyerere Road",
    "Kimathi Street",
    "Ronald Ngala St",
    "Posta Road",
)
SPOTS = (
    "Opp. Post Office",
    "Near Bus Stage",
    "Next to Total Petrol Stn",
    "Mkulima House, Gr. Floor",
    "Shop No. 14",
    "Behind Main Market",
    "Ukwala Plaza, 1st Floor",
    "Opp. County Offices",
    "Jamhuri Building",
)
FIRST = (
    "Wanjiku",
    "Otieno",
    "Achieng",
    "Kiprono",
    "Mutua",
    "Njoroge",
    "Wafula",
    "Chebet",
    "Akinyi",
    "Kamau",
    "Muthoni",
    "Omondi",
    "Kilonzo",
    "Nyambura",
    "Barasa",
    "Jepkosgei",
    "Wekesa",
    "Moraa",
    "Karanja",
    "Auma",
)
STAFF = ("Mercy", "Brian", "Faith", "Kevin", "Esther", "Dennis", "Joy", "Collins", "Purity", "Victor", "Janet", "Ian")


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def _phone(rng: random.Random) -> str:
    p = rng.choice(["07", "07", "07", "01"]) + _digits(rng, 8)
    return rng.choice([f"{p[:4]} {p[4:7]} {p[7:]}", f"{p[:4]}-{p[4:]}", p, f"+254 {p[1:4]} {p[4:]}"])


def _pin(rng: random.Random) -> str:
    return rng.choice("PA") + "0" + _digits(rng, 8) + rng.choice("ABCDEFGHJKLMNPQRTWXYZ")


def _mpesa_code(rng: random.Random) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return rng.choice("STU") + rng.choice("ABCDEFGHIJKL") + "".join(rng.choice(alphabet) for _ in range(8))


def _person(rng: random.Random) -> str:
    a, b = rng.sample(FIRST, 2)
    return f"{a} {b}"


def _address(rng: random.Random, town: tuple[str, str] | None = None) -> list[str]:
    name, code = town or rng.choice(TOWNS)
    box = f"P.O. Box {rng.randint(12, 9800)}-{code}, {name}"
    street = f"{rng.choice(STREETS)}, {rng.choice(SPOTS)}"
    return rng.choice([[street, box], [box], [f"{street}, {name}"], [box, street]])


def _luhn_imei(rng: random.Random) -> str:
    body = "35" + _digits(rng, 12)
    total = 0
    for i, ch in enumerate(body):
        v = int(ch) * (2 if i % 2 else 1)
        total += v // 10 + v % 10
    return body + str((10 - total % 10) % 10)


def _d(x: float | int | str) -> Decimal:
    return Decimal(str(x)).quantize(CENT, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------------------------------------------------
# A printed page, top to bottom
# --------------------------------------------------------------------------------------------------------------------


class Paper:
    """A strip of paper drawn top to bottom; ``finish`` crops it to what was printed."""

    def __init__(
        self,
        width: int,
        family: str,
        size: int,
        *,
        paper: Ink = (255, 255, 255),
        ink: Ink = (22, 22, 26),
        margin: int = 26,
        height: int = 5000,
    ) -> None:
        self.w, self.family, self.size, self.ink, self.m = width, family, size, ink, margin
        self.img = Image.new("RGB", (width, height), paper)
        self.draw = ImageDraw.Draw(self.img)
        self.y = margin

    @property
    def inner(self) -> int:
        return self.w - 2 * self.m

    def font(self, size: int | None = None, bold: bool = False) -> tuple[ImageFont.FreeTypeFont, int]:
        regular, heavy = FAMILIES[self.family]
        size = size or self.size
        if bold and heavy is None:
            return _font(regular, size), 1
        return _font(heavy if bold and heavy else regular, size), 0

    def _fit(self, s: str, size: int | None, bold: bool, room: int) -> tuple[ImageFont.FreeTypeFont, int]:
        size = size or self.size
        f, stroke = self.font(size, bold)
        while f.getlength(s) + 2 * stroke > room and size > 12:
            size -= 1
            f, stroke = self.font(size, bold)
        return f, stroke

    def _stamp(self, s: str, f: ImageFont.FreeTypeFont, stroke: int, x: float, anchor: str, sy: float, ink: Ink) -> int:
        asc, desc = f.getmetrics()
        height = int((asc + desc) * 1.22 * sy)
        if sy == 1:
            self.draw.text(
                (x, self.y + asc), s, font=f, fill=ink, anchor=anchor + "s", stroke_width=stroke, stroke_fill=ink
            )
            return height
        w = int(f.getlength(s)) + 4 + 2 * stroke
        mask = Image.new("L", (w, asc + desc + 4), 0)
        ImageDraw.Draw(mask).text((2, asc + 2), s, font=f, fill=255, anchor="ls", stroke_width=stroke, stroke_fill=255)
        mask = mask.resize((w, int(mask.height * sy)), Image.Resampling.BICUBIC)
        left = {"l": x - 2, "m": x - w / 2, "r": x - w + 2}[anchor]
        self.img.paste(ink, (int(left), self.y), mask)
        return height

    def text(
        self,
        s: str,
        *,
        size: int | None = None,
        bold: bool = False,
        align: str = "left",
        sy: float = 1.0,
        ink: Ink | None = None,
        indent: int = 0,
    ) -> None:
        f, stroke = self._fit(s, size, bold, self.inner - indent)
        x, anchor = {"left": (self.m + indent, "l"), "center": (self.w / 2, "m"), "right": (self.w - self.m, "r")}[
            align
        ]
        self.y += self._stamp(s, f, stroke, x, anchor, sy, ink or self.ink)

    def pair(
        self,
        left: str,
        right: str,
        *,
        size: int | None = None,
        bold: bool = False,
        sy: float = 1.0,
        indent: int = 0,
        ink: Ink | None = None,
    ) -> None:
        f, stroke = self.font(size, bold)
        ink = ink or self.ink
        if f.getlength(left) + f.getlength(right) + f.getlength("  ") > self.inner - indent:
            self.text(left, size=size, bold=bold, sy=sy, indent=indent, ink=ink)
            self.text(right, size=size, bold=bold, sy=sy, align="right", ink=ink)
            return
        self._stamp(left, f, stroke, self.m + indent, "l", sy, ink)
        self.y += self._stamp(right, f, stroke, self.w - self.m, "r", sy, ink)

    def cols(self, cells: Sequence[tuple[str, float, str]], *, size: int | None = None, bold: bool = False) -> None:
        """Cells of (text, x as a fraction of the inner width, anchor l/m/r) on one baseline."""
        f, stroke = self.font(size, bold)
        height = 0
        for s, xf, anchor in cells:
            height = self._stamp(s, f, stroke, self.m + xf * self.inner, anchor, 1.0, self.ink)
        self.y += height

    def rule(self, style: str = "dash") -> None:
        f, _ = self.font()
        if style == "solid":
            self.draw.line((self.m, self.y + 8, self.w - self.m, self.y + 8), fill=self.ink, width=2)
            self.y += 18
            return
        ch = {"dash": "-", "equals": "=", "star": "*", "dot": "."}[style]
        n = int(self.inner / f.getlength(ch))
        self.text(ch * n, align="center")

    def gap(self, px: int) -> None:
        self.y += px

    def qr(self, data: str, px: int) -> None:
        buf = io.BytesIO()
        segno.make(data, error="m").save(buf, kind="png", scale=4, border=1)
        code = Image.open(io.BytesIO(buf.getvalue())).convert("L").resize((px, px), Image.Resampling.NEAREST)
        self.img.paste(code, (int((self.w - px) / 2), self.y))
        self.y += px + 10

    def bars(self, rng: random.Random, height: int = 60) -> None:
        """A barcode-looking strip under a receipt number (decoration)."""
        x, right = self.m + self.inner * 0.15, self.m + self.inner * 0.85
        while x < right:
            w = rng.choice([2, 2, 3, 4, 6])
            if rng.random() < 0.55:
                self.draw.rectangle((x, self.y, x + w - 1, self.y + height), fill=self.ink)
            x += w
        self.y += height + 10

    def finish(self) -> Image.Image:
        return self.img.crop((0, 0, self.w, min(self.img.height, self.y + self.m)))


@dataclass
class Look:
    """The per-receipt choice of formats."""

    amt: str  # money style for the lines
    prefix: str  # currency prefix on the total line
    date: str
    label: str  # the total's label


TOTAL_LABELS = (
    "TOTAL",
    "Total Kshs",
    "AMOUNT PAYABLE",
    "TOTAL DUE",
    "GRAND TOTAL",
    "Jumla",
    "TOTAL (KES)",
    "Total",
    "TOTAL AMOUNT",
    "AMOUNT DUE",
    "NET TOTAL",
    "TOTAL KSH",
)


def _look(rng: random.Random, *, labels: Sequence[str] = TOTAL_LABELS, whole: bool = True) -> Look:
    amt = rng.choice(
        ["comma", "comma", "plain", "space", "slash", "slashplain", "int"] if whole else ["comma", "plain", "space"]
    )
    if amt in ("slash", "slashplain"):
        prefix = rng.choice(["", "", "Shs ", "Ksh "])
    elif amt == "int":
        prefix = rng.choice(["KES ", "Ksh ", "KSh "])
    else:
        prefix = rng.choice(["", "", "KES ", "Kshs. ", "Ksh ", "Sh. "])
    label = rng.choice(list(labels))
    if ("KES" in label or "Ksh" in label.title()) and prefix.strip():
        prefix = ""
    date_style = rng.choice(
        ["slash", "slash", "slash2", "dot2", "dot", "dash", "mon", "mon_up", "iso", "ordinal", "dmy_words"]
    )
    return Look(amt, prefix, date_style, label)


def _total_line(p: Paper, rng: random.Random, look: Look, total: Decimal) -> None:
    amount = look.prefix + money(total, look.amt)
    label = look.label + rng.choice(["", "", ":"])
    how = rng.random()
    if how < 0.45:
        p.pair(label, amount, bold=True)
    elif how < 0.75:
        p.pair(label, amount, bold=True, sy=1.7)
    elif how < 0.9:
        p.pair(label, amount, bold=True, size=int(p.size * 1.25))
    else:
        p.text(label, bold=True, align="center")
        p.text(amount, bold=True, align="center", size=int(p.size * 1.5))


def _round_up(x: Decimal, rng: random.Random) -> Decimal:
    step = rng.choice([50, 100, 500, 1000])
    tendered = (int(x) // step + 1) * step
    return Decimal(tendered)


def _payment(p: Paper, rng: random.Random, look: Look, total: Decimal, *, mpesa_share: float = 0.5) -> None:
    """Cash with tendered/change, or M-PESA with a code and phone number: both distractors."""
    if rng.random() < mpesa_share:
        p.pair("M-PESA", money(total, look.amt))
        p.text(f"Ref: {_mpesa_code(rng)}" if rng.random() < 0.5 else f"M-PESA Code {_mpesa_code(rng)}")
        if rng.random() < 0.5:
            p.text(f"Paid by: {_phone(rng)}")
        if rng.random() < 0.4:
            p.text(f"Buy Goods Till No: {_digits(rng, rng.choice([6, 7]))}")
    else:
        tendered = _round_up(total, rng)
        p.pair(rng.choice(["CASH", "Cash Tendered", "AMOUNT TENDERED", "Cash Paid"]), money(tendered, look.amt))
        p.pair(rng.choice(["CHANGE", "Change", "Balance (Change)"]), money(tendered - total, look.amt))


def _header(p: Paper, rng: random.Random, title: str, lines: Sequence[str], *, big: float = 1.35) -> None:
    size = int(p.size * big)
    p.text(title, bold=True, align="center", size=size, sy=rng.choice([1.0, 1.0, 1.4]))
    for line in lines:
        p.text(line, align="center", size=max(14, int(p.size * 0.9)))


def _etims(p: Paper, rng: random.Random, day: date) -> None:
    """A KRA eTIMS control-unit block with its QR code (serials are long digit distractors)."""
    p.rule("dash")
    cu = f"KRAMW{_digits(rng, 3)}2025{_digits(rng, 8)}"
    inv = f"{_digits(rng, 10)}{_digits(rng, 8)}"
    p.text(f"CU Serial No: {cu}", size=int(p.size * 0.85))
    p.text(f"CU Invoice No: {inv}", size=int(p.size * 0.85))
    p.text(f"Internal Data: {_digits(rng, 4)}-{_digits(rng, 4)}-{_digits(rng, 4)}", size=int(p.size * 0.85))
    p.qr(f"https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData?Data={inv}{day:%Y%m%d}", 150)


# --------------------------------------------------------------------------------------------------------------------
# Receipt styles: each returns (image, total, merchant)
# --------------------------------------------------------------------------------------------------------------------

Made = tuple[Image.Image, Decimal, str]
THERMAL: Ink = (248, 247, 243)


def _thermal(rng: random.Random, families: Sequence[str], narrow: bool = False) -> Paper:
    width = rng.choice([440, 470]) if narrow else rng.choice([600, 640, 660])
    size = rng.choice([19, 20, 21]) if narrow else rng.choice([21, 22, 23, 24])
    ink = rng.choice([(22, 22, 26), (40, 40, 48), (30, 28, 36)])
    return Paper(width, rng.choice(list(families)), size, paper=THERMAL, ink=ink)


def _item_lines(p: Paper, rng: random.Random, look: Look, items: Sequence[tuple[str, Decimal, Decimal, str]]) -> None:
    """(name, qty, unit price, unit) lines in one of three common POS layouts."""
    layout = rng.choice(["two_line", "one_line", "cols"])
    if layout == "cols":
        p.cols([("ITEM", 0, "l"), ("QTY", 0.62, "r"), ("AMOUNT", 1, "r")], bold=True)
    for name, qty, price, unit in items:
        amount = qty * price
        q = f"{qty.normalize():f}{unit}"
        if layout == "two_line":
            p.text(name)
            p.pair(f"   {q} x {money(price, look.amt)}", money(amount, look.amt))
        elif layout == "one_line":
            p.pair(
                name if qty == 1 and not unit else f"{name}  {q} x {money(price, look.amt)}", money(amount, look.amt)
            )
        else:
            p.cols([(name[:22], 0, "l"), (q, 0.62, "r"), (money(amount, look.amt), 1, "r")])


def _vat_note(p: Paper, rng: random.Random, look: Look, total: Decimal) -> None:
    vat = (total * 16 / 116).quantize(CENT)
    p.pair(
        rng.choice(["VAT 16% (incl)", "VAT A 16%", "Incl. VAT 16%", "TAX 16%"]),
        money(vat, look.amt if "slash" not in look.amt else "comma"),
    )
    if rng.random() < 0.5:
        p.pair(rng.choice(["Net of VAT", "TAXABLE AMT"]), money(total - vat, "comma"))


BAKERIES = (
    ("Tamu Tamu Bakery", "TAMU TAMU BAKERY", "Fresh bread & cakes daily"),
    ("Mkate Bora Bakers", "MKATE BORA BAKERS LTD", "Quality you can taste"),
    ("Sweet Crust Bakery", "SWEET CRUST BAKERY & CAFE", "Cakes for all occasions"),
    ("Mama Njeri Bakery", "MAMA NJERI BAKERY", "Mikate, keki na maandazi"),
    ("Golden Oven Bakery", "GOLDEN OVEN BAKERY", "Baked fresh every morning"),
)
BAKERY_ITEMS = (
    ("White Bread 400g", 65, 6),
    ("Brown Bread 400g", 70, 4),
    ("Bread 800g", 130, 3),
    ("Queen Cakes 6pc", 120, 3),
    ("Mandazi", 10, 12),
    ("Doughnut", 30, 8),
    ("Scones", 25, 10),
    ("Cupcake", 40, 6),
    ("Sausage Roll", 60, 4),
    ("Beef Samosa", 40, 6),
    ("Croissant", 80, 3),
    ("Cake Slice Marble", 90, 4),
    ("Black Forest Cake 1kg", 1800, 1),
    ("Vanilla Cake 0.5kg", 850, 1),
    ("Cookies 250g", 200, 2),
    ("Bread Rolls 6pc", 90, 3),
    ("Chapati", 20, 10),
    ("Chocolate Cake 2kg", 3200, 1),
    ("Milk 500ml", 60, 4),
    ("Birthday Candles", 50, 2),
)


def _bakery(rng: random.Random, day: date) -> Made:
    spoken, title, tag = rng.choice(BAKERIES)
    look = _look(rng)
    p = _thermal(rng, ["sans", "mono", "cmtt", "stix", "cmss"])
    _header(p, rng, title, [tag, *_address(rng), f"Tel: {_phone(rng)}"])
    if rng.random() < 0.6:
        p.text(f"PIN: {_pin(rng)}", align="center")
    p.rule(rng.choice(["dash", "equals"]))
    p.text(rng.choice(["SALES RECEIPT", "CASH SALE", "RECEIPT"]), bold=True, align="center")
    p.pair(f"Rcpt No: {rng.choice(['BK', 'R', ''])}{_digits(rng, 6)}", f"Till {rng.randint(1, 4)}")
    p.pair(f"Date: {fmt_date(day, look.date)}", _time(rng))
    p.text(f"Served by: {rng.choice(STAFF)}")
    p.rule("dash")
    chosen = rng.sample(BAKERY_ITEMS, rng.randint(2, 6))
    items = [(n, Decimal(rng.randint(1, q)), Decimal(pr), "") for n, pr, q in chosen]
    _item_lines(p, rng, look, items)
    p.rule("dash")
    subtotal = sum((q * pr for _, q, pr, _ in items), Decimal(0))
    total = subtotal
    if rng.random() < 0.3 and subtotal > 300:
        disc = (subtotal * Decimal(rng.choice([5, 10])) / 100).quantize(Decimal(1))
        p.pair("SUBTOTAL", money(subtotal, look.amt))
        p.pair(rng.choice(["Discount", "Loyalty disc."]), "-" + money(disc, look.amt))
        total = subtotal - disc
    elif rng.random() < 0.5:
        p.pair("Sub Total", money(subtotal, look.amt))
    p.pair("Items", str(sum(int(q) for _, q, _, _ in items)))
    _total_line(p, rng, look, total)
    if rng.random() < 0.6:
        _vat_note(p, rng, look, total)
    p.rule("dash")
    _payment(p, rng, look, total)
    p.gap(8)
    if rng.random() < 0.4:
        p.bars(rng)
    p.text(
        rng.choice(["Thank you, karibu tena!", "Asante kwa kununua!", "Thank you for shopping with us"]), align="center"
    )
    if rng.random() < 0.4:
        p.text("Cakes to order: call " + _phone(rng), align="center", size=int(p.size * 0.85))
    return p.finish(), total, spoken


BUTCHERIES = (
    ("Kamau Butchery", "KAMAU BUTCHERY", "Nyama safi kila siku"),
    ("Ole Sankale Meat Centre", "OLE SANKALE MEAT CENTRE", "Goat, beef & mutton"),
    ("Mwangaza Butchery", "MWANGAZA BUTCHERY & GRILL", "Nyama choma & fresh cuts"),
    ("Kiptoo Prime Cuts", "KIPTOO PRIME CUTS", "Quality meat, fair weight"),
    ("Wa Maina Butchery", "WA MAINA BUTCHERY", "Beef - Goat - Chicken"),
)
MEAT_KG = (
    ("Beef Steak", 780),
    ("Beef with bone", 660),
    ("Goat Meat", 860),
    ("Mutton", 800),
    ("Matumbo", 460),
    ("Minced Beef", 820),
    ("Liver", 700),
    ("Pork Chops", 760),
    ("Soup Bones", 260),
    ("Nyama Choma", 920),
)
MEAT_PC = (
    ("Kienyeji Chicken whole", 1200),
    ("Broiler whole", 750),
    ("Sausages 500g", 380),
    ("Mutura", 100),
    ("Smokies", 35),
)


def _butchery(rng: random.Random, day: date) -> Made:
    spoken, title, tag = rng.choice(BUTCHERIES)
    look = _look(rng)
    p = _thermal(rng, ["mono", "cmtt", "sans"], narrow=rng.random() < 0.5)
    _header(p, rng, title, [tag, *_address(rng)[:1], f"Tel {_phone(rng)}"], big=1.3)
    p.rule("dash")
    p.pair(f"No. {_digits(rng, 5)}", fmt_date(day, look.date))
    p.pair(f"Scale {rng.randint(1, 3)}", _time(rng))
    p.rule("dash")
    items: list[tuple[str, Decimal, Decimal, str]] = []
    for name, price in rng.sample(MEAT_KG, rng.randint(1, 3)):
        items.append(
            (
                name,
                Decimal(rng.choice(["0.25", "0.5", "0.75", "1", "1.25", "1.5", "2", "2.5", "3"])),
                Decimal(price),
                "kg",
            )
        )
    if rng.random() < 0.5:
        name, price = rng.choice(MEAT_PC)
        items.append((name, Decimal(rng.randint(1, 4)), Decimal(price), ""))
    for name, qty, rate, unit in items:
        p.text(name.upper() if rng.random() < 0.5 else name)
        p.pair(f"  {qty.normalize():f}{unit} @ {money(rate, look.amt)}", money(qty * rate, look.amt))
    p.rule("dash")
    total = sum((q * pr for _, q, pr, _ in items), Decimal(0))
    kg = sum((q for _, q, _, u in items if u), Decimal(0))
    p.pair("Total weight", f"{kg.normalize():f} kg")
    _total_line(p, rng, look, total)
    p.rule("dash")
    _payment(p, rng, look, total, mpesa_share=0.6)
    p.gap(6)
    p.text(rng.choice(["Karibu tena!", "Asante sana", "Fresh meat daily"]), align="center")
    return p.finish(), total, spoken


AGROVETS = (
    ("Shamba Bora Agrovet", "SHAMBA BORA AGROVET"),
    ("Kilimo Hai Agrovet", "KILIMO HAI AGROVET & FARM INPUTS"),
    ("Mavuno Agro Supplies", "MAVUNO AGRO SUPPLIES LTD"),
    ("Ng'ombe Care Agrovet", "NG'OMBE CARE AGROVET"),
    ("Rift Valley Farmers Agrovet", "RIFT VALLEY FARMERS AGROVET"),
)
AGRO_ITEMS = (
    ("Dairy Meal 70kg", 2950, 3),
    ("Layers Mash 70kg", 3400, 2),
    ("Chick & Duck Mash 10kg", 720, 4),
    ("Growers Mash 50kg", 2600, 2),
    ("Pig Finisher 70kg", 2800, 2),
    ("Hybrid Maize Seed 2kg", 650, 5),
    ("Maize Seed H614 10kg", 2900, 2),
    ("Sukuma Wiki Seeds 50g", 150, 4),
    ("Tomato Seeds Anna F1 10g", 1200, 2),
    ("Onion Seeds Red Creole 50g", 450, 2),
    ("CAN Fertilizer 50kg", 3500, 3),
    ("DAP Fertilizer 50kg", 3800, 2),
    ("NPK 17:17:17 25kg", 2100, 2),
    ("Foliar Feed 1L", 650, 2),
    ("Acaricide 100ml", 450, 3),
    ("Dewormer 100ml", 380, 3),
    ("Mineral Lick 2kg", 300, 4),
    ("Knapsack Sprayer 16L", 2800, 1),
    ("Calf Feeding Bucket", 550, 2),
    ("Newcastle Vaccine 100ds", 350, 2),
    ("Rat Poison 50g", 120, 3),
    ("Dog Feed 2kg", 900, 2),
)


def _agrovet(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(AGROVETS)
    look = _look(rng, labels=["TOTAL DUE", "AMOUNT PAYABLE", "TOTAL", "Total Kshs", "GRAND TOTAL", "Jumla"])
    p = _thermal(rng, ["sans", "stix", "mono", "cm"])
    tag = rng.choice(["Animal feeds, seeds, fertilizers & vet drugs", "Dealers in farm inputs & vet products"])
    _header(p, rng, title, [tag, *_address(rng), f"Tel: {_phone(rng)} / {_phone(rng)}"])
    p.text(f"KRA PIN: {_pin(rng)}", align="center")
    p.rule("equals")
    p.text(rng.choice(["CASH SALE RECEIPT", "SALES RECEIPT", "RECEIPT"]), bold=True, align="center")
    p.text(f"Receipt: AGV/{day.year}/{_digits(rng, 5)}")
    p.text(f"Date: {fmt_date(day, look.date)}  {_time(rng)}")
    p.text(f"Farmer: {_person(rng)}   Tel {_phone(rng)}")
    p.rule("dash")
    chosen = rng.sample(AGRO_ITEMS, rng.randint(2, 5))
    items = [(n, Decimal(rng.randint(1, q)), Decimal(pr), "") for n, pr, q in chosen]
    _item_lines(p, rng, look, items)
    if rng.random() < 0.5:
        p.text(
            f"Batch No: {rng.choice('ABCDKX')}{_digits(rng, 5)}  Exp: {rng.randint(1, 12):02d}/{rng.randint(27, 29)}",
            size=int(p.size * 0.85),
        )
    p.rule("dash")
    subtotal = sum((q * pr for _, q, pr, _ in items), Decimal(0))
    total = subtotal
    p.pair("SUB-TOTAL", money(subtotal, look.amt))
    if rng.random() < 0.4:
        disc = Decimal(rng.choice([50, 100, 150, 200, 250]))
        p.pair("Less Discount", money(disc, look.amt))
        total -= disc
    _total_line(p, rng, look, total)
    _payment(p, rng, look, total)
    p.rule("dash")
    if rng.random() < 0.5:
        p.text(rng.choice(["Read the label before use.", "Ushauri wa bure kwa wakulima!"]), align="center")
    p.text(rng.choice(["Thank you. Mavuno mema!", "Goods once sold are not returnable"]), align="center")
    return p.finish(), total, spoken


PHONE_SHOPS = (
    ("Simu Poa Electronics", "SIMU POA ELECTRONICS"),
    ("Digital Mobile World", "DIGITAL MOBILE WORLD LTD"),
    ("Kwa Baraka Phones", "KWA BARAKA PHONES & ACCESSORIES"),
    ("Smartlink Communications", "SMARTLINK COMMUNICATIONS"),
    ("Luthuli Phone Hub", "LUTHULI PHONE HUB"),
)
PHONES = (
    ("Tecno Spark 20 128GB", 15999),
    ("Infinix Hot 40i 128GB", 14500),
    ("Samsung Galaxy A15 128GB", 21999),
    ("Itel A70 64GB", 9800),
    ("Nokia 105 Feature Phone", 2400),
    ("Redmi 13C 128GB", 16500),
    ("Oppo A18 64GB", 13999),
    ("Tecno Pop 8 64GB", 10500),
)
ACCESSORIES = (
    ("Screen Protector Glass", 300),
    ("Phone Cover", 400),
    ("Charger 18W Type-C", 650),
    ("USB Cable Type-C", 250),
    ("Earphones", 350),
    ("Memory Card 32GB", 800),
    ("Power Bank 10000mAh", 2200),
    ("Bluetooth Speaker", 1800),
)
REPAIRS = (
    ("Screen Replacement", 3500),
    ("Battery Replacement", 1800),
    ("Charging Port Repair", 900),
    ("Software Flashing", 800),
)


def _phone_shop(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(PHONE_SHOPS)
    look = _look(rng, labels=["GRAND TOTAL", "TOTAL DUE", "TOTAL (KES)", "TOTAL", "AMOUNT PAYABLE"])
    p = _thermal(rng, ["sans", "mono", "serif", "cmss"])
    _header(p, rng, title, ["Phones - Accessories - Repairs", *_address(rng), f"Tel: {_phone(rng)}"])
    p.text(f"PIN No: {_pin(rng)}", align="center")
    p.rule("dash")
    p.text(rng.choice(["TAX INVOICE", "SALES RECEIPT", "CASH SALE"]), bold=True, align="center")
    p.pair(f"Inv #: {_digits(rng, 6)}", fmt_date(day, look.date))
    p.pair(f"Cashier: {rng.choice(STAFF)}", _time(rng))
    p.text(f"Customer: {_person(rng)} {_phone(rng)}")
    p.rule("dash")
    items: list[tuple[str, Decimal, Decimal, str]] = []
    warranty_months = rng.choice([6, 12, 12, 24])
    if rng.random() < 0.75:
        name, price = rng.choice(PHONES)
        items.append((name, Decimal(1), Decimal(price), ""))
        p.pair(name, money(Decimal(price), look.amt))
        p.text(f"  IMEI 1: {_luhn_imei(rng)}", size=int(p.size * 0.9))
        if rng.random() < 0.6:
            p.text(f"  IMEI 2: {_luhn_imei(rng)}", size=int(p.size * 0.9))
        p.text(
            f"  S/N: {rng.choice('RZABC')}{_digits(rng, 4)}{rng.choice('XKMQ')}{_digits(rng, 5)}",
            size=int(p.size * 0.9),
        )
        p.text(f"  Warranty: {warranty_months} months", size=int(p.size * 0.9))
    else:
        name, price = rng.choice(REPAIRS)
        items.append((name, Decimal(1), Decimal(price), ""))
        p.pair(name, money(Decimal(price), look.amt))
        p.text(f"  Job Card: JC-{_digits(rng, 4)}  Warranty 3 months", size=int(p.size * 0.9))
        warranty_months = 3
    for name, price in rng.sample(ACCESSORIES, rng.randint(0, 3)):
        qty = Decimal(rng.choice([1, 1, 2]))
        items.append((name, qty, Decimal(price), ""))
        p.pair(f"{name}" + (f" x{qty}" if qty > 1 else ""), money(qty * price, look.amt))
    p.rule("dash")
    total = sum((q * pr for _, q, pr, _ in items), Decimal(0))
    _vat_note(p, rng, look, total)
    _total_line(p, rng, look, total)
    _payment(p, rng, look, total, mpesa_share=0.7)
    p.rule("dash")
    expiry = date(
        day.year + (day.month + warranty_months - 1) // 12, (day.month + warranty_months - 1) % 12 + 1, min(day.day, 28)
    )
    p.text(f"Warranty valid until {fmt_date(expiry, look.date)}", align="center", size=int(p.size * 0.9))
    p.text("Warranty does not cover water damage,", align="center", size=int(p.size * 0.85))
    p.text("broken screens or software misuse.", align="center", size=int(p.size * 0.85))
    p.text("Goods once sold are not returnable.", align="center", size=int(p.size * 0.85))
    if rng.random() < 0.6:
        _etims(p, rng, day)
    return p.finish(), total, spoken


WHOLESALERS = (
    ("Mwananchi Distributors", "MWANANCHI DISTRIBUTORS LTD"),
    ("Jumbo Wholesalers", "JUMBO WHOLESALERS"),
    ("Kariakor General Wholesalers", "KARIAKOR GENERAL WHOLESALERS"),
    ("Patel Brothers Wholesale", "PATEL BROTHERS WHOLESALE LTD"),
    ("Umoja Traders", "UMOJA TRADERS & DISTRIBUTORS"),
)
WHOLESALE_ITEMS = (
    ("Sugar 50kg", "Bag", 6800),
    ("Maize Flour 2kg x12", "Bale", 1850),
    ("Wheat Flour 2kg x12", "Bale", 2150),
    ("Cooking Oil 20L", "Jcn", 5600),
    ("Rice Pishori 25kg", "Bag", 4300),
    ("Salt 1kg x20", "Bale", 560),
    ("Bar Soap 800g x20", "Ctn", 3400),
    ("Tea Leaves 500g x20", "Ctn", 4800),
    ("Long Life Milk 500ml x12", "Ctn", 780),
    ("Matchboxes x100", "Pkt", 380),
    ("Toilet Paper x40", "Bale", 1250),
    ("Beans Rosecoco 90kg", "Bag", 11500),
    ("Detergent 1kg x12", "Ctn", 2300),
    ("Soda 300ml x24", "Crt", 960),
    ("Margarine 1kg x12", "Ctn", 3900),
)


def _wholesaler(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(WHOLESALERS)
    vat_exclusive = rng.random() < 0.5
    look = _look(
        rng, labels=["TOTAL (KES)", "GRAND TOTAL", "TOTAL", "TOTAL DUE", "AMOUNT PAYABLE"], whole=not vat_exclusive
    )
    family = rng.choice(["sans", "serif", "stix", "cm"])
    p = Paper(rng.choice([880, 920]), family, rng.choice([21, 22, 23]), margin=40)
    town = rng.choice(TOWNS)
    p.text(title, bold=True, align="center", size=int(p.size * 1.7))
    p.text("Wholesalers & Distributors of General Merchandise", align="center")
    p.text("  ".join(_address(rng, town)), align="center")
    p.text(f"Tel: {_phone(rng)}  Email: sales@{spoken.split()[0].lower()}.co.ke", align="center")
    p.text(f"PIN: {_pin(rng)}", align="center")
    p.gap(6)
    p.rule("solid")
    p.text(
        rng.choice(["CASH SALE", "CASH SALE INVOICE", "CASH SALE / INVOICE"]),
        bold=True,
        align="center",
        size=int(p.size * 1.3),
    )
    p.pair(f"M/s: {_person(rng)} {rng.choice(['Shop', 'Stores', 'Kiosk', 'Mini Mart'])}", f"No. {_digits(rng, 5)}")
    p.pair(f"Customer PIN: {_pin(rng)}", f"Date: {fmt_date(day, look.date)}")
    p.gap(8)
    # the table
    x_desc = 0.14
    inner, m = p.inner, p.m
    row_h = int(p.size * 1.9)
    top = p.y
    seps = [0.12, 0.60, 0.80]
    p.draw.rectangle((m, p.y, m + inner, p.y + row_h), fill=(225, 225, 225))
    p.y += (row_h - int(p.size * 1.22)) // 2
    p.cols([("QTY", 0.06, "m"), ("DESCRIPTION", x_desc, "l"), ("RATE", 0.79, "r"), ("AMOUNT", 0.99, "r")], bold=True)
    p.y = top + row_h
    chosen = rng.sample(WHOLESALE_ITEMS, rng.randint(3, 7))
    subtotal = Decimal(0)
    for name, unit, price in chosen:
        qty = rng.randint(1, 6)
        amount = Decimal(qty * price)
        subtotal += amount
        y0 = p.y
        p.y += (row_h - int(p.size * 1.22)) // 2
        p.cols(
            [
                (f"{qty}", 0.06, "m"),
                (f"{name} ({unit}{'s' if qty > 1 else ''})", x_desc, "l"),
                (money(Decimal(price), look.amt), 0.79, "r"),
                (money(amount, look.amt), 0.99, "r"),
            ]
        )
        p.y = y0 + row_h
        p.draw.line((m, p.y, m + inner, p.y), fill=(150, 150, 150), width=1)
    for _ in range(rng.randint(1, 3)):
        p.y += row_h
        p.draw.line((m, p.y, m + inner, p.y), fill=(150, 150, 150), width=1)
    bottom = p.y
    p.draw.rectangle((m, top, m + inner, bottom), outline=p.ink, width=2)
    for s in seps:
        p.draw.line((m + s * inner, top, m + s * inner, bottom), fill=p.ink, width=2)
    p.gap(10)
    half = int(p.inner * 0.5)
    if vat_exclusive:
        vat = (subtotal * Decimal("0.16")).quantize(CENT)
        total = subtotal + vat
        p.pair("SUB TOTAL", money(subtotal, look.amt), indent=half)
        p.pair("VAT 16%", money(vat, look.amt), indent=half)
    else:
        total = subtotal
        vat = (total * 16 / 116).quantize(CENT)
        p.pair("VAT 16% (incl.)", money(vat, "comma"), indent=half)
    label = look.label + (":" if rng.random() < 0.3 else "")
    p.pair(label, look.prefix + money(total, look.amt), bold=True, indent=half)
    if not vat_exclusive:
        p.text("Prices inclusive of VAT", size=int(p.size * 0.85))
    p.gap(8)
    if rng.random() < 0.5:
        p.text(f"Paid: {rng.choice(['Cash', 'M-PESA Paybill ' + _digits(rng, 6), 'Cheque No. ' + _digits(rng, 6)])}")
    p.text(f"Served by: {rng.choice(STAFF)}        Received by: ..................")
    p.gap(6)
    p.text("E.&O.E.   Goods once sold are not re-accepted.", size=int(p.size * 0.85))
    if rng.random() < 0.5:
        _etims(p, rng, day)
    return p.finish(), total, spoken


SACCOS = (
    ("Mwendo Kasi Sacco", "MWENDO KASI SACCO LTD"),
    ("Umoja Express Sacco", "UMOJA EXPRESS SACCO"),
    ("Lake Line Shuttle", "LAKE LINE SHUTTLE SACCO"),
    ("Nairobi Link Sacco", "NAIROBI LINK TRAVELLERS SACCO"),
    ("Kilima Safaris Sacco", "KILIMA SAFARIS SACCO SOCIETY LTD"),
)
ROUTES = (
    ("Kikuyu - Nairobi CBD", 100),
    ("Thika - Nairobi", 150),
    ("Ngong - Town", 100),
    ("Rongai - CBD", 120),
    ("Kitengela - Town", 150),
    ("Juja - Githurai", 80),
    ("Nakuru - Eldoret", 700),
    ("Kisumu - Kakamega", 300),
    ("Nairobi - Nyeri", 600),
    ("Machakos - Nairobi", 300),
    ("Nairobi - Nakuru", 600),
    ("Meru - Embu", 400),
)


def _sacco_ticket(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(SACCOS)
    look = _look(rng, labels=["TOTAL FARE", "TOTAL", "AMOUNT PAID", "TOTAL (KES)", "Jumla"])
    p = _thermal(rng, ["mono", "cmtt", "sans"], narrow=True)
    _header(p, rng, title, [f"Office: {rng.choice(TOWNS)[0]} Stage", f"Customer care {_phone(rng)}"], big=1.25)
    p.rule("star")
    p.text("PASSENGER TICKET", bold=True, align="center")
    plate_tail = rng.choice("ABCDEFGHJKLMNPQRTUVWXYZ")
    reg = f"K{rng.choice('CD')}{rng.choice('ABCDEFGHJKLM')} {rng.randint(100, 999)}{plate_tail}"
    route, fare = rng.choice(ROUTES)
    fare += rng.choice([0, 0, 20, 50, -20]) if fare > 100 else 0
    pax = rng.choice([1, 1, 1, 2, 2, 3, 4])
    p.text(f"Ticket No: {_digits(rng, 7)}")
    p.text(f"Vehicle: {reg}  Fleet {rng.randint(1, 120):03d}")
    p.text(f"Route: {route}")
    p.text(f"Date: {fmt_date(day, look.date)}")
    p.text(f"Dep. Time: {_time(rng)}")
    p.text(f"Seat(s): {', '.join(str(s) for s in sorted(rng.sample(range(1, 15), pax)))}")
    p.rule("dash")
    total = Decimal(fare * pax)
    p.pair("Fare/pax", money(Decimal(fare), look.amt))
    p.pair("Passengers", str(pax))
    if rng.random() < 0.3:
        luggage = Decimal(rng.choice([50, 100, 200]))
        p.pair("Luggage", money(luggage, look.amt))
        total += luggage
    _total_line(p, rng, look, total)
    p.rule("dash")
    if rng.random() < 0.6:
        p.text(f"Paid via M-PESA {_mpesa_code(rng)}")
    else:
        p.text("Paid: CASH")
    p.text(f"Conductor: {rng.choice(STAFF)} ({_digits(rng, 4)})")
    p.text(f"Passenger tel: {_phone(rng)}")
    p.gap(6)
    p.text("Safari njema! No refund after departure.", align="center", size=int(p.size * 0.85))
    return p.finish(), total, spoken


HOTELS = (
    ("Kiboko Lodge", "KIBOKO LODGE", ("Naivasha", "20117")),
    ("Milimani Guest House", "MILIMANI GUEST HOUSE", ("Kisumu", "40100")),
    ("Hotel Baraka Inn", "HOTEL BARAKA INN", ("Nyeri", "10100")),
    ("Sunrise Lodge", "SUNRISE LODGE & RESTAURANT", ("Nanyuki", "10400")),
    ("Twiga Gardens Hotel", "TWIGA GARDENS HOTEL", ("Kitale", "30200")),
)


def _hotel(rng: random.Random, day: date) -> Made:
    spoken, title, town = rng.choice(HOTELS)
    look = _look(rng, labels=["TOTAL (KES)", "TOTAL BILL", "GRAND TOTAL", "TOTAL", "Total Kshs"])
    wide = rng.random() < 0.5
    p = (
        Paper(840, rng.choice(["serif", "stix", "sans"]), 22, margin=44)
        if wide
        else _thermal(rng, ["sans", "mono", "serif"])
    )
    _header(p, rng, title, ["Accommodation - Restaurant - Conferences", *_address(rng, town), f"Tel: {_phone(rng)}"])
    p.rule("solid" if wide else "dash")
    p.text("GUEST BILL / RECEIPT", bold=True, align="center")
    nights = rng.randint(1, 4)
    rate = Decimal(rng.choice([2500, 3000, 3500, 4500, 6000]))
    arrival = day - timedelta(days=nights)
    p.pair(f"Folio No: {_digits(rng, 5)}", f"Room: {rng.randint(1, 4)}{rng.randint(1, 24):02d}")
    p.text(f"Guest: {_person(rng)}   ID No: {_digits(rng, 8)}")
    p.pair(f"Arrival: {fmt_date(arrival, look.date)}", f"Departure: {fmt_date(day, look.date)}")
    p.text(f"Date: {fmt_date(day, look.date)}   Nights: {nights}   Pax: {rng.randint(1, 2)}")
    p.rule("dash")
    lines = [
        (
            f"Accommodation ({rng.choice(['B&B', 'Bed only', 'Half board'])}) {nights} x {money(rate, look.amt)}",
            rate * nights,
        )
    ]
    for name, lo, hi in (
        ("Dinner", 800, 2400),
        ("Lunch", 600, 1500),
        ("Laundry", 200, 600),
        ("Bar", 300, 1800),
        ("Room service", 300, 900),
        ("Airport/Stage transfer", 500, 1500),
    ):
        if rng.random() < 0.35:
            lines.append((name, Decimal(rng.randrange(lo, hi, 50))))
    for name, amount in lines:
        p.pair(name, money(amount, look.amt))
    p.rule("dash")
    total = sum((a for _, a in lines), Decimal(0))
    vat = (total * 16 / 118).quantize(CENT)
    levy = (total * 2 / 118).quantize(CENT)
    p.pair("Incl. VAT 16%", money(vat, "comma"))
    p.pair("Incl. Catering Levy 2%", money(levy, "comma"))
    _total_line(p, rng, look, total)
    if rng.random() < 0.6:
        deposit = Decimal(rng.choice([1000, 2000, 3000])).min(total - 500)
        p.pair(f"Deposit paid {fmt_date(arrival, look.date)}", money(deposit, look.amt))
        p.pair(f"Balance paid ({rng.choice(['Cash', 'M-PESA', 'Card'])})", money(total - deposit, look.amt))
        p.pair("Balance due", money(Decimal(0), look.amt))
    else:
        _payment(p, rng, look, total)
    p.rule("dash")
    p.text("Check-out time 10:00 am. Thank you for staying with us!", align="center", size=int(p.size * 0.85))
    p.text(f"Cashier: {rng.choice(STAFF)}    Guest sign: ...........", size=int(p.size * 0.9))
    return p.finish(), total, spoken


GAS_DEALERS = (
    ("Moto Gas Point", "MOTO GAS POINT"),
    ("Jiko Gas Centre", "JIKO GAS REFILL CENTRE"),
    ("Blue Flame Gas", "BLUE FLAME GAS DEALERS"),
    ("Mama Gas Refills", "MAMA GAS REFILLS & ACCESSORIES"),
    ("Safi Gas Depot", "SAFI GAS DEPOT"),
)
GAS_FILLS = (
    ("6kg", 1250, "12.4"),
    ("13kg", 2950, "27.1"),
    ("13kg", 3100, "27.3"),
    ("6kg", 1300, "12.6"),
    ("50kg", 11500, "97.5"),
)
GAS_EXTRAS = (
    ("Regulator", 1100),
    ("Hose pipe 1.5m", 350),
    ("Burner & grill", 900),
    ("Cylinder seal", 50),
    ("Delivery", 150),
    ("Hose clips x2", 100),
)


def _lpg(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(GAS_DEALERS)
    look = _look(rng)
    p = _thermal(rng, ["sans", "mono", "cmss", "stix"], narrow=rng.random() < 0.4)
    _header(p, rng, title, ["LPG refills, cylinders & accessories", *_address(rng)[:1], f"Order: {_phone(rng)}"])
    p.rule("dash")
    p.text(rng.choice(["GAS REFILL RECEIPT", "CASH SALE", "RECEIPT"]), bold=True, align="center")
    p.pair(f"No: {_digits(rng, 5)}", fmt_date(day, look.date))
    p.text(f"Time: {_time(rng)}")
    p.rule("dash")
    size, price, gross = rng.choice(GAS_FILLS)
    brand = rng.choice(["K-Gas", "ProGas", "Afrigas", "Hashi", "Mpishi Gas"])
    qty = rng.choice([1, 1, 1, 2])
    items = [(f"{brand} {size} refill", Decimal(qty), Decimal(price), "")]
    for name, pr in rng.sample(GAS_EXTRAS, rng.randint(0, 2)):
        items.append((name, Decimal(1), Decimal(pr), ""))
    _item_lines(p, rng, look, items)
    p.text(f"Cyl. serial: {rng.choice('KPAH')}{_digits(rng, 7)}  Gross wt {gross} kg", size=int(p.size * 0.85))
    p.rule("dash")
    total = sum((q * pr for _, q, pr, _ in items), Decimal(0))
    _total_line(p, rng, look, total)
    _payment(p, rng, look, total)
    p.rule("dash")
    p.text("Check for leaks with soapy water.", align="center", size=int(p.size * 0.85))
    p.text("Free delivery within town!" if rng.random() < 0.5 else "Asante, karibu tena", align="center")
    return p.finish(), total, spoken


CYBERS = (
    ("Click Cyber Cafe", "CLICK CYBER CAFE"),
    ("Sharp Printers", "SHARP PRINTERS & CYBER SERVICES"),
    ("Vision Cyber", "VISION CYBER & STATIONERS"),
    ("Jamii Digital Hub", "JAMII DIGITAL HUB"),
    ("Kona Print Shop", "KONA PRINT SHOP & CYBER"),
)
CYBER_ITEMS = (
    ("B/W Printing A4", 10, 40, "pg"),
    ("Colour Printing A4", 50, 6, "pg"),
    ("Photocopy A4", 5, 60, "pg"),
    ("Scanning", 20, 5, "pg"),
    ("Lamination A4", 50, 4, ""),
    ("Typing", 50, 5, "pg"),
    ("KRA iTax Returns Filing", 300, 1, ""),
    ("eCitizen Application", 200, 1, ""),
    ("Browsing (30 min)", 50, 2, ""),
    ("Passport Photos x4", 200, 1, ""),
    ("Binding (spiral)", 100, 2, ""),
    ("CV Design & Printing", 300, 1, ""),
    ("Flash Disk 16GB", 600, 1, ""),
    ("Envelopes A4", 20, 5, ""),
)


def _cyber(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(CYBERS)
    look = _look(rng, labels=["Jumla", "JUMLA", "TOTAL", "Total Kshs", "AMOUNT DUE", "TOTAL (KES)"])
    p = _thermal(rng, ["mono", "sans", "cmtt", "cm"], narrow=rng.random() < 0.5)
    _header(
        p,
        rng,
        title,
        [
            "Printing | Photocopy | Typesetting | KRA & eCitizen".replace(" | ", ", "),
            *_address(rng)[:1],
            f"WhatsApp {_phone(rng)}",
        ],
    )
    p.rule("dash")
    p.pair(f"Receipt {_digits(rng, 4)}", fmt_date(day, look.date))
    p.pair(f"Attendant: {rng.choice(STAFF)}", _time(rng))
    p.rule("dash")
    chosen = rng.sample(CYBER_ITEMS, rng.randint(2, 5))
    items = [(n, Decimal(rng.randint(1, q)), Decimal(pr), u) for n, pr, q, u in chosen]
    for name, qty, price, _unit in items:
        p.text(name)
        p.pair(f"   {qty} @ {money(price, look.amt)}", money(qty * price, look.amt))
    p.rule("dash")
    total = sum((q * pr for _, q, pr, _ in items), Decimal(0))
    _total_line(p, rng, look, total)
    _payment(p, rng, look, total, mpesa_share=0.6)
    if rng.random() < 0.4:
        pages = sum(int(q) for _, q, _, u in items if u)
        p.text(f"Job ref: {rng.choice(['PRN', 'JOB'])}-{_digits(rng, 6)}  Pages: {pages}")
    p.rule("dash")
    p.text("Tunaprint, tunascan, tunatype!", align="center")
    return p.finish(), total, spoken


TOKEN_VENDORS = (
    ("Mwangaza Pay Point", "MWANGAZA PAY POINT"),
    ("Tuko Pamoja Agencies", "TUKO PAMOJA AGENCIES"),
    ("Umeme Express", "UMEME EXPRESS PAYMENTS"),
    ("Kona Pay Centre", "KONA PAY CENTRE"),
    ("Quickserve Agencies", "QUICKSERVE AGENCIES"),
)


def _token_slip(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(TOKEN_VENDORS)
    look = _look(rng, labels=["TOTAL (KES)", "AMOUNT PAID", "TOTAL", "Total Kshs", "AMOUNT"], whole=False)
    p = _thermal(rng, ["mono", "cmtt", "sans"], narrow=True)
    _header(p, rng, title, ["Authorised Prepaid Token Vendor", *_address(rng)[:1], f"Tel {_phone(rng)}"], big=1.25)
    p.rule("equals")
    p.text("PREPAID ELECTRICITY TOKEN", bold=True, align="center")
    p.text("KPLC Prepaid - Customer Copy", align="center", size=int(p.size * 0.85))
    p.rule("dash")
    amount = Decimal(rng.choice([200, 300, 500, 1000, 1000, 1500, 2000, 2500, 3000, 5000]))
    p.text(f"Receipt No: {_digits(rng, 9)}")
    p.text(f"Date: {fmt_date(day, look.date)} {_time(rng)}")
    meter = rng.choice(["14", "37", "54", "04"]) + _digits(rng, 9)
    p.text(f"Meter No: {meter}")
    p.text(f"Name: {_person(rng).upper()}")
    p.rule("dash")
    # breakdown whose parts add up to the amount
    taxable = amount / Decimal("1.16")
    parts = [
        ("Energy Charge", Decimal("0.62")),
        ("Fuel Energy Cost", Decimal("0.17")),
        ("Forex Charge", Decimal("0.03")),
        ("Inflation Adj.", Decimal("0.02")),
        ("ERC Levy", Decimal("0.01")),
        ("REP Levy", Decimal("0.05")),
        ("WRA Levy", Decimal("0.005")),
    ]
    shown = [(n, (taxable * f).quantize(CENT)) for n, f in parts]
    rest = amount - sum((v for _, v in shown), Decimal(0))
    vat = (amount - taxable).quantize(CENT)
    shown.append(("VAT 16%", vat))
    shown[0] = (shown[0][0], shown[0][1] + rest - vat)
    for name, value in shown:
        p.pair(name, money(value, look.amt), size=int(p.size * 0.92))
    p.pair("Debt Recovered", money(Decimal(0), look.amt), size=int(p.size * 0.92))
    units = (amount / Decimal(rng.choice(["27.8", "28.6", "30.1", "26.9"]))).quantize(Decimal("0.1"))
    p.pair("Units", f"{units} kWh")
    p.rule("dash")
    _total_line(p, rng, look, amount)
    p.rule("dash")
    p.text("TOKEN", bold=True, align="center")
    token = _digits(rng, 20)
    p.text(" ".join(token[i : i + 4] for i in range(0, 20, 4)), bold=True, align="center", size=int(p.size * 1.2))
    p.rule("dash")
    p.text(f"Paid: M-PESA {_mpesa_code(rng)}" if rng.random() < 0.6 else "Paid: CASH")
    p.text("Enter the 20 digits on your meter keypad.", align="center", size=int(p.size * 0.8))
    return p.finish(), amount, spoken


WATER_VENDORS = (
    ("Maji Safi Water Point", "MAJI SAFI WATER POINT"),
    ("Aqua Pure Refill Station", "AQUA PURE REFILL STATION"),
    ("Kisima Water", "KISIMA WATER VENDORS"),
    ("Baridi Springs Water", "BARIDI SPRINGS WATER REFILL"),
    ("Tone la Maji", "TONE LA MAJI PURIFIED WATER"),
)
WATER_ITEMS = (
    ("Refill 20L", 80, 4),
    ("Refill 10L", 50, 3),
    ("Refill 5L", 30, 4),
    ("New 20L bottle + water", 550, 1),
    ("Bottle deposit (refundable)", 300, 1),
    ("Delivery", 50, 1),
    ("Ice cubes 2kg", 100, 2),
    ("Dispenser tap", 250, 1),
    ("Bottled water 500ml x24", 600, 2),
    ("Bottled water 1.5L x12", 720, 1),
)


def _water(rng: random.Random, day: date) -> Made:
    spoken, title = rng.choice(WATER_VENDORS)
    look = _look(rng)
    p = _thermal(rng, ["sans", "cmss", "mono", "stix"], narrow=rng.random() < 0.6)
    _header(
        p, rng, title, ["Purified - UV treated - Ozonated", *_address(rng)[:1], f"Call/WhatsApp {_phone(rng)}"], big=1.2
    )
    p.rule("dash")
    p.pair(f"Rcpt: {_digits(rng, 5)}", fmt_date(day, look.date))
    unit = f"{rng.choice(['House', 'Apt', 'Shop'])} {rng.choice('ABCDE')}{rng.randint(1, 30)}"
    p.text(f"Customer: {rng.choice(FIRST)} ({unit})")
    p.rule("dash")
    chosen = rng.sample(WATER_ITEMS, rng.randint(1, 4))
    items = [
        (n, Decimal(rng.randint(1, q)), Decimal(pr + (rng.choice([0, -10, 10]) if pr <= 80 else 0)), "")
        for n, pr, q in chosen
    ]
    _item_lines(p, rng, look, items)
    p.rule("dash")
    total = sum((q * pr for _, q, pr, _ in items), Decimal(0))
    _total_line(p, rng, look, total)
    _payment(p, rng, look, total, mpesa_share=0.5)
    if rng.random() < 0.5:
        p.text(f"Bottles with customer: {rng.randint(1, 6)}")
    p.text("Lab tested. KEBS std KS EAS 153.", align="center", size=int(p.size * 0.85))
    return p.finish(), total, spoken


# --------------------------------------------------------------------------------------------------------------------
# A hand-written cash-sale book page
# --------------------------------------------------------------------------------------------------------------------

BOOK_SHOPS = (
    (
        "Baraka Hardware",
        "BARAKA HARDWARE & GENERAL STORES",
        "Dealers in: Cement, Iron Sheets, Paints, Timber & Plumbing",
        (
            ("Cement 50kg", 780, 10),
            ("Iron sheet G30 3m", 950, 12),
            ("Nails 3 inch 1kg", 250, 4),
            ("Emulsion paint 4L", 2300, 3),
            ("Timber 2x2", 40, 60),
            ("PVC pipe 1/2 in", 450, 6),
            ("Padlock", 600, 2),
            ("Wheelbarrow", 5500, 1),
        ),
    ),
    (
        "Neema Tailoring",
        "NEEMA TAILORING & DESIGN",
        "School Uniforms, Suits, Dresses & Alterations",
        (
            ("School uniform set", 1800, 3),
            ("Sweater", 900, 3),
            ("Trouser alteration", 200, 4),
            ("Dress sewing", 1500, 2),
            ("Zip replacement", 100, 3),
            ("Curtains per metre", 350, 12),
        ),
    ),
    (
        "Kwa Omosh Tyre Centre",
        "KWA OMOSH TYRE CENTRE",
        "Puncture Repair, Wheel Balancing & Alignment",
        (
            ("Puncture repair", 200, 2),
            ("Wheel balancing", 400, 4),
            ("Wheel alignment", 1500, 1),
            ("Tyre 195/65 R15", 4500, 4),
            ("Tube", 800, 2),
            ("Valve", 50, 4),
        ),
    ),
    (
        "Mwangi Furniture",
        "MWANGI FURNITURE WORKS",
        "Beds, Sofas, Doors, Windows & Repairs",
        (
            ("Bed 4x6 mahogany", 18000, 1),
            ("Coffee table", 4500, 1),
            ("Door frame", 3500, 2),
            ("Stool", 600, 4),
            ("Varnish & polish", 1200, 1),
            ("Transport", 500, 1),
        ),
    ),
    (
        "Tumaini Posho Mill",
        "TUMAINI POSHO MILL",
        "Maize Milling, Animal Feeds & Cereals",
        (
            ("Milling maize per kg", 5, 90),
            ("Dry maize 2kg tin", 120, 10),
            ("Maize bran 50kg", 900, 2),
            ("Beans 2kg tin", 260, 5),
            ("Sorting & packing", 100, 1),
        ),
    ),
)


def _hand(
    img: Image.Image,
    rng: random.Random,
    x: float,
    baseline: float,
    s: str,
    file: str,
    size: int,
    ink: Ink,
    anchor: str = "l",
    stroke: int = 0,
) -> None:
    """Write ``s`` word by word with a little wobble in size, baseline and slant, like a ballpoint pen."""
    fonts = [_font(file, max(12, int(size * rng.uniform(0.94, 1.08)))) for _ in s.split(" ")]
    gaps = [size * rng.uniform(0.28, 0.42) for _ in fonts]
    width = sum(f.getlength(w) for f, w in zip(fonts, s.split(" "), strict=True)) + sum(gaps[:-1])
    x = {"l": x, "m": x - width / 2, "r": x - width}[anchor]
    for f, w, gap in zip(fonts, s.split(" "), gaps, strict=True):
        asc, desc = f.getmetrics()
        ww = int(f.getlength(w)) + 12
        mask = Image.new("L", (ww, asc + desc + 12), 0)
        ImageDraw.Draw(mask).text((6, asc + 6), w, font=f, fill=255, anchor="ls", stroke_width=stroke, stroke_fill=255)
        mask = mask.rotate(rng.uniform(-2.5, 2.5), resample=Image.Resampling.BICUBIC, expand=False)
        img.paste(ink, (int(x - 6), int(baseline - asc - 6 + rng.uniform(-2.5, 2.5))), mask)
        x += f.getlength(w) + gap


def _cash_book(rng: random.Random, day: date) -> Made:
    spoken, title, trade, catalogue = rng.choice(BOOK_SHOPS)
    tints: list[Ink] = [(250, 233, 236), (252, 248, 220), (232, 242, 252), (252, 252, 250)]
    paper = rng.choice(tints)
    printed: Ink = rng.choice([(25, 40, 110), (20, 20, 20), (120, 20, 30)])
    pen: Ink = rng.choice([(20, 45, 150), (15, 30, 110), (25, 40, 130), (30, 30, 40)])
    hand_file = rng.choice(HAND_FONTS)
    hs = rng.choice([30, 32, 34]) if hand_file == "cmti10.ttf" else rng.choice([27, 29, 31])
    pen_w = 1 if rng.random() < 0.35 else 0  # a heavier ballpoint on some pages
    p = Paper(900, rng.choice(["serif", "stix", "cm"]), 22, paper=paper, ink=printed, margin=46)
    p.text(title, bold=True, align="center", size=40 if len(title) < 24 else 34)
    p.text(trade, align="center", size=20)
    p.text("  ".join(_address(rng)), align="center", size=20)
    p.text(f"Tel: {_phone(rng)}    PIN: {_pin(rng)}", align="center", size=20)
    p.gap(10)
    # CASH SALE box and the red serial number
    f, _ = p.font(30, bold=True)
    box_w = int(f.getlength("CASH SALE")) + 40
    p.draw.rectangle((p.w / 2 - box_w / 2, p.y, p.w / 2 + box_w / 2, p.y + 48), outline=printed, width=3)
    p.draw.text((p.w / 2, p.y + 36), "CASH SALE", font=f, fill=printed, anchor="ms")
    serial = f"{rng.randint(1, 9999):04d}"
    p.draw.text(
        (p.w - p.m, p.y + 36),
        f"No. {serial}",
        font=_font("DejaVuSansMono-Bold.ttf", 30),
        fill=(200, 30, 40),
        anchor="rs",
    )
    p.y += 70
    look = _look(rng, labels=["TOTAL", "TOTAL Shs", "Total Kshs", "TOTAL"])
    lf, _ = p.font(22)
    # date and customer on dotted lines
    hand_date = fmt_date(day, rng.choice(["slash", "slash2", "dot2", "dot", "dash", "ordinal"]))
    room = max(300, int(_font(hand_file, hs).getlength(hand_date) * 1.2) + 40)
    p.draw.text((p.w - p.m - room - 60, p.y + 30), "Date", font=lf, fill=printed, anchor="ls")
    dots = _font("DejaVuSans.ttf", 14)
    p.draw.text(
        (p.w - p.m - room, p.y + 34), "." * int(room / dots.getlength(".")), font=dots, fill=printed, anchor="ls"
    )
    _hand(p.img, rng, p.w - p.m - room + 8, p.y + 28, hand_date, hand_file, hs, pen, stroke=pen_w)
    p.y += 50
    p.draw.text((p.m, p.y + 30), "M/s", font=lf, fill=printed, anchor="ls")
    p.draw.text((p.m + 50, p.y + 34), "." * 150, font=_font("DejaVuSans.ttf", 14), fill=printed, anchor="ls")
    _hand(p.img, rng, p.m + 70, p.y + 28, _person(rng), hand_file, hs, pen, stroke=pen_w)
    p.y += 60
    # ruled table
    split_cents = rng.random() < 0.5
    amount_style = rng.choice(["slash", "slashplain", "int"])
    m, inner = p.m, p.inner
    if split_cents:  # separators; where each column's writing sits (qty centre, name left, rate right, shs right)
        seps, cx = [0.10, 0.55, 0.72, 0.895], {"qty": 0.05, "name": 0.12, "rate": 0.71, "amt": 0.885, "cts": 0.9475}
        heads = [("QTY", 0.05), ("PARTICULARS", 0.325), ("@", 0.635), ("SHS", 0.8075), ("CTS", 0.9475)]
    else:
        seps, cx = [0.10, 0.58, 0.76], {"qty": 0.05, "name": 0.12, "rate": 0.75, "amt": 0.99}
        heads = [("QTY", 0.05), ("PARTICULARS", 0.34), ("@", 0.67), ("AMOUNT", 0.88)]
    head_font = _font(FAMILIES[p.family][1] or FAMILIES[p.family][0], 20)
    row_h = 52
    top = p.y
    for name, xf in heads:
        p.draw.text((m + xf * inner, top + 34), name, font=head_font, fill=printed, anchor="ms")
    p.y += row_h
    rows = rng.randint(7, 9)
    chosen = rng.sample(catalogue, rng.randint(2, min(5, len(catalogue))))
    total = Decimal(0)

    def write(key: str, text: str, base: float, anchor: str, size: int = hs) -> None:
        _hand(p.img, rng, m + cx[key] * inner, base, text, hand_file, size, pen, anchor, pen_w)

    for r in range(rows):
        p.draw.line((m, p.y, m + inner, p.y), fill=printed, width=1)
        if r < len(chosen):
            name, price, maxq = chosen[r]
            qty = rng.randint(1, maxq)
            amount = Decimal(qty * price)
            total += amount
            base = p.y + row_h - 14
            write("qty", str(qty), base, "m")
            write("name", name, base, "l")
            write("rate", f"{price:,}" if price >= 1000 else str(price), base, "r")
            if split_cents:
                write("amt", f"{int(amount):,}", base, "r")
                write("cts", rng.choice(["00", "-", "="]), base, "m")
            else:
                write("amt", money(amount, amount_style), base, "r")
        p.y += row_h
    p.draw.line((m, p.y, m + inner, p.y), fill=printed, width=2)
    # total row: printed label left of the amount column, the total written in it
    label_font = _font(FAMILIES[p.family][1] or FAMILIES[p.family][0], 22)
    p.draw.text(
        (m + (seps[-1 if not split_cents else -2] - 0.01) * inner, p.y + 36),
        look.label,
        font=label_font,
        fill=printed,
        anchor="rs",
    )
    base = p.y + row_h - 12
    if split_cents:
        write("amt", f"{int(total):,}", base, "r", hs + 2)
        write("cts", "00", base, "m")
    else:
        write("amt", money(total, "slashplain" if amount_style == "slashplain" else "slash"), base, "r", hs + 2)
    p.y += row_h
    p.draw.rectangle((m, top, m + inner, p.y), outline=printed, width=2)
    amount_cols = seps[-2:] if split_cents else seps[-1:]
    for sx in seps:
        p.draw.line(
            (m + sx * inner, top, m + sx * inner, p.y - (0 if sx in amount_cols else row_h)), fill=printed, width=2
        )
    p.y += 24
    # amount in words
    p.draw.text((m, p.y + 30), "Shillings (in words)", font=lf, fill=printed, anchor="ls")
    p.draw.text((m + 220, p.y + 34), "." * 122, font=_font("DejaVuSans.ttf", 14), fill=printed, anchor="ls")
    _hand(p.img, rng, m + 232, p.y + 28, f"{words(int(total))} only", hand_file, int(hs * 0.9), pen, stroke=pen_w)
    p.y += 64
    if rng.random() < 0.5:
        _hand(
            p.img,
            rng,
            m,
            p.y + 28,
            rng.choice(["Paid cash", f"Mpesa {_mpesa_code(rng)}", "Paid in full"]),
            hand_file,
            hs,
            pen,
            stroke=pen_w,
        )
    p.draw.text((m + inner * 0.55, p.y + 30), "Sign", font=lf, fill=printed, anchor="ls")
    p.draw.text(
        (m + inner * 0.55 + 55, p.y + 34), "." * 52, font=_font("DejaVuSans.ttf", 14), fill=printed, anchor="ls"
    )
    _scribble(p.img, rng, m + inner * 0.62, p.y + 24, pen)
    p.y += 60
    p.text("E.&O.E.  Goods once sold cannot be re-accepted.  Thank you.", align="center", size=18)
    return p.finish(), total, spoken


def _scribble(img: Image.Image, rng: random.Random, x: float, y: float, ink: Ink) -> None:
    """A signature: a few joined loops."""
    draw = ImageDraw.Draw(img)
    pts = []
    for i in range(60):
        t = i / 59
        pts.append((x + t * 170 + 14 * math.sin(t * 18 + rng.random()), y + 12 * math.cos(t * 13) - 8 * t))
    draw.line(pts, fill=ink, width=2, joint="curve")


# --------------------------------------------------------------------------------------------------------------------
# Capture: a scanner or a phone camera
# --------------------------------------------------------------------------------------------------------------------


def scan(img: Image.Image, rng: random.Random) -> tuple[bytes, str]:
    """Straight and sharp on a white scanner bed: PNG mostly, sometimes a high-quality JPEG, sometimes grey."""
    pad = rng.randint(16, 50)
    bed = Image.new("RGB", (img.width + 2 * pad, img.height + 2 * pad), (255, 255, 255))
    bed.paste(img, (pad, pad))
    if img.getpixel((2, 2)) != (255, 255, 255):
        ImageDraw.Draw(bed).rectangle((pad - 1, pad - 1, pad + img.width, pad + img.height), outline=(215, 215, 215))
    out: Image.Image = bed.convert("L") if rng.random() < 0.35 else bed
    buf = io.BytesIO()
    if rng.random() < 0.25:
        out.save(buf, "JPEG", quality=rng.randint(88, 95))
        return buf.getvalue(), "image/jpeg"
    out.save(buf, "PNG", optimize=False)
    return buf.getvalue(), "image/png"


def _background(w: int, h: int, rng: random.Random, nrng: np.random.Generator) -> Image.Image:
    """A table, counter or cloth under the receipt (drawn at half size, then enlarged: it is out of focus anyway)."""
    kind = rng.choice(["wood", "counter", "cloth", "dark"])
    base = {"wood": (150, 105, 65), "counter": (165, 165, 160), "cloth": (60, 85, 130), "dark": (48, 46, 44)}[kind]
    hw, hh = max(8, w // 2), max(8, h // 2)
    low = nrng.standard_normal((max(2, h // 64), max(2, w // 64)))
    low_img = Image.fromarray(((low - low.min()) / (np.ptp(low) + 1e-9) * 255).astype(np.uint8))
    field = np.asarray(low_img.resize((hw, hh), Image.Resampling.BICUBIC), dtype=np.float32)[..., None] / 255 - 0.5
    arr = np.array(base, dtype=np.float32)[None, None, :] * (1 + 0.25 * field)
    if kind == "wood":
        ys = np.arange(hh, dtype=np.float32)[:, None]
        xs = np.arange(hw, dtype=np.float32)[None, :]
        grain = np.sin(ys / rng.uniform(3, 7) + 3 * np.sin(xs / rng.uniform(40, 100)))
        arr *= (1 + 0.08 * grain)[..., None]
    arr += 3 * nrng.standard_normal(arr.shape, dtype=np.float32)
    small = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return small.resize((w, h), Image.Resampling.BILINEAR)


def _homography(src: Sequence[tuple[float, float]], dst: Sequence[tuple[float, float]]) -> np.ndarray:
    """The 3x3 projective map taking the four ``src`` points to the four ``dst`` points."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    c = np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))
    return np.append(c, 1.0).reshape(3, 3)


@cache
def _noise_pool() -> np.ndarray:
    return np.random.default_rng(20261103).standard_normal(1 << 22, dtype=np.float32)


def _noise(shape: tuple[int, ...], nrng: np.random.Generator) -> np.ndarray:
    """Unit Gaussian sensor noise, cut from a fixed pool at a random offset (much faster than fresh draws)."""
    pool = _noise_pool()
    n = math.prod(shape)
    flat = np.roll(pool, -int(nrng.integers(pool.size)))
    return (flat[:n] if n <= pool.size else np.resize(flat, n)).reshape(shape)


def photograph(img: Image.Image, rng: random.Random, nrng: np.random.Generator) -> tuple[bytes, str]:
    """A phone photo: on a table, rotated, slight perspective, soft focus, uneven light, sensor noise, JPEG 40-75."""
    angle = math.radians(rng.triangular(-6, 6, 0))
    cos, sin = math.cos(angle), math.sin(angle)
    rw = abs(img.width * cos) + abs(img.height * sin)
    rh = abs(img.width * sin) + abs(img.height * cos)
    pad = int(max(img.size) * rng.uniform(0.06, 0.12))
    w, h = int(rw) + 2 * pad, int(rh) + 2 * pad
    # receipt -> photo: rotate about its centre, put it near the middle, then a slight perspective
    cx = w / 2 + rng.uniform(-pad / 3, pad / 3)
    cy = h / 2 + rng.uniform(-pad / 3, pad / 3)
    to_centre = np.array([[1, 0, -img.width / 2], [0, 1, -img.height / 2], [0, 0, 1]], dtype=float)
    turn = np.array([[cos, -sin, cx], [sin, cos, cy], [0, 0, 1]], dtype=float)
    # slight perspective: each corner pulled in by up to 2.5% of the short side (keystone, barely any shear)
    j = 0.025 * min(w, h)
    frame = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    inward = [(1, 1), (-1, 1), (-1, -1), (1, -1)]
    tilted = [
        (x + dx * rng.uniform(0, j), y + dy * rng.uniform(0, j)) for (x, y), (dx, dy) in zip(frame, inward, strict=True)
    ]
    forward = _homography(frame, tilted) @ turn @ to_centre
    back = np.linalg.inv(forward)
    coeffs = [float(c) for c in (back / back[2, 2]).flatten()[:8]]
    paper = img.convert("RGBA").transform((w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    # a soft shadow under the paper, from a quarter-size alpha
    alpha = paper.getchannel("A")
    small = alpha.resize((max(1, w // 4), max(1, h // 4)), Image.Resampling.BILINEAR).filter(
        ImageFilter.GaussianBlur(2.5)
    )
    shadow = small.resize((w, h), Image.Resampling.BILINEAR).point(lambda v: int(v * 0.45))
    canvas = _background(w, h, rng, nrng)
    canvas.paste((0, 0, 0), (9, 7), shadow.crop((0, 0, w - 9, h - 7)))
    canvas.paste(paper, (0, 0), paper)
    # what the phone sends: long side at most about 1600-1900 (never upscaled)
    scale = min(1.0, rng.uniform(1500, 1900) / max(w, h))
    if scale < 1:
        canvas = canvas.resize((int(w * scale), int(h * scale)), Image.Resampling.LANCZOS)
    canvas = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))
    arr = np.asarray(canvas, dtype=np.float32)
    hh, ww = arr.shape[:2]
    gy = np.linspace(-1, 1, hh, dtype=np.float32)[:, None]
    gx = np.linspace(-1, 1, ww, dtype=np.float32)[None, :]
    light = 1 + rng.uniform(-0.13, 0.13) * gx + rng.uniform(-0.13, 0.13) * gy
    lx, ly = rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6)
    light = light - rng.uniform(0.05, 0.22) * ((gx - lx) ** 2 + (gy - ly) ** 2) / 2
    if rng.random() < 0.45:  # the shadow of the phone or a hand across one side
        th = rng.uniform(0, 2 * math.pi)
        edge = math.cos(th) * gx + math.sin(th) * gy - rng.uniform(0.2, 0.7)
        light = light - rng.uniform(0.12, 0.25) / (1 + np.exp(-edge / 0.08))
    light = np.clip(light, 0.55, 1.1)
    cast = np.array(
        rng.choice([(1.0, 0.98, 0.9), (1.0, 1.0, 1.0), (0.95, 0.98, 1.03), (1.02, 0.99, 0.94)]), dtype=np.float32
    )
    arr = arr * (light[..., None] * rng.uniform(0.92, 1.02)) * cast
    arr += rng.uniform(2.5, 7) * _noise(arr.shape, nrng)
    arr += rng.uniform(1, 3) * _noise(arr.shape[:2], nrng)[..., None]
    np.clip(arr, 0, 255, out=arr)
    out = Image.fromarray(arr.astype(np.uint8))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=rng.randint(40, 75))
    return buf.getvalue(), "image/jpeg"


# --------------------------------------------------------------------------------------------------------------------
# The set
# --------------------------------------------------------------------------------------------------------------------

STYLES: dict[str, Callable[[random.Random, date], Made]] = {
    "bakery": _bakery,
    "butchery": _butchery,
    "agrovet": _agrovet,
    "phone_shop": _phone_shop,
    "wholesaler": _wholesaler,
    "sacco_ticket": _sacco_ticket,
    "lodging": _hotel,
    "lpg_refill": _lpg,
    "cyber_cafe": _cyber,
    "power_token": _token_slip,
    "water_vendor": _water,
    "cash_sale_book": _cash_book,
}


def blind_receipts(seed: int = 11, count: int = 40) -> list[BlindReceipt]:
    """``count`` receipts: the styles in shuffled rounds; half clean, half degraded, balanced within each style."""
    order_rng = random.Random(f"blind-order-{seed}")
    kinds: list[str] = []
    while len(kinds) < count:
        batch = list(STYLES)
        order_rng.shuffle(batch)
        kinds += batch
    kinds = kinds[:count]
    # alternate clean/degraded along the receipts grouped by style: exact halves overall, within one per style
    grouped = [i for kind in STYLES for i, k in enumerate(kinds) if k == kind]
    flip = order_rng.random() < 0.5
    degraded_at = {i: (pos % 2 == 1) != flip for pos, i in enumerate(grouped)}
    out = []
    span = (LAST_DAY - FIRST_DAY).days
    for i, kind in enumerate(kinds):
        degraded = degraded_at[i]
        rng = random.Random(f"blind-{seed}-{i}-{kind}")
        nrng = np.random.default_rng([seed, i])
        day = FIRST_DAY + timedelta(days=rng.randint(0, span))
        img, total, merchant = STYLES[kind](rng, day)
        data, ctype = photograph(img, rng, nrng) if degraded else scan(img, rng)
        name = f"{kind}-{i:02d}-{'degraded' if degraded else 'clean'}"
        out.append(BlindReceipt(name, data, ctype, total.quantize(CENT), day, merchant, kind, degraded))
    return out


def main(argv: Sequence[str]) -> None:
    if len(argv) < 2:
        raise SystemExit("usage: receipt_blind.py OUT_DIR [SEED] [COUNT]")
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    seed = int(argv[2]) if len(argv) > 2 else 11
    count = int(argv[3]) if len(argv) > 3 else 40
    with (out / "truths.jsonl").open("w") as fh:
        for r in blind_receipts(seed, count):
            file = f"{r.name}.{'jpg' if r.content_type == 'image/jpeg' else 'png'}"
            (out / file).write_bytes(r.image)
            row = {
                "name": r.name,
                "file": file,
                "content_type": r.content_type,
                "total": str(r.total),
                "day": r.day.isoformat(),
                "merchant": r.merchant,
                "kind": r.kind,
                "degraded": r.degraded,
            }
            fh.write(json.dumps(row) + "\n")
    print(f"wrote {count} receipts to {out}")


if __name__ == "__main__":
    main(sys.argv)
