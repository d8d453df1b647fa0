"""Held-out receipt images for measuring the receipt reader.

Written independently of the reader: Kenyan supermarket, fuel, hardware, restaurant, pharmacy and
Lipa-na-M-PESA receipts in styles of their own, each with the amount actually paid, the date and the
merchant as a person would say it. Half are clean scans; half look like phone photos (rotation on a
background, slight perspective and crop, blur, uneven light, sensor noise and JPEG compression).

    python -m bench.receipt_heldout /tmp/heldout   # writes the images and truths.jsonl
"""

from __future__ import annotations

import io
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import matplotlib
import numpy as np
import segno
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

__all__ = ["HeldoutReceipt", "heldout_receipts"]

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_FONTS = {
    "mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
}
# Average advance of receipt text (capitals and digits) per em, used to size the font for a column count.
_ADVANCE = {"mono": 0.602, "sans": 0.62, "serif": 0.66}

FIRST_DAY = date(2026, 9, 1)
LAST_DAY = date(2026, 11, 30)
_KIND_WEIGHTS = {"supermarket": 16, "fuel": 10, "hardware": 8, "till": 10, "restaurant": 8, "pharmacy": 8}
_CENT = Decimal("0.01")
_M = TypeVar("_M")


@dataclass(frozen=True)
class HeldoutReceipt:
    """One receipt image with the truth a reader should recover from it."""

    name: str
    image: bytes
    content_type: str
    total: Decimal
    day: date
    merchant: str
    kind: str
    degraded: bool


# --------------------------------------------------------------------------- small helpers


def _q(value: Decimal | int | float) -> Decimal:
    return Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP)


def _fmt(value: Decimal, sep: str = ",", decimals: bool = True) -> str:
    """2340 -> '2,340.00' (sep ','), '2340.00' (sep ''), '2 340.00' (sep ' '); decimals=False -> '2,340'."""
    text = f"{_q(value):,.2f}" if decimals else f"{int(_q(value)):,}"
    return text.replace(",", sep)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date_text(day: date, style: int) -> str:
    mon = _MONTHS[day.month - 1]
    return [
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year % 100:02d}",
        day.isoformat(),
        f"{day.day} {mon} {day.year}",
        f"{mon.upper()} {day.day:02d} {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}",
        f"{day.day:02d}-{mon.upper()}-{day.year}",
    ][style]


def _time_text(hour: int, minute: int, second: int, style: int) -> str:
    h12 = hour % 12 or 12
    ampm = "AM" if hour < 12 else "PM"
    return [
        f"{hour:02d}:{minute:02d}",
        f"{hour:02d}:{minute:02d}:{second:02d}",
        f"{h12}:{minute:02d} {ampm}",
        f"{h12:02d}:{minute:02d}:{second:02d}{ampm}",
    ][style]


_FIRST = (
    *("Wanjiku", "Kamau", "Otieno", "Achieng", "Mwangi", "Njeri", "Kiprono", "Chebet", "Omondi", "Wambui", "Mutua"),
    *("Akinyi", "Kibet", "Nyambura", "Ochieng", "Wafula", "Nekesa", "Fatuma", "Baraka", "Faith", "Brian", "Mercy"),
    *("Kevin", "Purity", "Dennis", "Esther", "Halima", "Juma", "Moraa", "Kerubo"),
)
_LAST = (
    *("Kamau", "Otieno", "Mwangi", "Kiprotich", "Omondi", "Wekesa", "Mutiso", "Njoroge", "Odhiambo", "Chege"),
    *("Kariuki", "Maina", "Onyango", "Ruto"),
)
_PLACES = (
    "Westlands",
    "Kilimani",
    "Ngong Road",
    "Thika Road",
    "Kitengela",
    "Rongai",
    "Ruaka",
    "Kasarani",
    "Eastleigh",
    "Githurai",
    "Karen",
    "Embakasi",
    "Nakuru",
    "Eldoret",
    "Kisumu",
    "Mombasa",
    "Nyeri",
    "Machakos",
    "Thika",
    "Meru",
    "Kakamega",
    "Embu",
    "Kisii",
    "Naivasha",
    "Kericho",
)
_TOWN_BOX = {  # postal codes of the towns outside Nairobi
    **{"Nakuru": "20100", "Eldoret": "30100", "Kisumu": "40100", "Mombasa": "80100", "Nyeri": "10100"},
    **{"Machakos": "90100", "Thika": "01000", "Meru": "60200", "Kakamega": "50100", "Embu": "60100"},
    **{"Kisii": "40200", "Naivasha": "20117", "Kericho": "20200"},
}


class _Ctx:
    """Per-receipt randomness and formatting choices shared by the builders."""

    def __init__(self, rnd: random.Random, day: date, cols: int, slot: int, set_seed: int) -> None:
        self.rnd = rnd
        self.slot = slot  # this receipt is the slot-th of its kind in the set
        self.set_seed = set_seed
        self.day = day
        self.cols = cols
        self.sep = rnd.choice([",", ",", ",", ",", "", " "])
        self.total_prefix = rnd.choice(["", "", "", "KES ", "Ksh", "KSh ", "Kshs. "])
        self.date_s = _date_text(day, rnd.randrange(8))
        self.time_s = ""
        self.place = rnd.choice(_PLACES)

    def merchant_from(self, options: Sequence[_M]) -> _M:
        """Walk through a shuffled list of merchants so that a set covers each before repeating any."""
        order = list(options)
        random.Random(f"{self.set_seed}:{options[0]}").shuffle(order)
        return order[self.slot % len(order)]

    def set_time(self, first_hour: int, last_hour: int) -> None:
        r = self.rnd
        self.time_s = _time_text(r.randint(first_hour, last_hour), r.randrange(60), r.randrange(60), r.randrange(4))

    def m(self, value: Decimal) -> str:
        return _fmt(value, self.sep)

    def total_text(self, value: Decimal) -> str:
        whole = _q(value) == _q(int(value))
        decimals = not (whole and self.total_prefix and self.rnd.random() < 0.4)
        return self.total_prefix + _fmt(value, self.sep, decimals)

    def person(self) -> str:
        return self.rnd.choice(_FIRST).upper()

    def full_name(self) -> str:
        return f"{self.rnd.choice(_FIRST)} {self.rnd.choice(_LAST)}".upper()

    def phone(self) -> str:
        r = self.rnd
        n = f"7{r.randint(0, 99):02d}{r.randint(0, 999999):06d}"
        return r.choice([f"0{n[:3]} {n[3:6]} {n[6:]}", f"+254 {n[:3]} {n[3:6]} {n[6:]}", f"0{n}", f"254{n}"])

    def pin(self) -> str:
        r = self.rnd
        return f"{r.choice('PPPA')}{r.randint(0, 999999999):09d}{r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}"

    def mpesa_code(self) -> str:
        r = self.rnd
        rest = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(9))
        return "U" + rest

    def reg(self) -> str:
        r = self.rnd
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        if r.random() < 0.12:
            return f"KM{r.choice('DEFG')}{r.choice(letters)} {r.randint(100, 999)}{r.choice(letters)}"
        return f"K{r.choice('CD')}{r.choice(letters)} {r.randint(100, 999)}{r.choice(letters)}"

    def box(self) -> str:
        code = _TOWN_BOX.get(self.place, "00100")
        town = self.place if self.place in _TOWN_BOX else "NAIROBI"
        return f"P.O. BOX {self.rnd.randint(100, 99999)}-{code} {town.upper()}"

    def when(self) -> list[_Ln]:
        """The date and time printed in one of several layouts."""
        r, d, t = self.rnd, self.date_s, self.time_s
        layout = r.randrange(6)
        if layout == 0:
            return [_t(f"DATE: {d}", f"TIME: {t}")]
        if layout == 1:
            return [_t(f"{d} {t}")]
        if layout == 2:
            return [_t(d, t)]
        if layout == 3:
            return [_t(f"Date: {d}"), _t(f"Time: {t}")]
        if layout == 4:
            return [_t("DATE", d), _t("TIME", t)]
        return [_t(f"{d}  {t}", f"#{r.randint(1, 40):02d}")]


# --------------------------------------------------------------------------- receipt lines


@dataclass
class _Ln:
    left: str = ""
    right: str = ""
    mid: str = ""
    align: str = "lr"  # lr | c | rule | blank | wrap | wrapc | qr | bars
    bold: bool = False
    scale: float = 1.0
    tall: bool = False
    cut: bool = False  # an item name that the printer may cut short; other lines shrink or break instead


