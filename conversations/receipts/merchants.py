"""Who the receipt is from: a chain KAVI knows (matched loosely, OCR garbles names), else the first line
that reads as a name. What kind of shop it is guesses the expense's category."""

import re

from rapidfuzz import fuzz, process

# name as people say it -> (what it is printed as, the category its receipts usually are)
KNOWN: dict[str, tuple[tuple[str, ...], str]] = {
    "Naivas": (("NAIVAS",), "stock"),
    "Quickmart": (("QUICKMART", "QUICK MART"), "stock"),
    "Carrefour": (("CARREFOUR",), "stock"),
    "Chandarana": (("CHANDARANA",), "stock"),
    "Magunas": (("MAGUNAS",), "stock"),
    "Cleanshelf": (("CLEANSHELF", "CLEAN SHELF"), "stock"),
    "Tuskys": (("TUSKYS", "TUSKER MATTRESSES"), "stock"),
    "Eastmatt": (("EASTMATT",), "stock"),
    "Jazaribu": (("JAZARIBU",), "stock"),
    "Rubis": (("RUBIS",), "transport"),
    "TotalEnergies": (("TOTALENERGIES", "TOTAL ENERGIES"), "transport"),
    "Shell": (("SHELL", "VIVO ENERGY"), "transport"),
    "Ola Energy": (("OLA ENERGY", "OLA"), "transport"),
    "National Oil": (("NATIONAL OIL", "NOCK"), "transport"),
    "Astrol": (("ASTROL",), "transport"),
    "Kenol": (("KENOL", "KOBIL"), "transport"),
    "Gulf Energy": (("GULF ENERGY",), "transport"),
    "Safaricom": (("SAFARICOM",), "airtime"),
    "Kenya Power": (("KENYA POWER", "KPLC"), "utilities"),
    "Java House": (("JAVA HOUSE",), "meals"),
    "KFC": (("KFC",), "meals"),
    "Artcaffe": (("ARTCAFFE",), "meals"),
    "Goodlife Pharmacy": (("GOODLIFE",), "supplies"),
}
# Words in the shop's own name or its lines that say what was bought.
_KIND_WORDS = (
    (r"PETROL|DIESEL|FUEL|SERVICE STATION|PUMP|LITRES?\b|\bLTRS?\b|/L\b|ENERGY\b|\bOIL\b", "transport"),
    (r"HARDWARE|CEMENT|IRON SHEETS?|NAILS|TIMBER|PAINT|PLUMBING|STEEL", "supplies"),
    (r"PHARMACY|CHEMIST|CLINIC", "supplies"),
    (r"RESTAURANT|HOTEL|CAFE|CAFFE|EATERY|KITCHEN|BUTCHERY|CHIPS|SERVICE CHARGE|WAITER|TABLE NO", "meals"),
    (r"SUPERMARKET|MINIMART|MINI MART|WHOLESALE|DUKA|STORES\b|SHOP\b|GROCER", "stock"),
    (r"AIRTIME|BUNDLES?\b", "airtime"),
    (r"STATIONERY|PRINTING|CYBER", "supplies"),
)
_BOILERPLATE = re.compile(
    r"P\.?\s*O\.?\s*BOX|\bPIN\b|\bTEL\b|PHONE|\bDATE\b|RECEIPT|INVOICE|\bCASH SALE\b|WELCOME|KARIBU|VAT|"
    r"GUEST|\bTABLE\b|BUY GOODS|GOODS AND SERVICES|PAYMENT|THANK|ASANTE|SERVED|CASHIER|INBOX|\bORDER\b|"
    r"TILL|PAYBILL|LIPA NA|M-?PESA|CONFIRMED|STREET|\bRD\b|ROAD|AVENUE|BRANCH|WWW\.|@|\bTAX\b|COPY|\d{3,}"
)
_CUT = 75  # rapidfuzz score for a garbled known name ("NAIVA5", "QUICKMAKT")


def find_merchant(lines: list[str]) -> tuple[str | None, str | None]:
    """The merchant's name and the category its kind of shop suggests (None when nothing says)."""
    head = [line.strip() for line in lines[:8] if line.strip()]
    known = _known(head[:4])  # a chain's name heads its receipt; a town further down may look like one
    if known is not None:
        return known, KNOWN[known][1]
    name = next((_tidy(line) for line in head if _looks_like_name(line)), None)
    return name, guess_category(lines)


def guess_category(lines: list[str]) -> str | None:
    text = " ".join(lines).upper()
    return next((category for pattern, category in _KIND_WORDS if re.search(pattern, text)), None)


def _known(head: list[str]) -> str | None:
    printed = {alias: name for name, (aliases, _) in KNOWN.items() for alias in aliases}
    for line in head:
        found = _best_known(line, printed)
        if found is not None:
            return found
    return None


def _best_known(line: str, printed: dict[str, str]) -> str | None:
    """The known name this line matches best, if any matches well enough."""
    scored: list[tuple[float, str]] = []
    words = re.sub(r"[^A-Z0-9 ]", " ", line.upper()).split()
    # Each alias against the line's runs of words of the same length: "NAIVAS LTD KITENGELA".
    for alias, name in printed.items():
        size = len(alias.split())
        runs = [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]
        runs = [run for run in runs if abs(len(run) - len(alias)) <= 1]  # "NAIVASHA" the town is not Naivas
        best = process.extractOne(alias, runs, scorer=fuzz.ratio)
        # Short names only exactly ("KFC", "SHELL" is not "SHELF"), one letter off in a 6-7 letter one.
        cut = 100 if len(alias) <= 5 else 83 if len(alias) <= 7 else _CUT
        if best is not None and best[1] >= cut:
            scored.append((best[1], name))
    return max(scored)[1] if scored else None


def _looks_like_name(line: str) -> bool:
    letters = sum(c.isalpha() for c in line)
    words = [w for w in re.findall(r"[A-Za-z']+", line)]
    # OCR noise reads as many short fragments ("Cee Es Eer Tee"); a name has a word of four letters or more.
    if not words or max(len(w) for w in words) < 4 or sum(len(w) for w in words) / len(words) < 3.5:
        return False
    return letters >= 0.6 * len(line.replace(" ", "")) and not _BOILERPLATE.search(line.upper())


def _tidy(line: str) -> str:
    words = re.sub(r"[^\w&' -]", " ", line).split()
    return " ".join(w if (len(w) <= 3 and w.isupper() and w not in ("THE", "AND")) else w.title() for w in words)[:80]
