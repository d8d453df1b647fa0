"""The parser's readings beyond the contract: customers' numbers and balances, supplier deliveries,
credit notes and business settings — and what must not be mistaken for them."""

import pytest

from conversations.understand import understand
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Jane's number is 0711 222 333", "add_customer", {"name": "Jane", "phone": "+254711222333"}),
        ("namba ya Mama Njeri ni 0722000111", "add_customer", {"name": "Mama Njeri", "phone": "+254722000111"}),
        ("how much does Otieno owe me?", "customer_info", {"customer": "Otieno"}),
        ("Juma anadaiwa ngapi", "customer_info", {"customer": "Juma"}),
        ("statement for Jane Achieng", "customer_info", {"customer": "Jane Achieng"}),
        ("Bidco delivered late", "supplier_delivery", {"supplier": "Bidco", "kind": "late"}),
        ("Unga Ltd delivered on time", "supplier_delivery", {"supplier": "Unga Ltd", "kind": "on_time"}),
        ("Bidco wamechelewa tena", "supplier_delivery", {"supplier": "Bidco", "kind": "late"}),
        ("dispute with Bidco", "supplier_delivery", {"supplier": "Bidco", "kind": "dispute"}),
        ("cancel invoice 7", "cancel_invoice", {"invoice": "INV-0007"}),
        ("credit note INV-0003 1,000", "cancel_invoice", {"invoice": "INV-0003", "amount": "1000"}),
        ("our paybill number is 522533", "business_settings", {"paybill": "522533"}),
        ("till no 832910", "business_settings", {"till": "832910"}),
        ("KRA pin: p051234567x", "business_settings", {"kra_pin": "P051234567X"}),
        ("all invoices due in 30 days", "business_settings", {"due_days": 30}),
    ],
)
def test_readings(text: str, intent: str, slots: dict[str, object]) -> None:
    found = understand(text, TODAY)
    assert (found.name, found.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("invoice Zawadi 7,500 due in 7 days", "create_invoice"),
        ("paid 1500 to paybill 888880", "record_expense"),
        ("cancel that", "undo"),
        ("Jane paid 2000 for INV-0003", "record_payment"),
        ("I delivered late", "unknown"),
    ],
)
def test_not_mistaken(text: str, intent: str) -> None:
    assert understand(text, TODAY).name == intent