def _t(
    left: str,
    right: str = "",
    *,
    mid: str = "",
    bold: bool = False,
    scale: float = 1.0,
    tall: bool = False,
    cut: bool = False,
) -> _Ln:
    return _Ln(left, right, mid, "lr", bold, scale, tall, cut)


def _c(text: str, *, bold: bool = False, scale: float = 1.0, tall: bool = False) -> _Ln:
    return _Ln(text, align="c", bold=bold, scale=scale, tall=tall)


def _rule(ch: str = "-") -> _Ln:
    return _Ln(ch, align="rule")


def _blank() -> _Ln:
    return _Ln(align="blank", scale=0.6)


def _wrap(text: str, *, center: bool = False, bold: bool = False, scale: float = 1.0) -> _Ln:
    return _Ln(text, align="wrapc" if center else "wrap", bold=bold, scale=scale)


def _qr(data: str) -> _Ln:
    return _Ln(data, align="qr")


def _bars(data: str) -> _Ln:
    return _Ln(data, align="bars")


_Doc = tuple[list[_Ln], Decimal, str]


def _total_line(cx: _Ctx, label: str, total: Decimal) -> list[_Ln]:
    r = cx.rnd
    amount = cx.total_text(total) if "KES" not in label.upper() else _fmt(total, cx.sep)
    scale = r.choice([1.0, 1.0, 1.15, 1.3, 1.45])
    tall = scale == 1.0 and r.random() < 0.35
    bold = r.random() < 0.8
    if r.random() < 0.25:
        label += ":"
    return [_t(label, amount, bold=bold, scale=scale, tall=tall)]


def _tender(cx: _Ctx, total: Decimal, *, card: bool = True) -> list[_Ln]:
    """Payment lines: cash with change, M-PESA with a code, or a card."""
    r = cx.rnd
    whole = total == int(total)
    options = ["cash", "cash", "mpesa", "mpesa"] + (["card"] if card else [])
    if not whole:
        options = [o for o in options if o != "mpesa"]
    how = r.choice(options)
    if how == "cash":
        steps = [s for s in (50, 100, 200, 500, 1000) if s <= max(100, int(total))] or [100]
        step = r.choice(steps)
        given = Decimal(math.ceil(total / step) * step)
        if given == total and r.random() < 0.6:
            given += step
        if r.random() < 0.2:
            given = _q(total)
        change = given - total
        cash_label = r.choice(["CASH", "CASH", "CASH TENDERED", "TENDERED", "Cash"])
        change_label = r.choice(["CHANGE", "CHANGE", "CHANGE DUE", "BALANCE", "Change"])
        return [_t(cash_label, cx.m(given)), _t(change_label, cx.m(change))]
    if how == "mpesa":
        out = [_t(r.choice(["M-PESA", "MPESA", "M-PESA PAYMENT", "LIPA NA MPESA"]), cx.m(total))]
        code = cx.mpesa_code()
        out.append(_t(r.choice([f"M-PESA REF: {code}", f"REF {code}", f"MPESA CODE: {code}"])))
        if r.random() < 0.5:
            out.append(_t(f"TILL NO: {r.randint(100000, 9999999)}"))
        if r.random() < 0.4:
            out.append(_t(f"PAID BY: 2547{r.randint(0, 99):02d}***{r.randint(100, 999)}"))
        if r.random() < 0.3:
            out.append(_t("CHANGE", cx.m(Decimal(0))))
        return out
    brand = r.choice(["VISA", "MASTERCARD", "VISA DEBIT"])
    return [
        _t(brand, cx.m(total)),
        _t(f"CARD NO: ************{r.randint(1000, 9999)}"),
        _t(f"AUTH CODE: {r.randint(100000, 999999)}", "APPROVED"),
    ]


def _vat_lines(cx: _Ctx, by_code: dict[str, Decimal]) -> list[_Ln]:
    """VAT analysis of VAT-inclusive amounts: 'A' at 16%, 'E' exempt, 'Z' zero rated."""
    r = cx.rnd
    a = by_code.get("A", Decimal(0))
    vat = _q(a * 16 / 116)
    net = a - vat
    style = r.randrange(4)
    if style == 0:
        out = [_t("CODE", "VAT", mid="VATABLE")]
        out.append(_t("A 16%", cx.m(vat), mid=cx.m(net)))
        for code in ("E", "Z"):
            if by_code.get(code):
                out.append(_t(f"{code} 0%", cx.m(Decimal(0)), mid=cx.m(by_code[code])))
        return out
    if style == 1:
        return [_t("VATABLE AMT", cx.m(net)), _t("VAT 16%", cx.m(vat))]
    if style == 2:
        out = [_t("VAT A 16.00%", cx.m(vat)), _t("VATABLE A", cx.m(net))]
        if by_code.get("E"):
            out.append(_t("EXEMPT", cx.m(by_code["E"])))
        if by_code.get("Z"):
            out.append(_t("ZERO RATED", cx.m(by_code["Z"])))
        out.append(_t("TOTAL VAT", cx.m(vat)))
        return out
    total = sum(by_code.values(), Decimal(0))
    return [_t("TOTAL EXCL. VAT", cx.m(total - vat)), _t("VAT (16%)", cx.m(vat))]


def _kra_footer(cx: _Ctx, pin: str) -> list[_Ln]:
    r = cx.rnd
    out: list[_Ln] = []
    if r.random() < 0.6:
        serial = f"KRAMW{r.randint(1, 999):03d}2022{r.randint(10000000, 99999999)}"
        out += [_t(f"CU SERIAL NO: {serial}"), _t(f"CU INVOICE NO: {r.randint(10**17, 10**18 - 1)}")]
    if r.random() < 0.5:
        url = "https://etims.kra.go.ke/common/link/etims/receipt/indexEtimsReceiptData"
        out.append(_qr(f"{url}?Data={pin}{r.randint(10**9, 10**10)}"))
    return out


def _choose_items(
    cx: _Ctx, catalog: tuple[tuple[str, int, str, bool], ...], lo: int, hi: int, max_qty: int = 3
) -> list[tuple[str, Decimal, Decimal, str, bool]]:
    """Pick distinct items: (name, quantity, unit price, VAT code, sold by weight)."""
    r = cx.rnd
    picks = r.sample(catalog, min(len(catalog), r.randint(lo, hi)))
    out = []
    for name, base, code, by_weight in picks:
        price = Decimal(max(5, round(base * r.uniform(0.9, 1.1) / 5) * 5 - r.choice([0, 0, 0, 1])))
        if by_weight:
            qty = Decimal(r.randint(250, 2500)).scaleb(-3)
        else:
            qty = Decimal(r.choice([1] * 6 + list(range(2, max_qty + 1))))
        out.append((name, qty, price, code, by_weight))
    return out


# --------------------------------------------------------------------------- supermarkets

_SUPERMARKETS: tuple[tuple[str, str, str | None], ...] = (
    ("Naivas", "NAIVAS", "NAIVAS LIMITED"),
    ("Naivas", "naivas", "Naivas Supermarket"),
    ("Quickmart", "QUICKMART", "QUICK MART LIMITED"),
    ("Carrefour", "Carrefour", "MAJID AL FUTTAIM HYPERMARKETS LTD"),
    ("Chandarana", "CHANDARANA FOODPLUS", "CHANDARANA SUPERMARKETS LTD"),
    ("Magunas", "MAGUNAS SUPERMARKET", None),
    ("Cleanshelf", "CLEANSHELF", "CLEANSHELF SUPERMARKETS LTD"),
    ("Tuskys", "TUSKYS", "TUSKER MATTRESSES LTD"),
    ("Khetia's", "KHETIA'S", "KHETIA DRAPERS LTD"),
    ("Mathai Supermarket", "MATHAI SUPERMARKET", None),
    ("Jirani Minimart", "JIRANI MINIMART", None),
    ("Neema Mini Mart", "NEEMA MINI MART", None),
    ("Kwa Wanjiru Minimart", "KWA WANJIRU MINIMART", None),
    ("Tumaini Self Service", "TUMAINI SELF SERVICE STORE", None),
)

