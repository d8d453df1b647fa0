"""The console channel: `kavi chat` interactively, or `kavi chat --script FILE` for a transcript.
Its messages take the same pipeline as every channel's; delivering is printing."""

import asyncio
import re
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


# "[+254712000999] join": that person speaking on the SMS channel, so a script can hold several people.
_SPEAKER = re.compile(r"^\[(\+\d{9,15})\]\s*(.*)$")


def _answer(pipeline: Pipeline, user: str, line: str) -> list[Reply]:
    speaker = _SPEAKER.match(line)
    if speaker is not None:
        phone, text = speaker.groups()
        message = IncomingMessage(channel="sms", sender=phone, text=text, phone=phone, display_name=None)
    else:
        message = IncomingMessage(channel="console", sender=user, text=line, display_name=user)
    return asyncio.run(pipeline.answer(message))


def run_script(pipeline: Pipeline, lines: Iterable[str], user: str, out: Callable[[str], None]) -> None:
    """Each user line as `> line`, then KAVI's reply; '#' lines and blank lines are skipped. A line
    `[+254712000999] text` is that phone's owner writing by SMS."""
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
