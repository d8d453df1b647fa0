"""The `kavi` command: chat, serve, understand, voice, db."""

import contextlib
import ipaddress
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.log_masking import configure as configure_logging

if TYPE_CHECKING:
    # Imported where used: SQLAlchemy and the settings take half a second to load, which commands
    # that need no database (`kavi reconcile`, `kavi understand`, `--help`) should not pay.
    from sqlalchemy.engine import Engine

    from bot.settings import ChannelSettings

cli = typer.Typer(
    help="KAVI — a finance co-pilot for Kenyan small businesses.", no_args_is_help=True, add_completion=False
)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
telegram_cli = typer.Typer(help="The Telegram bot.", invoke_without_command=True)
cli.add_typer(telegram_cli, name="telegram")
import_cli = typer.Typer(help="Bring records in from files.", no_args_is_help=True)
cli.add_typer(import_cli, name="import")
voice_cli = typer.Typer(help="Voice notes: the speech models, and trying them on a file.", no_args_is_help=True)
cli.add_typer(voice_cli, name="voice")
data_cli = typer.Typer(
    help="People's data (Kenya Data Protection Act): export it, sweep due erasures.", no_args_is_help=True
)
cli.add_typer(data_cli, name="data")

TodayOption = Annotated[
    str | None, typer.Option("--today", help="Pretend today is this date (YYYY-MM-DD) for relative dates.")
]


def _today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-06-17", param_hint="--today") from None


def _ready_engine() -> "Engine":
    """The configured engine; a SQLite database is created and migrated on the spot."""
    from sqlalchemy.engine import make_url

    from finance.db import default_engine, migrate, normalise_url
    from finance.settings import finance_settings

    url = make_url(normalise_url(finance_settings().kavi_database_url))
    engine = default_engine()
    if url.get_backend_name() == "sqlite":
        migrate(engine)
    return engine


@cli.command()
def chat(
    script: Annotated[
        Path | None, typer.Option("--script", help="Read user lines from FILE, print the transcript.")
    ] = None,
    today: TodayOption = None,
    user: Annotated[str, typer.Option("--user", help="Who is typing (one business per user).")] = "owner",
) -> None:
    """Chat with KAVI in the terminal."""
    from bot.console import run_interactive, run_script
    from bot.pipeline import Pipeline
    from conversations.core import Conversation

    day = _today(today)
    pipeline = Pipeline(Conversation(_ready_engine(), today=(lambda: day) if day else None))
    if script is None:
        run_interactive(pipeline, user)
        return
    if not script.exists():
        raise typer.BadParameter(f"no such file: {script}", param_hint="--script")
    with script.open(encoding="utf-8") as lines:
        run_script(pipeline, lines, user, print)


@cli.command()
def understand(today: TodayOption = None) -> None:
    """Print the intent of each stdin line as JSON (plain text, or a JSON object with "text" and "today")."""
    from conversations.understand import understand as understand_text
    from finance.clock import today_in

    default_day = _today(today) or today_in()
    for line in sys.stdin:
        line = line.rstrip("\n")
        text, day = line, default_day
        if line.lstrip().startswith("{"):
            try:
                obj = json.loads(line)
                text = str(obj.get("text", ""))
                day = date.fromisoformat(obj["today"]) if obj.get("today") else default_day
            except (json.JSONDecodeError, ValueError, AttributeError):
                text = line
        print(json.dumps(understand_text(text, day).contract(), ensure_ascii=False), flush=False)
    sys.stdout.flush()


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (use PostgreSQL for more than one).")] = 1,
) -> None:
    """Run the web server: web chat on /, health on /health."""
    import uvicorn

    from webhooks.settings import WebSettings

    if not _is_loopback(host) and not WebSettings().kavi_web_token:
        typer.echo(
            f"Refusing to serve the web chat on {host} without KAVI_WEB_TOKEN: anyone could write "
            "to your books. Set KAVI_WEB_TOKEN, or serve on 127.0.0.1.",
            err=True,
        )
        raise typer.Exit(2)
    _ready_engine()
    configure_logging()
    typer.echo(f"KAVI is listening on http://{host}:{port}/")
    uvicorn.run("webhooks.asgi:app", host=host, port=port, workers=workers, log_level="info")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _telegram_settings() -> "ChannelSettings":
    from bot.settings import ChannelSettings

    settings = ChannelSettings()
    if not settings.telegram_enabled:
        typer.echo("Set TELEGRAM_BOT_TOKEN first (from @BotFather).", err=True)
        raise typer.Exit(2)
    return settings


