"""Each business's live entries summed per day, kind and category. On PostgreSQL a trigger on
`transaction` keeps it (inserts, edits, undos, deletes), so a month's summary or the balance reads a
few hundred days instead of a million entries; on SQLite it stays empty and summaries read entries."""

from datetime import date

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel


class DailyTotal(SQLModel, table=True):
    business_id: int = Field(foreign_key="business.id", primary_key=True)
    day: date = Field(primary_key=True)
    kind: str = Field(primary_key=True, max_length=10)
    category: str = Field(primary_key=True, max_length=32)
    cents: int = Field(default=0, sa_type=BigInteger)
    entries: int = Field(default=0)