_GROCERIES: tuple[tuple[str, int, str, bool], ...] = (
    ("JOGOO MAIZE MEAL 2KG", 165, "Z", False),
    ("PEMBE MAIZE FLOUR 2KG", 172, "Z", False),
    ("EXE HOME BAKING FLOUR 2KG", 205, "A", False),
    ("KABRAS SUGAR 2KG", 330, "A", False),
    ("MUMIAS SUGAR 1KG", 175, "A", False),
    ("BROOKSIDE MILK 500ML", 65, "E", False),
    ("FRESHA FRESH MILK 500ML", 60, "E", False),
    ("SUPERLOAF WHITE 400G", 65, "Z", False),
    ("FESTIVE BREAD 600G", 95, "Z", False),
    ("KIMBO 1KG", 455, "A", False),
    ("FRESH FRI 2L", 640, "A", False),
    ("ELIANTO CORN OIL 1L", 420, "A", False),
    ("ROYCO MCHUZI MIX 200G", 135, "A", False),
    ("PISHORI RICE 2KG", 390, "E", False),
    ("KETEPA PRIDE 100 BAGS", 260, "A", False),
    ("KENSALT 1KG", 45, "A", False),
    ("OMO HAND WASH 1KG", 320, "A", False),
    ("MENENGAI BAR SOAP 800G", 210, "A", False),
    ("SUNLIGHT 500G", 155, "A", False),
    ("SOFTCARE TISSUE 10PK", 480, "A", False),
    ("COCA COLA 2L", 200, "A", False),
    ("DASANI WATER 1L", 80, "A", False),
    ("EGGS TRAY 30PCS", 450, "E", False),
    ("BLUE BAND 500G", 280, "A", False),
    ("COLGATE HERBAL 140G", 190, "A", False),
    ("TUZO YOGHURT 500ML", 130, "A", False),
    ("DOLA CHAPATI FLOUR 2KG", 210, "A", False),
    ("ALWAYS MAXI PADS 8S", 120, "A", False),
    ("HUGGIES DRY S/M 36S", 1150, "A", False),
    ("TOMATOES LOOSE KG", 120, "E", True),
    ("RED ONIONS KG", 110, "E", True),
    ("BANANAS RIPE KG", 90, "E", True),
    ("POTATOES KG", 80, "E", True),
    ("BEEF STEAK KG", 720, "E", True),
    ("SUKUMA WIKI BUNCH", 30, "E", False),
    ("NICE & LOVELY LOTION 400ML", 350, "A", False),
)


def _item_lines(cx: _Ctx, items: list[tuple[str, Decimal, Decimal, str, bool]], style: int) -> list[_Ln]:
    r = cx.rnd
    out: list[_Ln] = []
    show_code = r.random() < 0.5
    barcode = cx.cols >= 42 and r.random() < 0.35
    for name, qty, price, code, by_weight in items:
        amount = _q(qty * price)
        amt = cx.m(amount) + (f" {code}" if show_code else "")
        qty_s = f"{qty:.3f} KG" if by_weight else f"{int(qty)}"
        if style == 0 or by_weight or (style == 1 and qty != 1):
            lead = f"{r.randint(6001000000000, 6169999999999)} " if barcode else "  "
            out.append(_t(name, cut=True))
            joiner = " @ " if by_weight else r.choice([" x ", " X ", " x "])
            out.append(_t(f"{lead}{qty_s}{joiner}{cx.m(price)}", amt))
        elif style == 1:
            out.append(_t(name, amt, cut=True))
        else:
            out.append(_t(f"{qty_s} {name}", amt, cut=True))
    return out