@telegram_cli.callback()
def telegram(
    ctx: typer.Context,
    polling: Annotated[bool, typer.Option("--polling", help="Fetch updates by long polling (local use).")] = False,
) -> None:
    """Run the bot by polling, or manage its webhook."""
    if ctx.invoked_subcommand is not None:
        return
    if not polling:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
    from bot.telegram_polling import run_polling

    settings = _telegram_settings()
    configure_logging()
    run_polling(settings, _ready_engine())


@telegram_cli.command("set-webhook")
def telegram_set_webhook(url: Annotated[str, typer.Argument(help="Public URL of /telegram/webhook.")]) -> None:
    """Register the webhook with Telegram, with TELEGRAM_WEBHOOK_SECRET as its secret token."""
    import asyncio

    from bot.telegram_polling import set_webhook

    settings = _telegram_settings()
    if not settings.telegram_webhook_secret:
        typer.echo("Set TELEGRAM_WEBHOOK_SECRET too: without it anyone could post updates.", err=True)
        raise typer.Exit(2)
    asyncio.run(set_webhook(settings, url))
    typer.echo(f"Telegram will post updates to {url}")


@cli.command()
def reconcile(
    invoices: Annotated[Path, typer.Argument(help="INVOICES.csv (number, customer_name, ...).")],
    payments: Annotated[Path, typer.Argument(help="PAYMENTS.csv (id, received_at, amount, ...).")],
    out: Annotated[Path | None, typer.Option("--out", help="Write MATCHES.csv here instead of stdout.")] = None,
) -> None:
    """Match payments to open invoices (shared/contracts/reconciliation.md)."""
    from finance.reconciliation.csv_files import CsvError, read_invoices, read_payments, write_matches
    from finance.reconciliation.engine import reconcile as run

    for path in (invoices, payments):
        if not path.exists():
            raise typer.BadParameter(f"no such file: {path}")
    try:
        decisions = run(read_invoices(invoices), read_payments(payments))
    except CsvError as exc:
        typer.echo(f"kavi reconcile: {exc}", err=True)
        raise typer.Exit(2) from None
    if out is None:
        write_matches(decisions, sys.stdout)
    else:
        with out.open("w", newline="", encoding="utf-8") as handle:
            write_matches(decisions, handle)
    counts = {kind: sum(1 for d in decisions if d.decision == kind) for kind in ("auto", "suggest", "none")}
    typer.echo(
        f"{len(decisions)} payments: {counts['auto']} matched, {counts['suggest']} to confirm, "
        f"{counts['none']} unmatched",
        err=True,
    )


@import_cli.command("mpesa-statement")
def import_mpesa_statement(
    file: Annotated[Path, typer.Argument(help="The statement as CSV (personal or business portal export).")],
    user: Annotated[str, typer.Option("--user", help="Whose books (the `kavi chat --user` name).")] = "owner",
) -> None:
    """Record an M-PESA statement: money in is matched against open invoices, money out becomes expenses."""
    from finance.db import session_scope
    from finance.mpesa.statement import StatementError, read_statement
    from finance.services.members import current_membership, find_person
    from finance.services.statements import import_statement

    if not file.exists():
        raise typer.BadParameter(f"no such file: {file}")
    try:
        rows = read_statement(file.read_bytes())
    except StatementError as exc:
        typer.echo(f"kavi import: {file} is not an M-PESA statement: {exc}", err=True)
        raise typer.Exit(2) from None
    with session_scope(_ready_engine()) as session:
        person = find_person(session, channel="console", external_user_id=user)
        member = current_membership(session, person=person) if person else None
        if member is None:
            typer.echo(
                f"kavi import: no business for {user!r} yet; say hello with `kavi chat --user {user}` first", err=True
            )
            raise typer.Exit(2)
        with typer.progressbar(length=len(rows), label="Importing", file=sys.stderr) as bar:
            result = import_statement(session, actor=member, rows=rows, progress=bar.update)
    typer.echo(
        f"{result.rows} rows: {result.income} money in, {result.expenses} money out, {result.duplicates} already "
        f"recorded; {result.matched} payments matched to invoices, {result.suggested} to confirm in chat"
    )


