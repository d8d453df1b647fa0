"""The reconciliation engine on labelled sets from the shared generator, scored by the shared scorer."""

import csv
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from finance.clock import NAIROBI
from finance.reconciliation.engine import reconcile
from finance.reconciliation.model import IncomingPayment, OpenInvoice
from finance.reconciliation.signals import invoice_number_in, name_key, normal_phone, phone_hashes
from tests.conftest import SHARED

KAVI = str(Path(sys.executable).parent / "kavi")
EVAL = SHARED / "eval" / "reconciliation"


def _score(truth: Path, matches: Path) -> dict[str, float]:
    out = (
        subprocess.run(
            [sys.executable, str(EVAL / "score.py"), str(truth), str(matches)],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    # "auto precision 99.94%  auto recall 88.60%  auto+suggest recall 99.28%"
    parts = out.replace("%", "").split()
    return {"precision": float(parts[2]), "recall": float(parts[5]), "cover": float(parts[8])}


@pytest.mark.parametrize("seed", [1, 4])
def test_kavi_reconcile_meets_the_targets_on_generated_sets(tmp_path: Path, seed: int) -> None:
    subprocess.run(
        [sys.executable, str(EVAL / "make_set.py"), str(tmp_path), "--seed", str(seed), "--invoices", "1500"],
        check=True,
        capture_output=True,
    )
    matches = tmp_path / "matches.csv"
    result = subprocess.run(
        [KAVI, "reconcile", str(tmp_path / "invoices.csv"), str(tmp_path / "payments.csv"), "--out", str(matches)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "payments:" in result.stderr
    score = _score(tmp_path / "truth.csv", matches)
    assert score["precision"] >= 99.5 and score["recall"] >= 85 and score["cover"] >= 97, score
    rows = list(csv.DictReader(matches.open()))
    assert set(rows[0]) == {"payment_id", "invoice_number", "amount_applied", "confidence", "decision"}
    payments = {r["id"] for r in csv.DictReader((tmp_path / "payments.csv").open())}
    assert {r["payment_id"] for r in rows} == payments  # every payment answered, unmatched ones too
    assert all(0 <= int(r["confidence"]) <= 100 for r in rows)


def test_bad_files_get_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "invoices.csv"
    bad.write_text("number,total\nINV-1,100\n")
    payments = tmp_path / "payments.csv"
    payments.write_text("id,received_at,amount,payer_name,payer_phone,reference,channel\n")
    result = subprocess.run([KAVI, "reconcile", str(bad), str(payments)], capture_output=True, text=True)
    assert result.returncode == 2 and "missing columns" in result.stderr and "Traceback" not in result.stderr
    missing = subprocess.run(
        [KAVI, "reconcile", str(tmp_path / "nope.csv"), str(payments)], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr


def _invoice(number: str, name: str, phone: str, total: int, issued: date = date(2026, 3, 1)) -> OpenInvoice:
    return OpenInvoice(number, name, phone, issued, issued.replace(day=15), Decimal(total))


def _payment(pid: str, amount: int, **kw: str) -> IncomingPayment:
    return IncomingPayment(pid, datetime(2026, 3, 10, 9, tzinfo=NAIROBI), Decimal(amount), **kw)


def test_typed_invoice_numbers_with_the_usual_typos() -> None:
    for typed in ("INV-0012", "inv 12", "INV0012", "Inv-12", "12", "INV-0012 John", "invoice no. 12"):
        assert invoice_number_in(typed) == 12, typed
    for junk in ("goods", "", "0712345678", "payment for stock"):
        assert invoice_number_in(junk) is None, junk


def test_signals() -> None:
    assert name_key("Otieno  john") == name_key("JOHN OTIENO") == "JOHN OTIENO"
    assert normal_phone("0712 345 678") == normal_phone("254712345678") == "+254712345678"
    assert normal_phone("goods") is None
    import hashlib

    assert hashlib.sha256(b"254712345678").hexdigest() in phone_hashes("+254712345678")


def test_decisions_and_reasons() -> None:
    invoices = [
        _invoice("INV-0001", "Jane Achieng", "+254798123456", 5000),
        _invoice("INV-0002", "Jane Achieng", "+254798123456", 3000),
        _invoice("INV-0003", "Otieno Hardware", "+254711000111", 12000),
    ]
    payments = [
        _payment("P1", 5000, payer_name="ACHIENG JANE", payer_phone="+254798123456", reference="goods"),
        _payment("P2", 6000, payer_name="OTIENO HARDWARE", reference="INV-3"),
        _payment("P3", 6000, payer_name="SOMEONE ELSE", reference="inv 3"),
        _payment("P4", 999, payer_name="NOBODY KNOWN"),
    ]
    p1, p2, p3, p4 = reconcile(invoices, payments)
    assert (p1.decision, p1.allocations[0].invoice_number) == ("auto", "INV-0001")
    assert "payer's phone" in p1.reason and "INV-0001" in p1.reason
    # Two instalments named by number: the second finds what the first left.
    assert (p2.decision, p2.allocations[0].amount) == ("auto", Decimal(6000))
    assert (p3.decision, p3.allocations[0].invoice_number) == ("auto", "INV-0003")
    assert p4.decision == "none" and p4.allocations[0].invoice_number is None


def test_remembered_answers_make_the_next_match_automatic() -> None:
    invoices = [_invoice("INV-0007", "Wanjiku Salon", "+254722000333", 4000)]
    stranger = _payment("P9", 4000, payer_name="MARY WANJIRU", payer_phone="+254700999888")
    assert reconcile(invoices, [stranger])[0].decision != "auto"
    learned = {name_key("MARY WANJIRU"): name_key("Wanjiku Salon")}
    decision = reconcile(invoices, [stranger], learned=learned)[0]
    assert decision.decision == "auto" and "confirmed" in decision.reason
