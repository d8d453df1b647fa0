"""Recurring entries and scheduled nudges, as settings: "my recurring", "stop the rent one", "stop
reminders", "acha kunikumbusha", "start reminders", "remind customers automatically"."""

import re

from conversations.intents import Intent
from conversations.parser.records import Evidence, pick_category, repeat_of
from conversations.parser.text import Analysed, PhraseTable

_RECURRING = PhraseTable.of(
    ("recurring", "repeating", "repeats", "zinazojirudia", "inayojirudia", "zinazorudiwa", "standing order",
     "standing orders", "recurrent", "automatic entries", "rekodi za kila mwezi")
)  # fmt: skip
_STOP = {"stop", "acha", "sitisha", "simamisha", "end", "cancel", "pause"}
_NUDGE_KINDS = PhraseTable.grouped(
    {
        "digest": ("morning digest", "digest", "morning message", "morning messages", "morning summary",
                   "daily summary", "asubuhi", "ujumbe wa asubuhi", "jumbe za asubuhi", "muhtasari wa asubuhi"),
        "weekly": ("weekly report", "friday report", "ripoti ya wiki", "ripoti ya ijumaa", "weekly summary"),
        "overdue": ("overdue", "late invoices", "invoice reminders", "ankara zilizochelewa", "madeni"),
        "budgets": ("budget alerts", "budget reminders", "budget nudges", "arifa za bajeti"),
        "recurring": ("recurring notices", "repeat notices"),
    }
)  # fmt: skip
_NUDGE_NOUNS = PhraseTable.of(
    ("reminders", "reminder", "nudges", "nudge", "notifications", "alerts", "messages", "kunikumbusha",
     "vikumbusho", "ukumbusho", "arifa", "kukumbusha", "digest")
)  # fmt: skip
_OFF = PhraseTable.of(
    ("stop", "no more", "don't send", "dont send", "do not send", "mute", "turn off", "switch off", "disable",
     "pause", "acha", "zima", "sitaki", "usinitumie", "unsubscribe", "opt out")
)  # fmt: skip
_ON = PhraseTable.of(
    ("start", "resume", "turn on", "switch on", "enable", "anza", "washa", "restart", "again", "tena", "opt in",
     "subscribe")
)  # fmt: skip
_SELF_OFF = PhraseTable.of(("usinikumbushe", "msinikumbushe", "don't remind me", "dont remind me", "stop reminding me"))
_SELF_ON = PhraseTable.of(("nikumbushe tena", "remind me again", "keep reminding me"))
_CUSTOMERS = PhraseTable.of(
    ("remind customers", "reminding customers", "remind my customers", "kumbusha wateja", "wakumbushe wateja",
     "customer reminders", "vikumbusho kwa wateja")
)  # fmt: skip
_AUTOMATIC = PhraseTable.of(("automatically", "automatic", "auto", "wenyewe", "kiotomatiki", "kila mara"))


_QUIET = PhraseTable.of(
    ("quiet hours", "quiet time", "do not disturb", "dont disturb", "saa za kimya", "muda wa kimya")
)
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b", re.IGNORECASE)


def _quiet_hours(text: str) -> str | None:
    """ "quiet hours 22:00 to 06:00", "quiet hours from 10pm to 6am": "22:00-06:00"."""
    times = []
    for m in _CLOCK.finditer(text):
        hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
        hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
        if hour < 24 and minute < 60:
            times.append(f"{hour:02d}:{minute:02d}")
    return f"{times[0]}-{times[1]}" if len(times) >= 2 else None


def nudge_setting(msg: Analysed) -> Intent | None:
    lows = msg.lows
    if _QUIET.first(lows):
        quiet = _quiet_hours(msg.raw)
        return Intent("nudge_settings", {"quiet": quiet} if quiet else {}, confidence=0.9)
    if _CUSTOMERS.first(lows) and (_AUTOMATIC.first(lows) or _OFF.first(lows)):
        mode = "off" if _OFF.first(lows) and not _ON.first(lows) else "on"
        return Intent("nudge_settings", {"mode": mode, "kind": "customers"}, confidence=0.9)
    kind = _NUDGE_KINDS.first(lows)
    slots: dict[str, object] = {"kind": kind.value} if kind else {}
    if _SELF_OFF.first(lows):
        return Intent("nudge_settings", {"mode": "off", **slots}, confidence=0.9)
    if _SELF_ON.first(lows):
        return Intent("nudge_settings", {"mode": "on", **slots}, confidence=0.9)
    if not (kind or _NUDGE_NOUNS.first(lows)):
        return None
    off, on = _OFF.first(lows), _ON.first(lows)
    if off is None and on is None:
        return None
    mode = "off" if off is not None and (on is None or off.start < on.start) else "on"
    return Intent("nudge_settings", {"mode": mode, **slots}, confidence=0.85)


def recurring(msg: Analysed, ev: Evidence) -> Intent | None:
    lows = [w for w in msg.lows if w[0].isalnum()]
    named = _RECURRING.first(msg.lows) is not None
    if lows and lows[0] in _STOP:
        pointed = "one" in lows or (len(lows) > 1 and lows[1] in {"the", "ya", "my"})
        category = pick_category(ev.expense_categories) or pick_category(ev.income_categories)
        if (named or repeat_of(msg) or pointed) and (category or named):
            return Intent("stop_recurring", {"category": category} if category else {}, confidence=0.85)
        return None
    if named and ev.amount is None:
        return Intent("list_recurring", confidence=0.85)
    return None
