"""Which amount on a receipt was paid: the line that says so ("TOTAL", "AMOUNT DUE", "JUMLA"), checked
against what else the receipt shows — cash less change, subtotal plus VAT, the items added up. A total
the receipt itself confirms is sure; one it contradicts, or none at all, is asked about."""

import re
from dataclasses import dataclass
from decimal import Decimal

from conversations.receipts.amounts import amounts_in

# Strongest first. Each is a whole-word pattern on the upper-cased line.
_TOTAL_WORDS = (
    (r"GRAND\s*TOTAL", 6),
    (r"TOTAL\s*(?:AMOUNT\s*)?(?:DUE|PAYABLE|PAID)|AMOUNT\s*(?:DUE|PAYABLE)|BALANCE\s*DUE", 5),
    (r"(?<!SUB)(?<!SUB )(?<!NET )(?<!NET)TOTAL(?:\s*(?:KES|KSH|AMOUNT|SALE|INCL\.?\s*VAT))?|JUMLA(?:\s*KUU)?", 4),
    (r"NET\s*TOTAL", 3),
    (r"\b(?:AMOUNT|AMT|SALE|PAID|KIASI|CHARGED|PAYMENT RECEIVED|AMOUNT RECEIVED)\b", 2),
)
_NOT_TOTAL = re.compile(
    r"SUB\s*-?\s*TOTAL|TOTAL\s*(?:VAT|TAX|ITEMS?|QTY|QUANTITY|SAVINGS?|DISCOUNT|POINTS|UNITS|LITRES|PIECES)|"
    r"VATABLE|VAT\s*AMOUNT|TAX\s*AMOUNT|POINTS|SAVED|DISCOUNT|TENDERED|CHANGE|BALANCE\s*(?:B/?F|C/?F)|"
    r"\bPRICE\b|/L\b|PER\s*LITRE|BALANCE|TRANSACT|LIMIT|TRANSACTION COST|"
    # Before tax, or one part of the bill: not what was paid.
    r"NET\s*AMOUNT|EXCL|FUEL\s*AMOUNT|ITEMS?\s*AMOUNT"
)
_CASH = re.compile(r"\b(?:CASH|TENDERED|TENDER|PAID\s*CASH|AMOUNT\s*TENDERED)\b")
# Paid exactly, by phone or card: that tender is the total.
_EXACT = re.compile(r"^\W*(?:M-?PESA|CARD|VISA|MASTERCARD|PAID VIA \w+(?: \d+)?)\b(?!.*(?:REF|CODE|TILL))")
_CHANGE = re.compile(r"\b(?:CHANGE|CHENJI|BALANCE)\b")
_SUBTOTAL = re.compile(r"SUB\s*-?\s*TOTAL|NET\s*AMOUNT|TAXABLE|EXCL")
_VAT = re.compile(r"\bVAT\b|\bTAX\b")
_VOLUME = re.compile(r"\b(?:VOLUME|VOL|LITRES|LTRS|QTY)\b[^\d\n]{0,8}(\d{1,3}(?:\.\d{1,3})?)\b")
_PRICE = re.compile(r"\b(?:PRICE|RATE|UNIT PRICE)\b[^\d\n]{0,8}(\d{2,3}(?:\.\d{1,2})?)\b")
_ROUND = Decimal("1.00")
_CENT = Decimal("0.01")
# Digits blur, low contrast and JPEG turn into one another on a photographed receipt.
_CONFUSED = {"0": "68", "6": "05", "8": "03", "3": "8", "5": "6", "1": "7", "7": "1"}


@dataclass(frozen=True)
class Total:
    amount: Decimal | None
    # "confirmed": the receipt adds up to it; "printed": a total line says it, nothing contradicts it;
    # "guessed": no total line, or one the rest of the receipt disagrees with.
    certainty: str


