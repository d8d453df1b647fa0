"""The `kavi` command as a person runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from finance.db import downgrade, make_engine

KAVI = str(Path(sys.executable).parent / "kavi")


def _run(args: list[str], db_url: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAVI_DATABASE_URL": db_url}
    return subprocess.run([KAVI, *args], input=stdin, capture_output=True, text=True, env=env, timeout=60)


def test_a_chat_script_holds_several_people(tmp_path: Path) -> None:
    """`[+254712000999] text` is that person writing by SMS: an invite joined and used in one script."""
    script = tmp_path / "team.txt"
    script.write_text(
        "hi\nWanjiku Hardware\nadd 0712 000 999 as staff\n[+254712000999] join\n"
        "[+254712000999] sold 2250\nwhat changed today?\n",
        encoding="utf-8",
    )
    result = _run(["chat", "--script", str(script)], f"sqlite:///{tmp_path}/k.db")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "> [+254712000999] join\n✅ You've joined Wanjiku Hardware as staff." in out, out
    assert "> [+254712000999] sold 2250\n✅ Recorded income: Ksh 2,250" in out
    assert "+254712000999 recorded income Ksh 2,250 sales" in out.split("> what changed today?")[1]


def test_data_export_writes_a_persons_zip(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/k.db"
    script = tmp_path / "books.txt"
    script.write_text(
        "[+254712000999] hi\n[+254712000999] Otieno Shop\n[+254712000999] paid rent 15k\n", encoding="utf-8"
    )
    assert _run(["chat", "--script", str(script)], db).returncode == 0
    target = tmp_path / "me.zip"
    done = _run(["data", "export", "--person", "0712000999", "--out", str(target)], db)
    assert done.returncode == 0, done.stderr
    import zipfile

    archive = zipfile.ZipFile(target)
    folder = next(n.split("/")[0] for n in archive.namelist() if n.endswith("transactions.csv"))
    assert folder.startswith("Otieno Shop-")
    assert "rent,15000" in archive.read(f"{folder}/transactions.csv").decode("utf-8-sig")
    missing = _run(["data", "export", "--person", "0799999999"], db)
    assert missing.returncode == 2 and "no person" in missing.stderr


def test_chat_script_prints_a_transcript_on_a_fresh_sqlite(tmp_path: Path) -> None:
    script = tmp_path / "demo.txt"
    script.write_text("# comments are skipped\npaid rent 15k\n\nhow much did I spend this month?\n", encoding="utf-8")
    db = tmp_path / "fresh" / "kavi.db"
    result = _run(["chat", "--script", str(script), "--today", "2026-11-22"], f"sqlite:///{db}")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "> paid rent 15k"
    assert lines[1] == "✅ Recorded expense: Ksh 15,000 for rent, today."
    assert "> how much did I spend this month?" in lines
    assert "You spent Ksh 15,000 this month (1 Nov – 22 Nov)." in lines
    assert db.exists()  # migrated by itself


def test_chat_script_prints_an_image_reply_by_name(tmp_path: Path) -> None:
    script = tmp_path / "chart.txt"
    script.write_text("paid rent 15k\nsold 4000\nchart of expenses by category\n", encoding="utf-8")
    result = _run(["chat", "--script", str(script), "--today", "2026-11-22"], f"sqlite:///{tmp_path}/k.db")
    assert result.returncode == 0, result.stderr
    assert "[image: expenses_by_category.png]" in result.stdout.splitlines()


def test_export_writes_the_period_as_csv_and_refuses_a_bad_format(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/k.db"
    script = tmp_path / "books.txt"
    script.write_text("paid rent 15k\nsold 4000\n", encoding="utf-8")
    assert _run(["chat", "--script", str(script), "--today", "2026-11-22"], db).returncode == 0
    out = tmp_path / "nov.csv"
    result = _run(["export", "--format", "csv", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)], db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 entries, 2026-11-01 to 2026-11-30: ")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("date,kind,category,amount") and len(lines) == 3
    assert "Exporting" in result.stderr  # the progress bar
    bad = _run(["export", "--format", "doc"], db)
    assert bad.returncode == 2 and "not one of pdf, csv, xlsx" in bad.stderr


def test_chat_rejects_a_bad_date_and_a_missing_file(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/k.db"
    bad_date = _run(["chat", "--script", "x.txt", "--today", "17/06/2026"], db)
    assert bad_date.returncode == 2 and "is not a date like 2026-06-17" in bad_date.stderr
    missing = _run(["chat", "--script", str(tmp_path / "nope.txt")], db)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_db_upgrade_migrates_the_configured_database(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    downgrade(engine, "base")
    result = _run(["db", "upgrade"], url)
    assert result.returncode == 0, result.stderr
    fresh = make_engine(url)
    assert "transaction" in inspect(fresh).get_table_names()
    fresh.dispose()


def test_serve_refuses_a_public_address_without_a_token(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KAVI_WEB_TOKEN"}
    env["KAVI_DATABASE_URL"] = f"sqlite:///{tmp_path}/k.db"
    result = subprocess.run(
        [KAVI, "serve", "--host", "0.0.0.0"], capture_output=True, text=True, env=env, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 2 and "KAVI_WEB_TOKEN" in result.stderr


def test_voice_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import SHARED
    from voice.opus import duration

    db = f"sqlite:///{tmp_path / 'kavi.db'}"
    # A fresh server: no Whisper model, no internet.
    monkeypatch.setenv("KAVI_WHISPER_MODEL", str(tmp_path / "no-model"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    heard = _run(["voice", "transcribe", str(SHARED / "eval" / "voice" / "v05.ogg")], db)
    assert heard.returncode == 0, heard.stderr
    result = json.loads(heard.stdout)
    assert result["engine"] == "sphinx" and result["text"] == "show me my unpaid invoices"
    out = tmp_path / "hi.ogg"
    said = _run(["voice", "say", "Habari, karibu KAVI", "-o", str(out), "--language", "sw"], db)
    assert said.returncode == 0 and duration(out.read_bytes()) > 1.0
    here = _run(["voice", "fetch-model", str(Path(__file__).parent / "data" / "tiny-whisper")], db)
    assert here.returncode == 0 and "already here" in here.stdout
    missing = _run(["voice", "fetch-model", "tiny"], db)
    assert missing.returncode == 1 and "could not download Whisper model 'tiny'" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert _run(["voice", "transcribe", str(tmp_path / "absent.ogg")], db).returncode != 0


def test_nudges_prints_the_plan_and_a_dry_run_keeps_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/k.db"
    script = tmp_path / "books.txt"
    script.write_text("sold 4000\nnauli 100 kila siku\n", encoding="utf-8")
    assert _run(["chat", "--script", str(script), "--today", "2026-11-23"], db).returncode == 0
    dry = _run(["nudges", "--at", "2026-11-24 07:30", "--dry-run"], db)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "My business:",
        "  [digest] would send to owner: ☀️ Good morning! Yesterday: Ksh 4,000 in, Ksh 100 out. Balance: Ksh 3,900.",
    ]
    early = _run(["nudges", "--at", "2026-11-24 06:00"], db)
    assert "[recurring] queued to owner, held until 07:00: 🔁 Recorded expense: Ksh 100 for transport" in early.stdout
    assert _run(["nudges", "--at", "2026-11-24 06:00"], db).stdout == "Nothing due.\n"  # recorded once
    assert _run(["nudges", "--at", "2026-11-24 07:30"], db).stdout.count("queued to owner") == 1
    assert "sent before" in _run(["nudges", "--at", "2026-11-24 07:30"], db).stdout
    bad = _run(["nudges", "--at", "tomorrow"], db)
    assert bad.returncode == 2 and "is not a time like" in bad.stderr
