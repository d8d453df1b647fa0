"""A report of any period as a file: the statement PDF, or the entries as CSV or XLSX."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from finance.documents.spreadsheets import count_rows, rows, to_csv, to_xlsx
from finance.documents.statement_pdf import statement_pdf
from finance.models import Business, Member

FORMATS = ("pdf", "csv", "xlsx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Export:
    data: bytes
    filename: str
    content_type: str
    entries: int


def export(
    session: Session,
    *,
    actor: Member,
    business: Business,
    fmt: str,
    start: date,
    end: date,
    progress: Callable[[int], None] | None = None,
) -> Export:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    count = count_rows(session, actor=actor, start=start, end=end)
    name = f"kavi-{start.isoformat()}-{end.isoformat()}.{fmt}"
    if fmt == "pdf":
        data = statement_pdf(session, actor=actor, business=business, start=start, end=end).pdf
        if progress:
            progress(count)
    elif fmt == "csv":
        data = to_csv(rows(session, actor=actor, start=start, end=end), progress)
    else:
        data = to_xlsx(rows(session, actor=actor, start=start, end=end), f"{start} to {end}", progress)
    return Export(data, name, CONTENT_TYPES[fmt], count)
