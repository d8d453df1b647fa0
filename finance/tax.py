"""eTIMS tax classes (KRA code list 04) and VAT on an invoice line."""

from decimal import ROUND_HALF_UP, Decimal

# Code -> (name, rate in percent). B is the standard 16% VAT.
TAX_CLASSES: dict[str, tuple[str, Decimal]] = {
    "A": ("Exempt", Decimal(0)),
    "B": ("VAT 16%", Decimal(16)),
    "C": ("Zero Rated", Decimal(0)),
    "D": ("Non VAT", Decimal(0)),
    "E": ("VAT 8%", Decimal(8)),
}
STANDARD_VAT = "B"


def tax_on(net: Decimal, tax_class: str | None) -> Decimal:
    """VAT on a net (VAT-exclusive) amount, to the cent."""
    if not tax_class:
        return Decimal(0)
    rate = TAX_CLASSES[tax_class][1]
    return (net * rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