def find_total(lines: list[str]) -> Total:
    candidates = _candidates(lines)
    checks = _checks(lines)
    if candidates:
        best_strength = max(strength for _, strength in candidates)
        best = [amount for amount, strength in candidates if strength == best_strength]
        # The strongest label wins; several lines with it (TOTAL then TOTAL KES) agree on the last one.
        chosen = best[-1]
        if _agrees(chosen, checks):
            return Total(chosen, "confirmed")
        agreed = [amount for amount, strength in candidates if _agrees(amount, checks) and strength == best_strength]
        if agreed:
            return Total(agreed[-1], "confirmed")
        repaired = _repaired(chosen, checks)
        if repaired is not None:
            return Total(repaired, "confirmed")
        contradicted = bool(checks) or _outweighed(chosen, lines)
        return Total(chosen, "guessed" if contradicted else "printed")
    if checks:
        return Total(max(checks), "guessed")
    # No label at all ("PAYMENT RECEIVED" then "3,335.00"): the largest price shown, to ask about.
    prices = [a for line in lines if not _NOT_TOTAL.search(line.upper()) for a, priced in amounts_in(line) if priced]
    return Total(max(prices) if prices else None, "guessed")


def _candidates(lines: list[str]) -> list[tuple[Decimal, int]]:
    found = []
    for n, line in enumerate(lines):
        upper = line.upper()
        if _NOT_TOTAL.search(upper):
            continue
        strength = next((s for pattern, s in _TOTAL_WORDS if re.search(pattern, upper)), 0)
        if not strength:
            continue
        amounts = [a for a, _ in amounts_in(line) if a > 0]
        if not amounts and n + 1 < len(lines):
            # The label on one line and its amount on the next, as narrow tills print it.
            amounts = [a for a, priced in amounts_in(lines[n + 1]) if priced and a > 0]
        if amounts:
            found.append((amounts[-1], strength))
    return found


def _outweighed(total: Decimal, lines: list[str]) -> bool:
    """A total smaller than a price on the receipt (other than what was tendered) is misread."""
    for line in lines:
        upper = line.upper()
        if _CASH.search(upper) or _CHANGE.search(upper) or _NOT_TOTAL.search(upper) or _EXACT.search(upper):
            continue
        if any(priced and amount > total for amount, priced in amounts_in(line)):
            return True
    return False


def _agrees(amount: Decimal, checks: dict[Decimal, Decimal]) -> bool:
    return any(abs(amount - check) <= within for check, within in checks.items())


def _repaired(amount: Decimal, checks: dict[Decimal, Decimal]) -> Decimal | None:
    """The printed total with one or two digits read as their look-alikes, when that makes it agree with
    what the receipt implies ("4,805.60" beside 27.1 L at 177.30 is 4,805.00)."""
    options = {f"{amount:.2f}"}
    for _ in range(2):  # one look-alike first, then two
        options = {o[:i] + c + o[i + 1 :] for o in options for i, d in enumerate(o) for c in _CONFUSED.get(d, "")}
        fits = {Decimal(o) for o in options if _agrees(Decimal(o), checks)}
        whole = {f for f in fits if f == f.to_integral_value()}  # a look-alike in the cents is most often 0
        if len(whole or fits) == 1:
            return next(iter(whole or fits))
        if fits:
            return None
    return None


def _checks(lines: list[str]) -> dict[Decimal, Decimal]:
    """Totals the receipt implies without saying, each with how far off it may be: tendered less change
    and subtotal plus VAT to the cent (VAT rounding: a shilling), litres times price to a shilling."""
    cash = _labelled(lines, _CASH)
    change = _labelled(lines, _CHANGE)
    subtotal = _labelled(lines, _SUBTOTAL)
    vat = _labelled(lines, _VAT)
    implied: dict[Decimal, Decimal] = {}
    if cash is not None and change is not None and cash > change:
        implied[(cash - change).quantize(_ROUND)] = _CENT
    exact = _labelled(lines, _EXACT)
    if exact is not None and (change is None or change == 0):
        implied[exact.quantize(_ROUND)] = _CENT
    if subtotal is not None and vat is not None:
        implied.setdefault((subtotal + vat).quantize(_ROUND), _CENT)
    text = "\n".join(lines).upper()
    volume, price = _VOLUME.search(text), _PRICE.search(text)
    if volume and price:
        # The pump rounds litres times price to the shilling.
        implied.setdefault((Decimal(volume.group(1)) * Decimal(price.group(1))).quantize(_ROUND), Decimal(1))
    return implied


def _labelled(lines: list[str], label: re.Pattern[str]) -> Decimal | None:
    for line in lines:
        upper = line.upper()
        if label.search(upper) and not (label is _VAT and re.search(r"VATABLE|EXCL|INCL", upper)):
            amounts = [a for a, priced in amounts_in(line) if priced]
            if amounts:
                return amounts[-1]
    return None
