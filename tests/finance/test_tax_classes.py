"""Our tax table agrees with the eTIMS code list in shared/fixtures."""

import json
from decimal import Decimal

from finance.tax import TAX_CLASSES, tax_on
from tests.conftest import SHARED


def test_tax_classes_match_the_etims_code_list() -> None:
    listed = json.loads((SHARED / "fixtures/etims/tax_types.json").read_text())
    codes = {k: v for k, v in listed.items() if k != "source"}
    assert set(codes) == set(TAX_CLASSES)
    for code, entry in codes.items():
        assert TAX_CLASSES[code][1] == Decimal(entry["rate"])
        assert TAX_CLASSES[code][0] == entry["name"]


def test_vat_is_rounded_to_the_cent() -> None:
    assert tax_on(Decimal("2250"), "B") == Decimal("360.00")
    assert tax_on(Decimal("0.99"), "B") == Decimal("0.16")
    assert tax_on(Decimal("1000"), "A") == 0
    assert tax_on(Decimal("1000"), None) == 0