@cli.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help="pdf (the statement), csv or xlsx (the entries).")] = "pdf",
    start: Annotated[str | None, typer.Option("--from", help="First day, e.g. 2026-11-01 (default: the 1st).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day (default: today).")] = None,
    user: Annotated[str, typer.Option("--user", help="Whose books (the `kavi chat --user` name).")] = "owner",
    out: Annotated[Path | None, typer.Option("--out", help="Where to write it (default: its own name here).")] = None,
) -> None:
    """Export a period's report: the statement PDF, or every entry as CSV or XLSX."""
    from finance.clock import today_in
    from finance.db import session_scope
    from finance.documents.exports import FORMATS, export
    from finance.documents.spreadsheets import count_rows
    from finance.models import Business
    from finance.services.members import current_membership, find_person

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    last = _today(end) or today_in("Africa/Nairobi")
    first = _today(start) or last.replace(day=1)
    if first > last:
        raise typer.BadParameter("--from is after --to", param_hint="--from")
    with session_scope(_ready_engine()) as session:
        person = find_person(session, channel="console", external_user_id=user)
        member = current_membership(session, person=person) if person else None
        if member is None:
            typer.echo(f"kavi export: no business for {user!r} yet; say hello with `kavi chat --user {user}`", err=True)
            raise typer.Exit(2)
        business = session.get(Business, member.business_id)
        assert business is not None  # a membership always has its business
        total = count_rows(session, actor=member, start=first, end=last)
        with typer.progressbar(length=max(total, 1), label="Exporting", file=sys.stderr) as bar:
            done = 0

            def advance(n: int) -> None:
                nonlocal done
                bar.update(n - done)
                done = n

            made = export(session, actor=member, business=business, fmt=fmt, start=first, end=last, progress=advance)
    target = out or Path(made.filename)
    target.write_bytes(made.data)
    typer.echo(f"{made.entries} entries, {first} to {last}: {target} ({len(made.data) // 1024 + 1} KB)")


@data_cli.command("export")
def data_export(
    person: Annotated[str | None, typer.Option("--person", help="Their phone (+2547…) or person id.")] = None,
    business: Annotated[int | None, typer.Option("--business", help="A business id: its whole books.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the ZIP.")] = None,
) -> None:
    """Write everything KAVI keeps about a person (or a business's books) as a ZIP, for a data request."""
    from sqlmodel import select

    from finance.db import session_scope
    from finance.documents.data_export import business_export, person_export
    from finance.models import Business, Person
    from finance.phones import e164

    if (person is None) == (business is None):
        raise typer.BadParameter("give one of --person or --business")
    with session_scope(_ready_engine()) as session:
        if person is not None:
            phone = e164(person)
            found = (
                session.exec(select(Person).where(Person.phone == phone)).first()
                if phone
                else session.get(Person, int(person))
                if person.isdigit()
                else None
            )
            if found is None:
                typer.echo(f"kavi data export: no person {person!r}", err=True)
                raise typer.Exit(2)
            data, name = person_export(session, person=found), f"kavi-person-{found.id}.zip"
        else:
            row = session.get(Business, business)
            if row is None:
                typer.echo(f"kavi data export: no business {business}", err=True)
                raise typer.Exit(2)
            data, name = business_export(session, business=row), f"kavi-business-{row.id}.zip"
    target = out or Path(name)
    target.write_bytes(data)
    typer.echo(f"{target} ({len(data) // 1024 + 1} KB)")


@data_cli.command("sweep")
def data_sweep() -> None:
    """Erase what is due now (deletions past their grace), expired media and old message texts."""
    from bot.erasure import sweep

    swept = sweep(_ready_engine())
    typer.echo(
        f"erased {swept.people} people and {swept.businesses} businesses; "
        f"{swept.media} media files and {swept.messages} message texts expired"
    )


@cli.command()
def nudges(
    at: Annotated[str | None, typer.Option("--at", help='When, local to each business: "2026-11-23 07:30".')] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would be sent; keep nothing.")] = False,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this kind, whatever the time.")] = None,
) -> None:
    """Run the scheduled nudges due at a moment and print, per business, what was (or would be) queued."""
    from zoneinfo import ZoneInfo

    from bot.scheduler import run_nudges
    from bot.settings import ChannelSettings
    from conversations.nudges.plan import NUDGE_TIMES
    from finance.clock import utcnow

    if kind is not None and kind not in NUDGE_TIMES:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(NUDGE_TIMES)}", param_hint="--kind")
    try:
        when = datetime.fromisoformat(at).replace(tzinfo=ZoneInfo("Africa/Nairobi")) if at else utcnow()
    except ValueError:
        raise typer.BadParameter(f"{at!r} is not a time like 2026-11-23 07:30", param_hint="--at") from None
    public_url = ChannelSettings().kavi_public_url
    found = run_nudges(_ready_engine(), when, kinds=[kind] if kind else None, dry_run=dry_run, public_url=public_url)
    if not found:
        typer.echo("Nothing due.")
    for business in dict.fromkeys(q.business for q in found):
        typer.echo(f"{business}:")
        for q in (q for q in found if q.business == business):
            state = "would send" if dry_run else "queued" if q.new else "sent before"
            held = f", held until {q.held_until:%H:%M}" if q.held_until else ""
            typer.echo(f"  [{q.kind}] {state} to {q.to}{held}: {q.text.replace(chr(10), ' / ')}")