def _supermarket(cx: _Ctx) -> _Doc:
    r = cx.rnd
    spoken, brand, legal = cx.merchant_from(_SUPERMARKETS)
    cx.set_time(8, 21)
    pin = cx.pin()
    small = legal is None and r.random() < 0.6
    items = _choose_items(cx, _GROCERIES, 2 if small else 4, 7 if small else 14)
    by_code: dict[str, Decimal] = {}
    for _, qty, price, code, _ in items:
        by_code[code] = by_code.get(code, Decimal(0)) + _q(qty * price)
    subtotal = sum(by_code.values(), Decimal(0))
    discount = Decimal(0)
    if not small and r.random() < 0.25:
        discount = Decimal(r.choice([20, 50, 100, 150]))
    total = subtotal - discount

    lines: list[_Ln] = [_c(brand, bold=True, scale=r.uniform(1.4, 2.0), tall=r.random() < 0.3)]
    if legal:
        lines.append(_c(legal))
    branch = cx.place.upper()
    lines.append(_c(r.choice([f"{branch} BRANCH", f"{brand.upper()} {branch}", branch])))
    if r.random() < 0.6:
        lines.append(_c(cx.box()))
    lines.append(_c(f"TEL: {cx.phone()}"))
    lines.append(_c(r.choice([f"PIN: {pin}", f"KRA PIN {pin}", f"PIN NO. {pin}"])))
    if r.random() < 0.4:
        lines.append(_c(f"VAT NO: 01{r.randint(10000, 99999)}X"))
    lines.append(_rule(r.choice("-=")))
    title = r.choice(["TAX INVOICE", "CASH SALE", "SALES RECEIPT", "", "RECEIPT"])
    if title:
        lines.append(_c(title, bold=True))
    meta = [
        _t(f"RECEIPT NO: {r.randint(100000, 9999999)}"),
        _t(f"TILL: {r.randint(1, 30):02d}", f"CASHIER: {cx.person()}"),
    ]
    r.shuffle(meta)
    lines += meta + cx.when()
    lines.append(_rule())
    if r.random() < 0.4:
        lines.append(_t("DESCRIPTION", "AMOUNT"))
    lines += _item_lines(cx, items, r.randrange(3))
    lines.append(_rule())
    if r.random() < 0.5:
        lines.append(_t(f"ITEMS: {len(items)}", f"QTY: {sum(int(q) if not w else 1 for _, q, _, _, w in items)}"))
    if discount or r.random() < 0.5:
        lines.append(_t(r.choice(["SUBTOTAL", "SUB TOTAL", "SUB-TOTAL"]), cx.m(subtotal)))
    if discount:
        lines.append(_t(r.choice(["DISCOUNT", "LOYALTY DISCOUNT", "PROMO SAVINGS"]), "-" + cx.m(discount)))
    label = r.choice(["TOTAL", "TOTAL", "TOTAL KES", "GRAND TOTAL", "AMOUNT DUE", "TOTAL AMOUNT", "NET TOTAL"])
    lines += _total_line(cx, label, total)
    tender = _tender(cx, total)
    vat = _vat_lines(cx, by_code)
    if r.random() < 0.5:
        lines += [*tender, _rule(), *vat]
    else:
        lines += [_rule(), *vat, _rule(), *tender]
    lines.append(_rule())
    if r.random() < 0.5:
        pts = int(total // 100)
        lines += [
            _t("POINTS EARNED", str(pts)),
            _t("POINTS BALANCE", _fmt(Decimal(r.randint(pts, 9000)), cx.sep, decimals=False)),
        ]
    if r.random() < 0.3:
        lines.append(_t(f"CUSTOMER PIN: {cx.pin()}"))
    lines += [
        _blank(),
        _c(r.choice(["THANK YOU FOR SHOPPING WITH US", "Thank you, karibu tena!", "ASANTE KWA KUNUNUA"])),
    ]
    if r.random() < 0.5:
        lines.append(_c("Goods once sold are not returnable"))
    lines += _kra_footer(cx, pin)
    if r.random() < 0.4:
        lines.append(_bars(str(r.random())))
    return lines, total, spoken


# --------------------------------------------------------------------------- fuel

_FUEL_BRANDS: tuple[tuple[str, str, str], ...] = (
    ("Rubis", "RUBIS", "RUBIS ENERGY KENYA PLC"),
    ("TotalEnergies", "TotalEnergies", "TOTALENERGIES MARKETING KENYA PLC"),
    ("Shell", "SHELL", "VIVO ENERGY KENYA LIMITED"),
    ("Ola Energy", "OLA ENERGY", "OLA ENERGY KENYA LIMITED"),
    ("National Oil", "NATIONAL OIL", "NATIONAL OIL CORPORATION OF KENYA"),
    ("Astrol", "ASTROL", "ASTROL PETROLEUM LTD"),
)
_PRODUCTS = (("SUPER PETROL (PMS)", 184.0), ("DIESEL (AGO)", 171.0), ("V-POWER", 196.0), ("KEROSENE (IK)", 156.0))


def _fuel(cx: _Ctx) -> _Doc:
    r = cx.rnd
    spoken, brand, legal = cx.merchant_from(_FUEL_BRANDS)
    cx.set_time(5, 23)
    pin = cx.pin()
    product, base = r.choice(_PRODUCTS[:3] if r.random() < 0.9 else _PRODUCTS)
    price = _q(base + r.uniform(-4, 6))
    if r.random() < 0.55:
        amount = Decimal(r.choice([300, 500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6500]))
        litres = (amount / price).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    else:
        litres = Decimal(r.randint(15000, 65000)).scaleb(-3)
        amount = _q(litres * price)
    total = amount
    extra = None
    if r.random() < 0.15:
        extra = (r.choice(["ENGINE OIL 1L", "CAR WASH", "WIPER FLUID"]), Decimal(r.choice([300, 450, 850])))
        total = amount + extra[1]
    vat = _q(total * 16 / 116)

    lines: list[_Ln] = [_c(brand, bold=True, scale=r.uniform(1.5, 2.1))]
    lines.append(_c(legal))
    lines.append(_c(r.choice([f"{brand.upper()} {cx.place.upper()}", f"{cx.place.upper()} SERVICE STATION"])))
    lines.append(_c(f"PIN: {pin}"))
    lines.append(_c(r.choice([f"TEL: {cx.phone()}", cx.box()])))
    lines.append(_rule(r.choice("-=*")))
    lines.append(_c(r.choice(["FUEL SALE", "TAX INVOICE", "SALES RECEIPT", "CASH SALE"]), bold=True))
    lines += [_t(f"RECEIPT NO: {r.randint(1000, 999999):06d}"), *cx.when()]
    pump = [_t("PUMP NO", str(r.randint(1, 12))), _t("NOZZLE", str(r.randint(1, 4)))]
    if r.random() < 0.5:
        pump = [_t(f"PUMP: {r.randint(1, 12)}", f"NOZZLE: {r.randint(1, 4)}")]
    lines += pump
    lines.append(_t("ATTENDANT", cx.person()))
    lines.append(_rule())
    lines.append(_t("PRODUCT", product) if r.random() < 0.5 else _t(product))
    lines.append(_t(r.choice(["PRICE/LTR", "UNIT PRICE", "PRICE PER LITRE"]), cx.m(price)))
    lines.append(
        _t(r.choice(["VOLUME (L)", "LITRES", "QTY (LTRS)"]), f"{litres:.3f}" if r.random() < 0.7 else f"{litres:.2f}")
    )
    label = r.choice(["AMOUNT", "AMOUNT", "SALE", "TOTAL", "AMOUNT KES"])
    if extra:
        lines += [_t("FUEL AMOUNT", cx.m(amount)), _t(extra[0], cx.m(extra[1])), _rule()]
        label = r.choice(["TOTAL", "TOTAL AMOUNT", "GRAND TOTAL"])
    lines += _total_line(cx, label, total)
    lines.append(_rule())
    lines.append(_t("VEHICLE REG", cx.reg()) if r.random() < 0.5 else _t(f"VEHICLE NO: {cx.reg()}"))
    if r.random() < 0.5:
        lines.append(_t("ODOMETER", str(r.randint(12000, 289000))))
    lines += [_t("NET AMOUNT", cx.m(total - vat)), _t("VAT 16%", cx.m(vat))]
    lines += _tender(cx, total)
    if r.random() < 0.4:
        lines.append(_t(r.choice(["LOYALTY PTS EARNED", "CLUB POINTS"]), str(int(litres))))
    lines += [_blank(), _c(r.choice(["THANK YOU. DRIVE SAFELY", "Thank you for fuelling with us", "KARIBU TENA"]))]
    lines += _kra_footer(cx, pin)
    return lines, total, spoken


# --------------------------------------------------------------------------- hardware

_HARDWARES = (
    "MWANANCHI HARDWARE",
    "JUJA BUILDERS HARDWARE",
    "KAMUKUNJI STEEL & HARDWARE",
    "TOP STEEL HARDWARE",
    "KIAMBU TIMBER & HARDWARE",
    "MAKUTI BUILDING SUPPLIES",
    "UMOJA HARDWARE STORES",
    "BAHATI HARDWARE & PAINTS",
)
_HARDWARE_ITEMS: tuple[tuple[str, int, str, bool], ...] = (
    ("BAMBURI CEMENT 50KG", 820, "A", False),
    ("SIMBA CEMENT 50KG", 780, "A", False),
    ("SAVANNAH CEMENT 50KG", 760, "A", False),
    ("IRON SHEET G30 3M", 980, "A", False),
    ("IRON SHEET G28 2.5M", 1050, "A", False),
    ("ROOFING NAILS KG", 280, "A", False),
    ('WIRE NAILS 4" KG', 220, "A", False),
    ('WIRE NAILS 3" KG', 230, "A", False),
    ("BINDING WIRE KG", 250, "A", False),
    ("Y12 STEEL BAR", 1150, "A", False),
    ("Y10 STEEL BAR", 850, "A", False),
    ("TIMBER 2X4 (FT)", 60, "A", False),
    ('PVC PIPE 1/2" 6M', 350, "A", False),
    ("CROWN PAINT 4L WHITE", 2800, "A", False),
    ("TILE ADHESIVE 20KG", 950, "A", False),
    ("PADLOCK SOLEX 60MM", 450, "A", False),
    ('BUTT HINGES 4" PAIR', 120, "A", False),
    ("RIVER SAND (TONNE)", 2500, "A", False),
    ("BALLAST (TONNE)", 2200, "A", False),
)


def _hardware(cx: _Ctx) -> _Doc:
    r = cx.rnd
    shop = cx.merchant_from(_HARDWARES)
    spoken = shop.title()
    cx.set_time(7, 18)
    pin = cx.pin()
    items = []
    for name, base, _, _ in r.sample(_HARDWARE_ITEMS, r.randint(2, 6)):
        price = Decimal(round(base * r.uniform(0.92, 1.1) / 10) * 10)
        if "KG" in name:
            qty = Decimal(r.choice([1, 2, 2.5, 3, 5, 10])).quantize(Decimal("0.1"))
        elif "(FT)" in name:
            qty = Decimal(r.choice([48, 60, 96, 120, 200]))
        elif "TONNE" in name:
            qty = Decimal(r.choice([1, 2, 3, 7]))
        else:
            qty = Decimal(r.choice([1, 2, 4, 5, 10, 12, 20, 25]))
        items.append((name, qty, price))
    transport = Decimal(r.choice([500, 800, 1000, 1500, 2000])) if r.random() < 0.35 else Decimal(0)
    goods = sum((_q(q * p) for _, q, p in items), Decimal(0))
    vat_added = r.random() < 0.35
    subtotal = goods + transport
    vat = _q(subtotal * Decimal("0.16")) if vat_added else _q(subtotal * 16 / 116)
    total = subtotal + vat if vat_added else subtotal

    lines: list[_Ln] = [_c(shop, bold=True, scale=r.uniform(1.1, 1.5))]
    lines.append(_c(r.choice(["& GENERAL SUPPLIES", "DEALERS IN BUILDING MATERIALS", "WHOLESALE & RETAIL"])))
    lines.append(_c(f"{cx.place.upper()}, {cx.box()}"))
    lines.append(_c(f"TEL: {cx.phone()} / {cx.phone()}"))
    lines.append(_c(f"PIN: {pin}"))
    lines.append(_rule("="))
    lines.append(_c(r.choice(["CASH SALE", "TAX INVOICE", "DELIVERY / CASH SALE"]), bold=True))
    lines.append(_t(f"NO. {r.randint(1000, 99999):05d}", r.choice(["", f"LPO: {r.randint(100, 9999)}"])))
    lines += cx.when()
    lines.append(_t(f"CUSTOMER: {cx.full_name()}"))
    if r.random() < 0.4:
        lines.append(_t(f"SITE: {r.choice(_PLACES).upper()}", f"TEL {cx.phone()}"))
    lines.append(_rule())
    three_col = r.random() < 0.5
    if three_col:
        lines.append(_t("QTY ITEM", "AMOUNT", mid="PRICE"))
    for name, qty, price in items:
        qty_s = f"{qty.normalize():f}"
        amount = _q(qty * price)
        if three_col:
            lines.append(_t(f"{qty_s} {name}", cx.m(amount), mid=cx.m(price), cut=True))
        else:
            lines.append(_t(name, cut=True))
            lines.append(_t(f"   {qty_s} x {cx.m(price)}", cx.m(amount)))
    if transport:
        lines.append(_t(r.choice(["TRANSPORT", "DELIVERY CHARGES"]), cx.m(transport)))
    lines.append(_rule())
    if vat_added:
        lines += [_t("SUB TOTAL", cx.m(subtotal)), _t("VAT 16%", cx.m(vat))]
        label = r.choice(["TOTAL", "GRAND TOTAL", "TOTAL AMOUNT", "AMOUNT DUE"])
    else:
        if r.random() < 0.5:
            lines.append(_t("SUBTOTAL", cx.m(subtotal)))
        label = r.choice(["TOTAL", "GRAND TOTAL", "TOTAL AMOUNT", "NET TOTAL", "AMOUNT DUE"])
    lines += _total_line(cx, label, total)
    if not vat_added:
        lines.append(_t("VAT 16% INCL.", cx.m(vat)))
    lines.append(_rule())
    if total == int(total) and r.random() < 0.4:
        paybill = r.choice(["247247", "522522", "400200", "303030"])
        lines += [
            _t(f"PAID VIA PAYBILL {paybill}", cx.m(total)),
            _t(f"ACC NO: {r.randint(1000000, 99999999)}"),
            _t(f"REF: {cx.mpesa_code()}"),
        ]
    else:
        lines += _tender(cx, total)
    lines += [_blank(), _t("SERVED BY: " + cx.person()), _t("RECEIVED BY: ____________")]
    lines.append(_c("Goods once sold cannot be returned"))
    lines += _kra_footer(cx, pin)
    return lines, total, spoken


# --------------------------------------------------------------------------- restaurants

_RESTAURANTS: tuple[tuple[str, str, bool], ...] = (
    ("Java House", "JAVA HOUSE", True),
    ("Artcaffe", "ARTCAFFE", True),
    ("Kilimanjaro Jamia", "KILIMANJARO JAMIA RESTAURANT", False),
    ("Mama Oliech", "MAMA OLIECH RESTAURANT", False),
    ("Kenchic", "KENCHIC INN", False),
    ("Nyama Mama", "NYAMA MAMA", True),
    ("Kosewe", "KOSEWE RANALO FOODS", False),
    ("Mama Ngina Grill", "MAMA NGINA GRILL & BAR", False),
    ("Choma Zone", "CHOMA ZONE BAR & RESTAURANT", False),
)
_CAFE_FOOD: tuple[tuple[str, int, str, bool], ...] = (
    ("CAPPUCCINO", 380, "A", False),
    ("MASALA CHAI", 300, "A", False),
    ("AMERICANO", 320, "A", False),
    ("CHICKEN TIKKA WRAP", 950, "A", False),
    ("FULL BREAKFAST", 1150, "A", False),
    ("AVOCADO TOAST", 750, "A", False),
    ("BEEF BURGER & FRIES", 1250, "A", False),
    ("FRESH PASSION JUICE", 400, "A", False),
    ("CHOCOLATE BROWNIE", 350, "A", False),
    ("MINERAL WATER 500ML", 150, "A", False),
)
_LOCAL_FOOD: tuple[tuple[str, int, str, bool], ...] = (
    ("NYAMA CHOMA GOAT 1KG", 1400, "A", False),
    ("UGALI", 100, "A", False),
    ("KACHUMBARI", 100, "A", False),
    ("SUKUMA WIKI", 100, "A", False),
    ("CHAPATI", 50, "A", False),
    ("PILAU BEEF", 350, "A", False),
    ("CHICKEN BIRYANI", 650, "A", False),
    ("WHOLE TILAPIA FRY", 900, "A", False),
    ("MATUMBO", 300, "A", False),
    ("CHIPS MASALA", 350, "A", False),
    ("1/4 CHICKEN & CHIPS", 450, "A", False),
    ("TUSKER LAGER 500ML", 300, "A", False),
    ("SODA 500ML", 100, "A", False),
    ("TEA", 80, "A", False),
)


def _restaurant(cx: _Ctx) -> _Doc:
    r = cx.rnd
    spoken, brand, cafe = cx.merchant_from(_RESTAURANTS)
    cx.set_time(11, 22)
    pin = cx.pin()
    items = _choose_items(cx, _CAFE_FOOD if cafe else _LOCAL_FOOD, 2, 8, max_qty=4)
    food = sum((_q(q * p) for _, q, p, _, _ in items), Decimal(0))
    service_rate = r.choice([0, 0, 5, 10]) if cafe else r.choice([0, 0, 0, 5])
    service = _q(food * service_rate / 100)
    levy = _q(food * 2 / 100) if r.random() < 0.35 else Decimal(0)
    bill = food + service + levy
    tip = Decimal(0)
    tip_style = r.choice(["none", "none", "blank", "added"])
    if tip_style == "added":
        tip = Decimal(r.choice([50, 100, 150, 200, 300, 500]))
    total = bill + tip

    lines: list[_Ln] = [_c(brand, bold=True, scale=r.uniform(1.3, 1.9), tall=r.random() < 0.25)]
    lines.append(_c(r.choice([f"{cx.place.upper()} BRANCH", f"{cx.place} Mall", cx.place.upper()])))
    lines.append(_c(f"Tel: {cx.phone()}"))
    lines.append(_c(f"PIN: {pin}"))
    lines.append(_rule())
    lines.append(_c(r.choice(["BILL", "GUEST CHECK", "RECEIPT", "TAX INVOICE"]), bold=True))
    lines.append(_t(f"TABLE: {r.randint(1, 40)}", f"GUESTS: {r.randint(1, 6)}"))
    lines.append(_t(f"WAITER: {cx.person()}", f"ORDER #{r.randint(100, 9999)}"))
    lines += cx.when()
    lines.append(_rule())
    for name, qty, price, _, _ in items:
        if r.random() < 0.5:
            lines.append(_t(f"{int(qty)} {name}", cx.m(_q(qty * price)), cut=True))
        else:
            lines.append(
                _t(f"{int(qty)} x {name}", cx.m(_q(qty * price)), mid=cx.m(price) if cx.cols >= 44 else "", cut=True)
            )
    lines.append(_rule())
    if service or levy or r.random() < 0.6:
        lines.append(_t(r.choice(["SUBTOTAL", "SUB TOTAL", "FOOD & BEVERAGE"]), cx.m(food)))
    if service:
        lines.append(_t(f"SERVICE CHARGE {service_rate}%", cx.m(service)))
    if levy:
        lines.append(_t(r.choice(["CATERING LEVY 2%", "TOURISM LEVY 2%"]), cx.m(levy)))
    if tip_style == "added":
        lines.append(_t(r.choice(["BILL TOTAL", "TOTAL BILL", "CHECK TOTAL"]), cx.m(bill)))
        lines.append(_t(r.choice(["TIP", "GRATUITY", "Tip"]), cx.m(tip)))
        lines += _total_line(cx, r.choice(["TOTAL PAID", "AMOUNT PAID", "GRAND TOTAL"]), total)
    else:
        lines += _total_line(cx, r.choice(["TOTAL", "TOTAL", "AMOUNT DUE", "BILL TOTAL", "Amount"]), total)
    lines.append(_t("VAT 16% INCLUSIVE", cx.m(_q(food * 16 / 116))))
    lines.append(_rule())
    lines += _tender(cx, total)
    if tip_style == "blank":
        lines += [_blank(), _t("TIP: ......................"), _t("SIGN: ....................")]
    lines += [
        _blank(),
        _c(r.choice(["Thank you! Come again", "ASANTE SANA, KARIBU TENA", "We hope you enjoyed your meal"])),
    ]
    if r.random() < 0.4:
        lines.append(_c(f"WiFi: {brand.split()[0].title()}Guest  pw: karibu{r.randint(10, 99)}"))
    lines += _kra_footer(cx, pin)
    return lines, total, spoken


# --------------------------------------------------------------------------- pharmacies

_PHARMACIES: tuple[tuple[str, str], ...] = (
    ("Goodlife", "GOODLIFE PHARMACY"),
    ("Haltons", "HALTONS PHARMACY"),
    ("Pharmaplus", "PHARMAPLUS PHARMACY"),
    ("Afya Bora Chemist", "AFYA BORA CHEMIST"),
    ("Mediplus Chemist", "MEDIPLUS CHEMIST LTD"),
    ("Tiba Pharmacy", "TIBA PHARMACY"),
)
_MEDICINES: tuple[tuple[str, int, str, bool], ...] = (
    ("PANADOL EXTRA TABS 10S", 90, "E", False),
    ("AMOXIL 500MG CAPS X21", 450, "E", False),
    ("CETRIZINE 10MG TABS X10", 100, "E", False),
    ("ORS SACHETS X4", 60, "E", False),
    ("DETTOL ANTISEPTIC 250ML", 320, "A", False),
    ("VITAMIN C 1000MG X20", 850, "A", False),
    ("ZINC TABS 20MG X10", 120, "E", False),
    ("MARA MOJA TABS 2S", 20, "E", False),
    ("GOFEN 400 CAPS X10", 300, "E", False),
    ("CIPROFLOXACIN 500MG X10", 350, "E", False),
    ("METFORMIN 500MG X30", 280, "E", False),
    ("SURGICAL MASKS X10", 100, "A", False),
    ("STREPSILS LOZENGES 24S", 480, "E", False),
    ("BETADINE SOLUTION 100ML", 450, "E", False),
    ("VASELINE PETROLEUM JELLY", 220, "A", False),
    ("SANITARY PADS ALWAYS", 150, "A", False),
    ("GRABACIN POWDER", 250, "E", False),
    ("COTTON WOOL 100G", 130, "A", False),
)


def _pharmacy(cx: _Ctx) -> _Doc:
    r = cx.rnd
    spoken, brand = cx.merchant_from(_PHARMACIES)
    cx.set_time(8, 21)
    pin = cx.pin()
    items = _choose_items(cx, _MEDICINES, 1, 6, max_qty=3)
    by_code: dict[str, Decimal] = {}
    for _, qty, price, code, _ in items:
        by_code[code] = by_code.get(code, Decimal(0)) + _q(qty * price)
    consult = Decimal(r.choice([200, 300, 500])) if r.random() < 0.15 else Decimal(0)
    if consult:
        by_code["E"] = by_code.get("E", Decimal(0)) + consult
    total = sum(by_code.values(), Decimal(0))

    lines: list[_Ln] = [_c(brand, bold=True, scale=r.uniform(1.2, 1.7))]
    lines.append(_c(r.choice([f"{cx.place.upper()} BRANCH", f"{cx.place} Mall, Ground Floor", cx.place.upper()])))
    lines.append(_c(f"Tel: {cx.phone()}"))
    lines.append(_c(f"KRA PIN: {pin}"))
    lines.append(_c(f"PPB REG NO: PPB/{r.choice('BCDR')}/{r.randint(1000, 9999)}"))
    lines.append(_rule())
    lines.append(_c(r.choice(["CASH SALE", "SALES RECEIPT", "TAX INVOICE"]), bold=True))
    lines.append(_t(f"RCPT: {r.choice(['GL', 'RX', 'CS'])}{r.randint(100000, 999999)}"))
    lines += cx.when()
    if r.random() < 0.5:
        lines.append(_t(f"PATIENT: {cx.full_name()}"))
    if r.random() < 0.3:
        lines.append(_t(f"RX NO: {r.randint(1000, 99999)}", f"DR. {r.choice(_LAST).upper()}"))
    lines.append(_rule())
    for name, qty, price, code, _ in items:
        lines.append(_t(name, cut=True))
        lines.append(_t(f"   {int(qty)} x {cx.m(price)}", f"{cx.m(_q(qty * price))} {code}"))
        if r.random() < 0.35:
            batch = f"{r.choice('ABKMT')}{r.randint(1000, 99999)}"
            lines.append(_t(f"   BATCH {batch} EXP {r.randint(1, 12):02d}/{r.randint(2027, 2029)}"))
    if consult:
        lines.append(_t("CONSULTATION FEE", f"{cx.m(consult)} E"))
    lines.append(_rule())
    label = r.choice(["TOTAL", "NET TOTAL", "TOTAL KES", "AMOUNT DUE", "TOTAL AMOUNT"])
    lines += _total_line(cx, label, total)
    lines += _vat_lines(cx, by_code)
    lines.append(_rule())
    lines += _tender(cx, total)
    if r.random() < 0.4:
        lines += [_t("POINTS EARNED", str(int(total // 50))), _t("MEMBER NO", str(r.randint(10**7, 10**8)))]
    lines += [_blank(), _c("Get well soon!"), _c("Medicines once sold cannot be returned")]
    lines += _kra_footer(cx, pin)
    return lines, total, spoken


# --------------------------------------------------------------------------- Lipa na M-PESA slips

_TILL_SHOPS = (
    "Baraka Butchery",
    "Mama Njeri Groceries",
    "Wanjiku Cereals",
    "Kamau Electricals",
    "Otieno Fish Supplies",
    "Blessed Salon",
    "Jirani Wines & Spirits",
    "Kiptoo Agrovet",
    "Neema Boutique",
    "Mwalimu Stationers",
    "Sifa Mobile Accessories",
    "Achieng Fresh Produce",
)


def _till(cx: _Ctx) -> _Doc:
    r = cx.rnd
    shop = cx.merchant_from(_TILL_SHOPS)
    hour, minute = r.randint(6, 21), r.randrange(60)
    cx.time_s = _time_text(hour, minute, r.randrange(60), r.randrange(4))
    amount = Decimal(r.choice([r.randint(5, 80) * 10, r.randint(2, 160) * 50, r.randint(60, 4000)]))
    code = cx.mpesa_code()
    till_no = r.randint(100000, 9999999)
    variant = r.randrange(3)
    lines: list[_Ln]
    if variant == 0:  # the merchant's printed slip
        lines = [_c("LIPA NA M-PESA", bold=True, scale=r.uniform(1.3, 1.7)), _c("BUY GOODS AND SERVICES")]
        lines += [_rule(), _t("TILL NUMBER", str(till_no)), _t("MERCHANT", shop.upper())]
        if r.random() < 0.5:
            lines.append(_t("LOCATION", cx.place.upper()))
        lines += [_rule(), _t("TRANSACTION ID", code), *cx.when()]
        lines.append(_t("PAID BY", f"{cx.full_name().split()[0]} 07{r.randint(0, 99):02d}***{r.randint(100, 999)}"))
        lines.append(_t("PHONE", f"2547{r.randint(10, 99)}XXX{r.randint(100, 999)}"))
        lines += _total_line(cx, r.choice(["Amount", "AMOUNT", "AMOUNT PAID", "Amount:"]), amount)
        lines += [
            _t("TRANSACTION COST", cx.m(Decimal(0))),
            _rule(),
            _c("THANK YOU"),
            _c(f"Call {cx.phone()} for orders"),
        ]
    elif variant == 1:  # a printed confirmation message
        bal = _q(Decimal(r.randint(100, 60000)) + Decimal(r.randint(0, 99)) / 100)
        limit = _q(Decimal(500000) - amount - r.randint(0, 20000))
        d = cx.day
        h12 = hour % 12 or 12
        when = f"{d.day}/{d.month}/{d.year % 100} at {h12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
        body = (
            f"{code} Confirmed. Ksh{_fmt(amount)} paid to {shop.upper()}. on {when}.New M-PESA balance is "
            f"Ksh{_fmt(bal)}. Transaction cost, Ksh0.00. Amount you can transact within the day is "
            f"{_fmt(limit)}. Save frequent Tills for quick payment on M-PESA app."
        )
        cx.date_s = f"{d.day}/{d.month}/{d.year % 100}"
        lines = []
        if r.random() < 0.5:  # the shop printed the customer's message under its own name
            lines += [_c(shop.upper(), bold=True, scale=r.uniform(1.1, 1.4)), _c(f"TILL NO. {till_no}"), _rule()]
        lines += [_c("M-PESA", bold=True, scale=r.uniform(1.2, 1.6)), _c("MPESA  >  Inbox"), _rule(), _blank()]
        lines += [_wrap(body, scale=0.8), _blank(), _rule(), _c(r.choice(["Thank you", "Lipa na M-PESA", "Asante"]))]
    else:  # a business app's payment-received receipt
        lines = [_c(shop.upper(), bold=True, scale=r.uniform(1.1, 1.5)), _c(f"TILL NO. {till_no}"), _rule()]
        lines += [_c("PAYMENT RECEIVED", bold=True), _c(cx.total_text(amount), bold=True, scale=1.6), _rule()]
        lines += [_t("From", cx.full_name()), _t("Phone", f"07{r.randint(0, 99):02d}***{r.randint(100, 999)}")]
        lines += [_t("M-PESA Ref", code), _t("Date", f"{cx.date_s}, {cx.time_s}")]
        lines += [_t("Account balance", cx.m(Decimal(r.randint(1000, 90000)))), _rule(), _c("Lipa na M-PESA")]
    return lines, amount, shop


_BUILDERS: dict[str, Callable[[_Ctx], _Doc]] = {
    "supermarket": _supermarket,
    "fuel": _fuel,
    "hardware": _hardware,
    "till": _till,
    "restaurant": _restaurant,
    "pharmacy": _pharmacy,
}


# --------------------------------------------------------------------------- rendering


@lru_cache(maxsize=256)
def _font(family: str, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / _FONTS[family][int(bold)]), size)


def _fit(text: str, font: ImageFont.FreeTypeFont, room: float) -> str:
    while text and font.getlength(text) > room:
        text = text[:-1]
    return text.rstrip()


def _wrap_words(text: str, font: ImageFont.FreeTypeFont, room: float) -> list[str]:
    out: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.getlength(trial) <= room or not line:
            line = trial
        else:
            out.append(line)
            line = word
    return [*out, line] if line else out


def _strips(ln: _Ln, family: str, size: float, width: int, margin: int, lead: float) -> list[Image.Image]:
    """One line of the receipt as horizontal strips of paper ('L', white 255, ink 0)."""
    usable = width - 2 * margin
    px = max(9, round(size * ln.scale))
    font = _font(family, ln.bold, px)
    ascent, descent = font.getmetrics()
    height = round((ascent + descent) * lead)
    base = round((height - ascent - descent) / 2) + ascent
    if ln.align == "blank":
        return [Image.new("L", (width, round(height * ln.scale)), 255)]
    if ln.align == "qr":
        matrix = np.array(segno.make(ln.left, error="l", mask=len(ln.left) % 8).matrix, dtype=bool)
        cell = max(2, int(usable * 0.32 / matrix.shape[0]))
        code = Image.fromarray(np.where(matrix, 0, 255).astype(np.uint8)).resize(
            (matrix.shape[1] * cell, matrix.shape[0] * cell), Image.Resampling.NEAREST
        )
        strip = Image.new("L", (width, code.height + height), 255)
        strip.paste(code, ((width - code.width) // 2, height // 2))
        return [strip]
    if ln.align == "bars":
        rng = random.Random(ln.left)
        strip = Image.new("L", (width, round(height * 2.2)), 255)
        draw = ImageDraw.Draw(strip)
        x = margin + usable * 0.15
        unit = max(1.5, usable / 260)
        while x < margin + usable * 0.85:
            w = unit * rng.choice([1, 1, 2, 3])
            draw.rectangle([round(x), height * 0.2, round(x + w) - 1, height * 2.0], fill=0)
            x += w + unit * rng.choice([1, 1, 2, 3])
        return [strip]
    if ln.align in ("wrap", "wrapc"):
        out = []
        for part in _wrap_words(ln.left, font, usable):
            sub = _Ln(part, align="c" if ln.align == "wrapc" else "lr", bold=ln.bold, scale=ln.scale, cut=True)
            out += _strips(sub, family, size, width, margin, lead)
        return out
    strip = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(strip)
    if ln.align == "rule":
        n = int(usable / font.getlength(ln.left))
        draw.text((width / 2, base), ln.left * n, font=font, fill=0, anchor="ms")
    elif ln.align == "c":
        while font.getlength(ln.left) > usable and px > 9:
            px -= 1
            font = _font(family, ln.bold, px)
        draw.text((width / 2, base), ln.left, font=font, fill=0, anchor="ms")
    else:
        gap = font.getlength("  ")
        right_edge = width - margin
        mid_x = margin + usable * 0.68
        limit = right_edge - font.getlength(ln.right) - gap if ln.right else right_edge
        if ln.mid:
            limit = min(limit, mid_x - font.getlength(ln.mid) - gap)
        if not ln.cut and font.getlength(ln.left) > limit - margin:
            if ln.scale > 1.0:  # a big line: make it a little smaller
                smaller = replace(ln, scale=max(1.0, ln.scale - 0.1))
                return _strips(smaller, family, size, width, margin, lead)
            if ln.left and (ln.right or ln.mid):  # break: the label on one line, the values on the next
                first = replace(ln, right="", mid="", tall=False)
                second = replace(ln, left="")
                return [
                    *_strips(first, family, size, width, margin, lead),
                    *_strips(second, family, size, width, margin, lead),
                ]
            return _strips(replace(ln, align="wrap"), family, size, width, margin, lead)
        if ln.mid:
            draw.text((mid_x, base), ln.mid, font=font, fill=0, anchor="rs")
        draw.text((margin, base), _fit(ln.left, font, limit - margin), font=font, fill=0, anchor="ls")
        if ln.right:
            draw.text((right_edge, base), ln.right, font=font, fill=0, anchor="rs")
    if ln.tall:
        strip = strip.resize((width, height * 2), Image.Resampling.BICUBIC)
    return [strip]


def _render(lines: list[_Ln], family: str, width: int, cols: int, rnd: random.Random) -> Image.Image:
    margin = round(width * rnd.uniform(0.035, 0.065))
    size = (width - 2 * margin) / (cols * _ADVANCE[family])
    lead = rnd.uniform(1.0, 1.15)
    strips = [s for ln in lines for s in _strips(ln, family, size, width, margin, lead)]
    top = round(width * rnd.uniform(0.04, 0.08))
    paper = Image.new("L", (width, sum(s.height for s in strips) + 2 * top), 255)
    y = top
    for s in strips:
        paper.paste(s, (0, y))
        y += s.height
    return paper


# --------------------------------------------------------------------------- phone-photo degradation

_BACKGROUNDS = (
    (140, 100, 62),  # wooden counter
    (92, 62, 40),  # dark wood
    (120, 121, 126),  # grey counter
    (48, 66, 104),  # blue cloth
    (38, 38, 41),  # black table
    (188, 174, 150),  # beige desk
    (62, 92, 72),  # green table cloth
)
_SMALL = 4  # smooth fields (background, shadow, light) are computed at 1/_SMALL scale and enlarged


def _smooth_noise(rng: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """Low-frequency noise in about [-1, 1], shape (h, w)."""
    gh, gw = max(2, h * cells // max(h, w)), max(2, w * cells // max(h, w))
    small = Image.fromarray(rng.standard_normal((gh, gw)).astype(np.float32))
    return np.asarray(small.resize((w, h), Image.Resampling.BICUBIC), dtype=np.float32)


def _background(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """A table top at small scale: base colour, blotches and sometimes wood grain, (h, w, 3) float."""
    base = np.array(_BACKGROUNDS[rng.integers(len(_BACKGROUNDS))], dtype=np.float32)
    out = base + _smooth_noise(rng, h, w, 6)[..., None] * 14
    if rng.random() < 0.5:
        x = np.arange(w, dtype=np.float32)[None, :]
        warp = _smooth_noise(rng, h, w, 4) * 6
        out = out + (np.sin((x + warp) / rng.uniform(1.5, 4.5)) * 9)[..., None]
    return out


def _homography(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> np.ndarray:
    """3x3 matrix taking the four src points to the four dst points."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return np.append(np.linalg.solve(np.array(rows), np.array(rhs)), 1.0).reshape(3, 3)


@lru_cache(maxsize=8)
def _lut(ink: float, white: float, tint: tuple[float, float, float]) -> list[int]:
    """Per-band lookup table mapping paper grey (0 ink .. 255 paper) to faded, tinted print."""
    return [min(255, round((ink + (white - ink) * v / 255) * t * 255)) for t in tint for v in range(256)]


def _photograph(paper: Image.Image, rng: np.random.Generator, target_w: int) -> Image.Image:
    """Turn a clean paper scan into something like a phone photo of it (before JPEG)."""
    pw, ph = paper.size
    # Geometry: rotate the paper onto a table, tilt the phone a little, crop loosely, scale to target_w.
    th = math.radians(rng.triangular(-7, 0, 7))  # mostly small, now and then up to 7 degrees
    cos, sin = math.cos(th), math.sin(th)
    sw, sh = pw * abs(cos) + ph * abs(sin), pw * abs(sin) + ph * abs(cos)
    mx, my = (sw * rng.uniform(0.05, 0.14) for _ in range(2))
    cw, ch = sw + 2 * mx, sh + 2 * my
    to_origin = np.array([[1, 0, -pw / 2], [0, 1, -ph / 2], [0, 0, 1]])
    rotate = np.array([[cos, -sin, 0], [sin, cos, 0], [0, 0, 1]])
    to_canvas = np.array([[1, 0, cw / 2], [0, 1, ch / 2], [0, 0, 1]])
    place = to_canvas @ rotate @ to_origin  # paper -> table canvas
    corners = [(0.0, 0.0), (cw, 0.0), (cw, ch), (0.0, ch)]
    tilt = np.eye(3)
    if rng.random() < 0.75:
        jx, jy = 0.35 * mx, 0.35 * my
        tilt = _homography(corners, [(x + rng.uniform(-jx, jx), y + rng.uniform(-jy, jy)) for x, y in corners])
    left, right = (mx * rng.uniform(0.0, 0.5) for _ in range(2))
    top, bottom = (my * rng.uniform(0.0, 0.5) for _ in range(2))
    k = target_w / (cw - left - right)
    out_h = round((ch - top - bottom) * k)
    crop = np.array([[1 / k, 0, left], [0, 1 / k, top], [0, 0, 1]])  # output pixel -> canvas
    out_to_paper = np.linalg.inv(place) @ tilt @ crop
    out_to_paper /= out_to_paper[2, 2]
    coeffs = [float(c) for c in out_to_paper.flatten()[:8]]
    grey = paper.transform(
        (target_w, out_h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR, fillcolor=255
    )
    # Focus blur, scaled to the image width.
    blur = rng.uniform(0.45, 1.5) * target_w / 1000
    grey = grey.filter(ImageFilter.GaussianBlur(blur))

    # Where the paper lies, and its shadow on the table (the smooth fields are made small and enlarged).
    paper_to_out = np.linalg.inv(out_to_paper)
    sw_, sh_ = -(-target_w // _SMALL), -(-out_h // _SMALL)
    outline = []
    for x, y in [(0, 0), (pw, 0), (pw, ph), (0, ph)]:
        u, v, w = paper_to_out @ np.array([x, y, 1.0])
        outline.append((u / w / _SMALL, v / w / _SMALL))
    mask = Image.new("L", (target_w, out_h), 0)
    ImageDraw.Draw(mask).polygon([(u * _SMALL, v * _SMALL) for u, v in outline], fill=255)
    mask = mask.filter(ImageFilter.BoxBlur(max(0.5, blur)))
    off = target_w * rng.uniform(0.004, 0.012) / _SMALL
    shadow_small = Image.new("L", (sw_, sh_), 0)
    ImageDraw.Draw(shadow_small).polygon([(u + off, v + off) for u, v in outline], fill=255)
    shadow = np.asarray(shadow_small.filter(ImageFilter.GaussianBlur(target_w * 0.01 / _SMALL)), np.float32) / 255
    table = _background(rng, sh_, sw_) * (1 - rng.uniform(0.25, 0.5) * shadow)[..., None]
    table_img = Image.fromarray(table.clip(0, 255).astype(np.uint8)).resize((target_w, out_h), Image.Resampling.BICUBIC)

    # Faded thermal ink on slightly tinted paper, low contrast, laid on the table.
    ink, white = round(rng.uniform(0.06, 0.30), 2), round(rng.uniform(0.82, 0.97), 2)
    tint = ((1.0, 0.985, 0.95), (0.97, 0.985, 1.0), (1.0, 1.0, 1.0))[rng.integers(3)]
    printed = grey.convert("RGB").point(_lut(ink, white, tint))
    photo = Image.composite(printed, table_img, mask)

    # Uneven light: a gradient across the frame, sometimes a soft dark blob (a hand or the phone).
    yy = np.linspace(0, 1, sh_, dtype=np.float32)[:, None]
    xx = np.linspace(0, 1, sw_, dtype=np.float32)[None, :]
    ang = rng.uniform(0, 2 * math.pi)
    proj = (xx - 0.5) * math.cos(ang) + (yy - 0.5) * math.sin(ang)
    proj = (proj - proj.min()) / (proj.max() - proj.min())
    light = 1 - rng.uniform(0.15, 0.42) * proj ** rng.uniform(0.8, 2.0)
    if rng.random() < 0.4:
        cy, cx, rad = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.15, 0.35)
        dist = ((xx - cx) ** 2 + ((yy - cy) * out_h / target_w) ** 2) / rad**2
        light = light * (1 - rng.uniform(0.1, 0.25) * np.exp(-dist))
    light_img = Image.fromarray((light * 255).clip(0, 255).astype(np.uint8)).resize(
        (target_w, out_h), Image.Resampling.BILINEAR
    )
    photo = ImageChops.multiply(photo, Image.merge("RGB", [light_img] * 3))
    exposure, contrast = rng.uniform(0.95, 1.1), rng.uniform(0.8, 0.95)
    photo = photo.point([max(0, min(255, round((128 + (v - 128) * contrast) * exposure))) for v in range(256)] * 3)

    # Sensor noise: luminance plus a little colour noise (a 256-px tile laid over the frame).
    sigma = rng.uniform(3, 9)
    tile = rng.standard_normal((256, 256, 1), dtype=np.float32) + 0.35 * rng.standard_normal(
        (256, 256, 3), dtype=np.float32
    )
    noise_tile = Image.fromarray((64 + sigma * tile).clip(0, 255).astype(np.uint8))
    noise = Image.new("RGB", (target_w, out_h))
    shift = rng.integers(0, 256, size=2)
    for y in range(-int(shift[1]), out_h, 256):
        for x in range(-int(shift[0]), target_w, 256):
            noise.paste(noise_tile, (x, y))
    return ImageChops.add(photo, noise, scale=1.0, offset=-64)


# --------------------------------------------------------------------------- the set


def _plan(rnd: random.Random, count: int) -> list[tuple[str, bool]]:
    """Kinds in proportion to _KIND_WEIGHTS; half degraded, balanced within each kind; shuffled."""
    total_w = sum(_KIND_WEIGHTS.values())
    quotas = {k: count * w // total_w for k, w in _KIND_WEIGHTS.items()}
    by_remainder = sorted(_KIND_WEIGHTS, key=lambda k: -(count * _KIND_WEIGHTS[k] % total_w))
    for k in by_remainder[: count - sum(quotas.values())]:
        quotas[k] += 1
    kinds = [k for k in _KIND_WEIGHTS for _ in range(quotas[k])]
    first = rnd.random() < 0.5
    plan = [(k, (i % 2 == 0) == first) for i, k in enumerate(kinds)]
    rnd.shuffle(plan)
    return plan


def _one(index: int, kind: str, degraded: bool, sub_seed: int, slot: int, set_seed: int) -> HeldoutReceipt:
    rnd = random.Random(sub_seed)
    rng = np.random.default_rng(sub_seed)
    day = FIRST_DAY + timedelta(days=rnd.randrange((LAST_DAY - FIRST_DAY).days + 1))
    width = rnd.randint(600, 1200)
    paper_w = round(width / rnd.uniform(1.25, 1.45)) if degraded else width
    family = rnd.choices(["mono", "sans", "serif"], weights=[55, 30, 15])[0]
    # Keep characters at least ~13 px wide in the final image so a person can read them comfortably.
    max_cols = int(paper_w * 0.9 / 13)
    cols = max(30, min(rnd.randint(32, 46), max_cols))
    cx = _Ctx(rnd, day, cols, slot, set_seed)
    lines, total, merchant = _BUILDERS[kind](cx)
    paper = _render(lines, family, paper_w, cols, rnd)

    buf = io.BytesIO()
    if degraded:
        _photograph(paper, rng, width).save(buf, "JPEG", quality=int(rng.integers(35, 71)))
        content_type = "image/jpeg"
    elif rnd.random() < 0.5:
        paper.save(buf, "PNG", compress_level=3)
        content_type = "image/png"
    else:
        paper.convert("RGB").save(buf, "JPEG", quality=rnd.randint(88, 95))
        content_type = "image/jpeg"
    return HeldoutReceipt(
        name=f"{kind}-{index:02d}-{'degraded' if degraded else 'clean'}",
        image=buf.getvalue(),
        content_type=content_type,
        total=_q(total),
        day=day,
        merchant=merchant,
        kind=kind,
        degraded=degraded,
    )


def heldout_receipts(seed: int = 7, count: int = 60) -> list[HeldoutReceipt]:
    """`count` receipts (half clean, half phone-photo degraded), the same for the same seed."""
    rnd = random.Random(seed)
    seeds = np.random.default_rng(seed).integers(0, 2**32, size=count)
    out: list[HeldoutReceipt] = []
    seen: dict[str, int] = {}
    for i, (kind, degraded) in enumerate(_plan(rnd, count)):
        slot = seen[kind] = seen.get(kind, -1) + 1
        out.append(_one(i + 1, kind, degraded, int(seeds[i]), slot, seed))
    return out


def _write(folder: Path, seed: int = 7, count: int = 60) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "truths.jsonl").open("w", encoding="utf-8") as out:
        for rec in heldout_receipts(seed, count):
            file = f"{rec.name}.{'png' if rec.content_type == 'image/png' else 'jpg'}"
            (folder / file).write_bytes(rec.image)
            row = {
                "name": rec.name,
                "file": file,
                "content_type": rec.content_type,
                "total": str(rec.total),
                "day": rec.day.isoformat(),
                "merchant": rec.merchant,
                "kind": rec.kind,
                "degraded": rec.degraded,
            }
            out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m bench.receipt_heldout OUT_DIR [SEED] [COUNT]")
    _write(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:4]))
