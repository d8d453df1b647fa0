"""M-PESA statements as CSV (the personal statement and the business portal's export): rows with
their receipt, time, money in or out, and who paid (name, phone, account typed) when it says."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from finance.money import CENT, ZERO, D, MoneyError
from finance.phones import e164

EAT = ZoneInfo("Africa/Nairobi")
MAX_ROWS = 20000
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M:%S")
# "Funds received from - 0712****78 JOHN OTIENO", "Pay Bill from 254712345678 - JANE ACHIENG Acc. INV-0001"
_FROM_RE = re.compile(r"(?i)\b(?:from|to)\b\s*-?\s*(?P<phone>\+?[\d*]{9,13})?\s*-?\s*(?P<name>[A-Za-z][A-Za-z .'&-]*)")
_ACCOUNT_RE = re.compile(r"(?i)\bacc(?:ount)?\.?\s*(?:no\.?)?\s*[:#]?\s*(?P<account>[\w-]+)")
_CHARGE_RE = re.compile(r"(?i)\bcharge\b")


class StatementError(ValueError):
    pass


@dataclass(frozen=True)
class StatementRow:
    receipt: str
    at: datetime
    details: str
    paid_in: Decimal
    withdrawn: Decimal
    payer_name: str = ""
    payer_phone: str = ""
    account: str = ""

    @property
    def is_charge(self) -> bool:
        return bool(_CHARGE_RE.search(self.details))


def _key(header: str) -> str:
    return re.sub(r"[^a-z/]", "", header.lower())


def _money(text: str) -> Decimal:
    cleaned = text.replace(",", "").replace("Ksh", "").replace("KES", "").strip().lstrip("-")
    if not cleaned:
        return ZERO
    try:
        return D(cleaned).quantize(CENT)
    except MoneyError as exc:
        raise StatementError(f"not an amount: {text!r}") from exc


def _time(text: str) -> datetime:
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).replace(tzinfo=EAT)
        except ValueError:
            continue
    raise StatementError(f"not a time: {text!r}")


def _party(details: str, other_party: str) -> tuple[str, str]:
    source = other_party or details
    m = (
        _FROM_RE.search(source)
        if not other_party
        else re.match(r"\s*(?P<phone>\+?[\d*]{9,13})?\s*-?\s*(?P<name>.*)", source)
    )
    if not m:
        return "", ""
    phone = m.group("phone") or ""
    name = " ".join((m.group("name") or "").split())
    name = _ACCOUNT_RE.split(name)[0].strip() if name else ""
    return name[:120], (e164(phone) or "") if "*" not in phone else ""


def read_statement(data: bytes | str) -> list[StatementRow]:
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    # Exports often start with a title block: the table begins at the line naming the receipt column.
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if "receipt" in line.lower()), None)
    if start is None:
        raise StatementError("no 'Receipt No.' column")
    reader = csv.DictReader(io.StringIO("\n".join(lines[start:])))
    columns = {_key(h): h for h in reader.fieldnames or []}
    needed = {"receiptno": "Receipt No.", "completiontime": "Completion Time", "details": "Details"}
    missing = [label for key, label in needed.items() if key not in columns]
    if missing or ("paidin" not in columns and "withdrawn" not in columns):
        raise StatementError("missing column(s): " + ", ".join(missing or ["Paid In / Withdrawn"]))
    rows: list[StatementRow] = []
    for number, raw in enumerate(reader, start=start + 2):
        if len(rows) >= MAX_ROWS:
            raise StatementError(f"more than {MAX_ROWS} rows")
        row = {key: str(raw.get(header, "") or "").strip() for key, header in columns.items()}
        get = row.get
        receipt = (get("receiptno") or "").upper()
        if not receipt:
            continue
        status = get("transactionstatus") or ""
        if status and status.lower() != "completed":
            continue
        try:
            details = get("details") or ""
            name, phone = _party(details, get("otherpartyinfo") or "")
            account = get("a/cno") or ((m := _ACCOUNT_RE.search(details)) and m.group("account")) or ""
            rows.append(
                StatementRow(
                    receipt=receipt[:30],
                    at=_time(get("completiontime") or ""),
                    details=details[:300],
                    paid_in=_money(get("paidin") or ""),
                    withdrawn=_money(get("withdrawn") or ""),
                    payer_name=name,
                    payer_phone=phone,
                    account=str(account)[:60],
                )
            )
        except StatementError as exc:
            raise StatementError(f"line {number}: {exc}") from exc
    if not rows:
        raise StatementError("no completed transactions")
    return rows
