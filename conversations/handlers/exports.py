"""export_report: the statement PDF, or the entries as CSV or XLSX, for any period, sent as a document."""

from datetime import date

from conversations.contract import END, START, IntentSpec, Slot
from conversations.display import period
from conversations.intents import Intent
from conversations.kpi_words import kpi_lines
from conversations.messages import Media, Reply
from conversations.registry import EVERYONE, Help, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.documents.exports import FORMATS, export


def export_report(turn: Turn, intent: Intent) -> Reply:
    slots = intent.slots
    fmt = str(slots.get("format") or "pdf")
    fmt = fmt if fmt in FORMATS else "pdf"
    start = date.fromisoformat(str(slots["start"])) if "start" in slots else turn.today.replace(day=1)
    end = date.fromisoformat(str(slots["end"])) if "end" in slots else turn.today
    when = period(start, end, turn.today, turn.lang)
    made = export(turn.session, actor=turn.member, business=turn.business, fmt=fmt, start=start, end=end)
    if made.entries == 0:
        return Reply(t("export_nothing", turn.lang, period=when))
    key = "export_statement" if fmt == "pdf" else "export_entries"
    text = t(key, turn.lang, period=when, count=made.entries, format=fmt.upper())
    if fmt == "pdf":
        text = "\n".join([text, *kpi_lines(turn)])
    return Reply(text, document=Media(made.content_type, made.filename, made.data))


declare(
    "export_report",
    export_report,
    roles=EVERYONE,
    says=("send me a report for {period}",),
    spec=IntentSpec(
        "Export a report.",
        {"format": Slot("string", "File format.", FORMATS), "start": START, "end": END},
    ),
    help=Help(
        46,
        '• Reports: "send me last month\'s report as pdf", "export this month to excel"',
        '• Ripoti: "nitumie ripoti ya mwezi uliopita pdf"',
    ),
)
