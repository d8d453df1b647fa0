"""eTIMS tax classes (KRA code list 04) and VAT on an invoice line."""

from decimal import ROUND_HALF_UP, Decimal

from finance.money import CENT, ZERO, D

# Code -> (name, rate in percent). B is the standard 16% VAT.
TAX_CLASSES: dict[str, tuple[str, Decimal]] = {
    "A": ("Exempt", ZERO),
    "B": ("VAT 16%", D(16)),
    "C": ("Zero Rated", ZERO),
    "D": ("Non VAT", ZERO),
    "E": ("VAT 8%", D(8)),
}
STANDARD_VAT = "B"


def tax_on(net: Decimal, tax_class: str | None) -> Decimal:
    """VAT on a net (VAT-exclusive) amount, to the cent."""
    if not tax_class:
        return ZERO
    rate = TAX_CLASSES[tax_class][1]
    return (net * rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)
