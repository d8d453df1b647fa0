"""Receipts drawn as a till prints them, with their truths: the set the receipt reader was built
against (tests and bench/receipts.py). bench/receipt_heldout.py is the set it was not.

`degrade` makes a clean one look photographed: turned, blurred, low in contrast, JPEG-squeezed.
"""

import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@dataclass(frozen=True)
class MadeReceipt:
    name: str
    image: bytes
    content_type: str
    total: Decimal
    day: date
    merchant: str
    kind: str
    degraded: bool


# Printed name -> the name as people say it (the truth a reading is scored against).
_SHOPS = {
    "supermarket": {"NAIVAS": "Naivas", "QUICKMART": "Quickmart", "CARREFOUR": "Carrefour",
                    "CHANDARANA FOODPLUS": "Chandarana"},
    "fuel": {"RUBIS ENERGY": "Rubis", "TOTALENERGIES": "TotalEnergies", "SHELL": "Shell", "OLA ENERGY": "Ola Energy"},
    "hardware": {"TUFFSTEEL HARDWARE": "Tuffsteel Hardware", "MJENGO HARDWARE LTD": "Mjengo Hardware Ltd",
                 "KAMUKUNJI HARDWARE": "Kamukunji Hardware"},
    "till": {"MAMA JANE SHOP": "Mama Jane Shop"},
}  # fmt: skip
_ITEMS = {
    "supermarket": [("SUGAR 2KG", 320), ("MILK 500ML", 65), ("BREAD 400G", 70), ("RICE 5KG", 950), ("SOAP", 150)],
    "fuel": [],
    "hardware": [("CEMENT 50KG", 750), ("NAILS 3IN KG", 220), ("IRON SHEET G30", 1150), ("PAINT 4L", 2400)],
    "till": [],
}


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf")), size)


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _lines(kind: str, shop: str, day: date, rng: random.Random) -> tuple[list[tuple[str, bool]], Decimal]:
    when = f"{day:%d/%m/%Y} {rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}"
    head = [(shop, True), ("P.O BOX 1234-00100 NAIROBI", False), (f"PIN: P05{rng.randint(1000000, 9999999)}X", False)]
    if kind == "fuel":
        litres = Decimal(rng.randint(50, 450)) / 10
        price = Decimal("177.30")
        total = (litres * price).quantize(Decimal("1"))
        body = [
            (f"DATE: {when}", False),
            (f"PUMP: {rng.randint(1, 8)}  NOZZLE: 1", False),
            ("PRODUCT: SUPER PETROL", False),
            (f"VOLUME: {litres} L", False),
            (f"PRICE: {price}/L", False),
            (f"AMOUNT: KES {_money(total)}", True),
            (f"VEHICLE: KD{rng.choice('ABCDE')} {rng.randint(100, 999)}{rng.choice('ABCDXY')}", False),
        ]
        return head + body, total
    if kind == "till":
        total = Decimal(rng.randint(3, 90) * 50)
        code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10))
        body = [
            ("LIPA NA M-PESA", True),
            (f"TILL NO: {rng.randint(100000, 999999)}", False),
            (f"{code} Confirmed.", False),
            (f"Date: {day:%d-%m-%Y}", False),
            (f"PAID: Ksh{_money(total)}", True),
            (f"Tel: 07{rng.randint(10000000, 99999999)}", False),
        ]
        return head[:1] + body, total
    body = [(f"DATE: {when}   RCPT NO: {rng.randint(10000, 99999)}", False), ("-" * 32, False)]
    total = Decimal(0)
    for name, price in rng.sample(_ITEMS[kind], k=rng.randint(2, len(_ITEMS[kind]))):
        qty = rng.randint(1, 4)
        amount = Decimal(price * qty)
        total += amount
        body.append((f"{name[:16]:<16}{qty:>3} x{price:>6}", False))
        body.append((f"{_money(amount):>32}", False))
    vat = (total * Decimal(16) / Decimal(116)).quantize(Decimal("0.01"))
    tendered = (total // 500 + 1) * 500
    body += [
        ("-" * 32, False),
        (f"{'SUBTOTAL':<16}{_money(total - vat):>16}", False),
        (f"{'VAT 16%':<16}{_money(vat):>16}", False),
        (f"{'TOTAL':<14}{_money(total):>18}", True),
        (f"{'CASH':<16}{_money(tendered):>16}", False),
        (f"{'CHANGE':<16}{_money(tendered - total):>16}", False),
        ("THANK YOU FOR SHOPPING", False),
    ]
    return head + body, total


def _draw(lines: list[tuple[str, bool]]) -> Image.Image:
    width, size = 720, 26
    height = 60 + len(lines) * (size + 14)
    image = Image.new("L", (width, height), 255)
    pen = ImageDraw.Draw(image)
    y = 30
    for text, bold in lines:
        font = _font(size + (4 if bold else 0), bold)
        x = (width - pen.textlength(text, font=font)) / 2 if bold else 40
        pen.text((x, y), text, font=font, fill=0)
        y += size + 14
    return image


def degrade(image: Image.Image, rng: random.Random) -> bytes:
    """A phone photo of it: turned a little on a table, soft, dim and JPEG-squeezed."""
    turned = image.convert("RGB").rotate(rng.uniform(-6, 6), expand=True, fillcolor=(120, 110, 95))
    soft = turned.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))
    dim = ImageEnhance.Contrast(soft).enhance(rng.uniform(0.45, 0.7))
    out = io.BytesIO()
    dim.save(out, "JPEG", quality=rng.randint(35, 60))
    return out.getvalue()


def made_receipts(seed: int = 1, count: int = 24) -> list[MadeReceipt]:
    rng = random.Random(seed)
    made = []
    kinds = list(_SHOPS)
    for n in range(count):
        kind = kinds[n % len(kinds)]
        shop = rng.choice(sorted(_SHOPS[kind]))
        day = date(2026, 9, 1) + timedelta(days=rng.randint(0, 90))
        lines, total = _lines(kind, shop, day, rng)
        image = _draw(lines)
        degraded = (n // len(kinds)) % 2 == 1  # each kind both clean and photographed
        if degraded:
            data, content_type = degrade(image, rng), "image/jpeg"
        else:
            out = io.BytesIO()
            image.save(out, "PNG")
            data, content_type = out.getvalue(), "image/png"
        merchant = _SHOPS[kind][shop]
        made.append(MadeReceipt(f"{kind}-{n:02d}", data, content_type, total, day, merchant, kind, degraded))
    return made