@cli.command()
def scheduler() -> None:
    """Run the nudge scheduler on its own (`kavi worker` runs one too; one process leads at a time)."""
    import asyncio

    from bot.scheduler import NudgeScheduler, daraja_client
    from bot.settings import ChannelSettings

    configure_logging()

    async def run() -> None:
        nudging = NudgeScheduler(_ready_engine(), ChannelSettings().kavi_public_url, daraja_client())
        nudging.start()
        try:
            await asyncio.Event().wait()
        finally:
            nudging.stop()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())


@cli.command()
def worker(
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, help="Messages answered at once.")] = 2,
) -> None:
    """Answer stored messages in a process of its own (run with KAVI_INPROCESS_WORKER=0 on `kavi serve`).
    On PostgreSQL with KAVI_QUEUE=procrastinate, any number of these share the queue."""
    import asyncio
    import signal

    from bot.queue import queue_enabled
    from bot.queue_worker import run_queue_worker
    from bot.settings import ChannelSettings
    from bot.worker import run_worker

    configure_logging()
    engine = _ready_engine()

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)  # finish what is in hand, then stop
        if queue_enabled(engine):
            await run_queue_worker(engine, ChannelSettings(), concurrency, stop)
        else:
            await run_worker(engine, ChannelSettings(), stop=stop, concurrency=concurrency)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())


@voice_cli.command("fetch-model")
def voice_fetch_model(
    model: Annotated[
        str | None, typer.Argument(help="A Whisper size (tiny, base, small, ...); default KAVI_WHISPER_MODEL.")
    ] = None,
) -> None:
    """Download a Whisper model ahead of time, for servers that start without internet."""
    from voice.settings import VoiceSettings
    from voice.whisper_engine import fetch, resolve

    settings = VoiceSettings()
    name = model or settings.kavi_whisper_model
    found = resolve(name, settings.kavi_whisper_cache_dir)
    if found is not None:
        typer.echo(f"Whisper model {name!r} is already here: {found}")
        return
    try:
        path = fetch(name, settings.kavi_whisper_cache_dir)
    except Exception as exc:  # network, unknown name, full disk: one clear line, not a traceback
        typer.echo(f"could not download Whisper model {name!r}: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"Whisper model {name!r} saved at {path}; KAVI_STT=auto will use it")


@voice_cli.command("transcribe")
def voice_transcribe(
    audio: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A voice note (OGG, MP3, M4A, ...).")],
    language: Annotated[str | None, typer.Option(help="en or sw (a hint).")] = None,
) -> None:
    """Print what KAVI hears in a recording, with the engine that heard it."""
    from conversations.voice_vocabulary import command_sentences
    from voice.audio import AudioError
    from voice.recognizer import Recognizer
    from voice.vocabulary import Vocabulary

    recognizer = Recognizer()
    try:
        heard = recognizer.transcribe_now(audio.read_bytes(), language, Vocabulary(sentences=command_sentences()))
    except AudioError as exc:
        typer.echo(f"{audio}: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(
        json.dumps(
            {
                "text": heard.text,
                "engine": heard.engine,
                "confidence": round(heard.confidence, 3),
                "language": heard.language,
                "seconds": round(heard.seconds, 2),
            },
            ensure_ascii=False,
        )
    )


@voice_cli.command("say")
def voice_say(
    text: Annotated[str, typer.Argument(help="What to say.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the OGG/Opus voice note.")],
    language: Annotated[str, typer.Option(help="en or sw.")] = "en",
) -> None:
    """Speak a text with KAVI's voice into an OGG/Opus file."""
    from voice.speaker import Speaker

    speech = Speaker().speak(text, language)
    if speech is None:
        typer.echo("no voice available: set ELEVENLABS_API_KEY or install espeak-ng", err=True)
        raise typer.Exit(1)
    out.write_bytes(speech.audio)
    typer.echo(f"{out} ({len(speech.audio)} bytes, {speech.engine})")


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply migrations to the configured database (what production on PostgreSQL runs)."""
    from finance.db import default_engine, migrate

    migrate(default_engine(), revision)
    typer.echo(f"database at {default_engine().url.render_as_string(hide_password=True)} is at {revision}")


if __name__ == "__main__":
    cli()
