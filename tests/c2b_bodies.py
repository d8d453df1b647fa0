"""C2B confirmation bodies for tests, built on the shared real fixture (../shared/fixtures/mpesa_daraja)."""

import json
from typing import Any

from tests.conftest import SHARED

C2B = json.loads((SHARED / "fixtures" / "mpesa_daraja" / "c2b_validation_confirmation.json").read_text())


def unsure_payment(trans_id: str, when: str = "20261122101500", amount: str = "4000.00") -> dict[str, Any]:
    """Ksh 4,000 from "DAN KIPRONO" with no invoice reference: a match KAVI must ask the owner about."""
    return {
        **C2B["confirmation_real_2025_hashed_msisdn"],
        "TransAmount": amount,
        "BillRefNumber": "goods",
        "FirstName": "DAN",
        "MiddleName": "",
        "LastName": "KIPRONO",
        "TransID": trans_id,
        "TransTime": when,
    }
