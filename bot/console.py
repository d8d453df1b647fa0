"""The console channel: `kavi chat` interactively, or `kavi chat --script FILE` for a transcript."""

from collections.abc import Callable, Iterable

from conversations.core import Conversation
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


def run_script(conversation: Conversation, lines: Iterable[str], user: str, out: Callable[[str], None]) -> None:
    """Each user line as `> line`, then KAVI's reply; '#' lines and blank lines are skipped."""
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out(f"> {line}")
        message = IncomingMessage(channel="console", sender=user, text=line, display_name=user, external_id=None)
        for reply in conversation.handle(message):
            out(render(reply))
        out("")


def run_interactive(conversation: Conversation, user: str) -> None:
    print("KAVI — type a message (Ctrl-D to leave). Try: paid rent 15k")
    while True:
        try:
            line = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if not line.strip():
            continue
        for reply in conversation.handle(IncomingMessage(channel="console", sender=user, text=line, display_name=user)):
            print("kavi> " + render(reply).replace("\n", "\n      "))
