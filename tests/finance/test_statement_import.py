"""M-PESA statements: read from CSV, imported once, money in reconciled against invoices."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from conversations.messages import Attachment, IncomingMessage
from finance.models import Invoice, Payment, Transaction
from finance.mpesa.statement import StatementError, read_statement
from tests.chat import ChatTester
from tests.test_cli import _run

STATEMENT = Path(__file__).parent.parent / "data" / "mpesa_statement.csv"


def test_rows_are_read_with_payer_and_charges() -> None:
    rows = read_statement(STATEMENT.read_bytes())
    assert [r.receipt for r in rows] == ["TKM1AB2CD3", "TKM1AB2CD4", "TKM1AB2CD4", "TKM1AB2CD5", "TKM1AB2CD7"]
    jane = rows[0]
    assert (jane.paid_in, jane.payer_name, jane.payer_phone) == (Decimal("5000.00"), "JANE ACHIENG", "+254798123456")
    assert jane.at.isoformat() == "2026-11-20T09:12:44+03:00"
    assert rows[1].withdrawn == Decimal(1500) and rows[1].account == "54400012345" and not rows[1].is_charge
    assert rows[2].is_charge and rows[2].withdrawn == Decimal(23)
    assert rows[3].payer_phone == "" and rows[3].payer_name == "PETER KAMAU"  # a masked number is no phone


@pytest.mark.parametrize(
    "text",
    ["", "hello,world\n1,2\n", "Receipt No.,Completion Time,Details,Paid In\nX1,yesterday,stuff,10\n"],
)
def test_what_is_not_a_statement_is_refused(text: str) -> None:
    with pytest.raises(StatementError):
        read_statement(text)


def test_statement_sent_in_chat_is_imported_and_matched(chat: ChatTester, engine: Engine) -> None:
    chat.onboard()
    chat.say("add customer Jane Achieng 0798123456")
    chat.today = date(2026, 11, 18)  # invoiced before the statement's payment came in
    chat.say("invoice Jane 5000")
    message = IncomingMessage(
        channel=chat.channel,
        sender=chat.sender,
        attachments=(Attachment("document", "text/csv", STATEMENT.read_bytes(), "statement.csv"),),
        external_id="statement-1",
    )
    [reply] = chat.pipeline.handle(message)
    assert "Statement read: 5 rows. 5 new entries (2 in, 3 out), 0 already recorded." in reply.text
    assert "1 payment(s) matched to invoices" in reply.text
    again = IncomingMessage(**{**message.__dict__, "external_id": "statement-2"})
    [second] = chat.pipeline.handle(again)
    assert "0 new entries" in second.text and "5 already recorded" in second.text
    with Session(engine) as session:
        assert session.exec(select(Invoice.status)).one() == "paid"
        assert len(session.exec(select(Payment)).all()) == 2
        fee = session.exec(select(Transaction).where(Transaction.reference == "TKM1AB2CD4-FEE")).one()
        assert fee.category == "fees" and fee.amount_cents == 2300


def test_import_command_with_progress(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/k.db"
    assert _run(["chat", "--script", "/dev/stdin"], db, stdin="Wanjiru Hardware\n").returncode == 0
    result = _run(["import", "mpesa-statement", str(STATEMENT)], db)
    assert result.returncode == 0, result.stderr
    assert "5 rows: 2 money in, 3 money out, 0 already recorded" in result.stdout
    assert "Importing" in result.stderr
    assert (
        "0 money in, 0 money out, 5 already recorded" in _run(["import", "mpesa-statement", str(STATEMENT)], db).stdout
    )
    bad = _run(["import", "mpesa-statement", str(tmp_path / "none.csv")], db)
    assert bad.returncode == 2 and "no such file" in bad.stderr
    stranger = _run(["import", "mpesa-statement", str(STATEMENT), "--user", "nobody"], db)
    assert stranger.returncode == 2 and "no business for 'nobody'" in stranger.stderr
