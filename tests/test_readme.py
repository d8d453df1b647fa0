"""The README's transcript is real output, and its two commands are the ones that exist."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_transcript_is_what_kavi_prints(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"## A real conversation.*?```text\n(.*?)\n```", readme, re.S)
    assert shown, "README has no transcript block"
    env = {**os.environ, "KAVI_DATABASE_URL": f"sqlite:///{tmp_path}/demo.db"}
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "kavi"),
            "chat",
            "--script",
            "tests/data/demo_chat.txt",
            "--today",
            "2026-11-22",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    assert result.stdout.rstrip("\n") == shown.group(1)


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:800]
    assert "make run" in head and "make test" in head
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
