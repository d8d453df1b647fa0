"""The console channel: `kavi chat` interactively, or `kavi chat --script FILE` for a transcript.
Its messages take the same pipeline as every channel's; delivering is printing."""

import asyncio
from collections.abc import Callable, Iterable

from bot.pipeline import Pipeline
from conversations.messages import IncomingMessage, Reply


def render(reply: Reply) -> str:
    lines = [reply.text]
    for kind in ("image", "document", "audio"):
        media = getattr(reply, kind)
        if media is not None:
            lines.append(f"[{kind}: {media.filename}]")
    if reply.choices:
        lines.append("[" + " | ".join(reply.choices) + "]")
    return "\n".join(lines)


def _answer(pipeline: Pipeline, user: str, line: str) -> list[Reply]:
    return asyncio.run(pipeline.answer(IncomingMessage(channel="console", sender=user, text=line, display_name=user)))


def run_script(pipeline: Pipeline, lines: Iterable[str], user: str, out: Callable[[str], None]) -> None:
    """Each user line as `> line`, then KAVI's reply; '#' lines and blank lines are skipped."""
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out(f"> {line}")
        for reply in _answer(pipeline, user, line):
            out(render(reply))
        out("")


def run_interactive(pipeline: Pipeline, user: str) -> None:
    print("KAVI — type a message (Ctrl-D to leave). Try: paid rent 15k")
    while True:
        try:
            line = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if not line.strip():
            continue
        for reply in _answer(pipeline, user, line):
            print("kavi> " + render(reply).replace("\n", "\n      "))
