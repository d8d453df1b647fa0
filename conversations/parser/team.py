"""The team and the books' history: joining with a code, the team list, roles, removing and leaving,
several businesses (switch_business), and activity_log ("who recorded the 5k fuel?")."""

import re
from datetime import date

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.amounts import find_amounts
from conversations.parser.contacts import ROLES
from conversations.parser.dates import find_day, find_period
from conversations.parser.names import KNOWN_WORDS, name_at
from conversations.parser.phones import find_phone
from conversations.parser.records import EXPENSE_CATEGORIES, INCOME_CATEGORIES
from conversations.parser.text import Analysed, Match, PhraseTable
from finance.money import plain

# "join K7QX-M4PA", "jiunge k7qx m4pa", "accept invite K7QXM4PA", "code ya mwaliko ni K7QX-M4PA"
_JOIN_RE = re.compile(
    r"^\s*/?(?:join|jiunge|accept|kubali|ingia)\b(?:\s+(?:the\s+)?(?:invite|invitation|mwaliko|code|kodi))?"
    r"(?:\s+(?:code|namba|ni|is|:))?\s*(?P<code>[a-z0-9]{4}[\s-]?[a-z0-9]{4})\s*[.!]?\s*$",
    re.IGNORECASE,
)
_TEAM = PhraseTable.of(
    ("my team", "our team", "team members", "team yangu", "timu yangu", "wafanyakazi wangu", "who is in my business",
     "who has access", "members of my business", "my staff", "watu wa biashara")
)  # fmt: skip
_REMOVE = PhraseTable.of(("remove", "kick out", "ondoa", "toa", "revoke", "block"))
_TEAM_PLACE = PhraseTable.of(("team", "timu", "business", "biashara", "access", "account", "akaunti", "books"))
_MAKE = PhraseTable.of(("make", "change", "set", "mfanye", "mbadilishe", "promote", "demote"))
_LEAVE = PhraseTable.of(("leave", "exit", "ondoka", "niondoe", "quit"))
_SWITCH = PhraseTable.of(
    ("switch to", "switch business", "switch", "change to", "hamia", "badilisha biashara", "open the books for",
     "badilisha", "kubadilisha", "change business", "badilisha kwenda", "hamia kwa", "badilisha to",
     "badilisha niende kwa", "open my other business", "rudi kwa", "nirudishe kwa", "badilisha niende kwenye",
     "go to", "twende kwa", "use the books of", "work on", "fanya kazi na", "rekodi kwa", "kurekodi kwa", "use")
)  # fmt: skip
_SPOKEN_FIX = PhraseTable.of(("i mean", "i meant", "nataka kusema", "namaanisha", "sorry", "no wait"))
_BUSINESS_WORDS = {
    "business", "biashara", "shop", "duka", "books", "account", "akaunti", "businesses", "hesabu", "company",
    "kampuni", "firm", "biz",
}  # fmt: skip
_OTHER = {"other", "another", "ingine", "nyingine", "second", "different"}
_MY_BUSINESSES = PhraseTable.of(("my businesses", "biashara zangu", "list businesses", "which businesses"))
_NEW_BUSINESS = PhraseTable.of(
    ("new business", "another business", "second business", "biashara mpya", "biashara nyingine", "start a business")
)
_CREATE = PhraseTable.of(("start", "create", "open", "add", "fungua", "anzisha", "ongeza", "register", "new"))
_NAME_CUES = {"called", "named", "inaitwa", "ni", "iwe", "ya", "for", "of", ",", ":", "-", "to", "kwa"}

_ACTIVITY = PhraseTable.of(
    ("who recorded", "who added", "who entered", "who deleted", "who deletd", "who edited", "who changed", "who made",
     "who put", "who removed", "who typed", "who wrote", "who undid", "who did", "what changed", "what was changed",
     "changes made", "changes were made", "activity log", "audit log", "audit trail", "history of changes",
     "nani aliweka", "nani alirekodi", "nani alibadilisha", "nani alifuta", "nani aliongeza", "nani aliandika",
     "ni nani aliweka", "imebadilika", "zimebadilika", "mabadiliko", "shughuli za", "kumbukumbu ya shughuli",
     "activity", "what did", "everything", "nini imebadilika", "nini imebadilishwa", "nini kimebadilishwa",
     "ameandika nini", "ameweka nini", "amefanya nini",
     "amebadilisha nini", "ameongeza nini", "amefuta nini", "amerekodi nini", "wameandika nini",
     "nani ameongeza", "nani ameweka", "nani amerekodi", "nani ameandika", "nani amefuta", "nani amebadilisha",
     "kimebadilika", "aliandika nini", "aliweka nini", "alirekodi nini", "aliongeza nini", "alifuta nini",
     "nani aliingiza", "nani ameingiza", "nani aliingia", "who keyed in", "who put in", "who logged",
     "nani alirecord", "nani amerecord", "nani aliadd", "nani ameadd")
)  # fmt: skip
_ACTS = {
    "recorded", "record", "do", "did", "added", "add", "entered", "enter", "change", "changed", "edit", "edited",
    "delete", "deleted", "undo", "undid", "alirekodi", "aliweka", "alifanya", "amefanya", "amerekodi", "ameweka",
}  # fmt: skip
_LOOSE = {"activity", "everything"}  # cues that need a period or a person beside them


_JOIN_ALONE = re.compile(
    r"^\s*/?(?:join|jiunge|accept|kubali|nakubali)(?:\s+(?:the\s+)?(?:invite|invitation|mwaliko))?\s*[.!]?\s*$",
    re.IGNORECASE,
)


def join_code(text: str) -> Intent | None:
    if _JOIN_ALONE.match(text):
        return Intent("join_business", {}, confidence=0.9)  # from the invited phone, no code needed
    m = _JOIN_RE.match(text)
    if m is None:
        return None
    code = "".join(ch for ch in m.group("code").upper() if ch.isalnum())
    if not (any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code)):
        return None  # "join 12345678" is no code of ours; "accept this" is not one either
    return Intent("join_business", {"code": code}, confidence=0.95)


def team_intent(msg: Analysed, today: date) -> Intent | None:
    lows = msg.lows
    phone = find_phone(msg)
    role = ROLES.first(lows)
    if _MY_BUSINESSES.first(lows):
        return Intent("switch_business", {}, confidence=0.85)
    if _NEW_BUSINESS.first(lows) and (_CREATE.first(lows) or {"called", "named", "inaitwa"} & set(lows)):
        name = _name_after_cue(msg)
        return Intent("new_business", {"name": name} if name else {}, confidence=0.85)
    made = _MAKE.first(lows)
    if made is not None and role is not None and role.start > made.start:
        if phone:
            # "make 0712000999 an admin": a member's new role, or an invite for a number not in the team.
            return Intent("invite_member", {"phone": phone[0], "role": role.value}, confidence=0.9)
        found = name_at(msg, made.end)
        if found:
            return Intent("change_role", {"name": found[0], "role": role.value}, confidence=0.85)
    removed = _REMOVE.first(lows)
    if removed is not None and (_TEAM_PLACE.first(lows) or phone) and not find_amounts(msg):
        slots: dict[str, object] = {"phone": phone[0]} if phone else {}
        found = name_at(msg, removed.end)
        if found and not phone:
            slots["name"] = found[0]
        if slots:
            return Intent("remove_member", slots, confidence=0.85)
    if phone and (role is not None or _TEAM_PLACE.first(lows)) and not _amounts_beside(msg, phone):
        # "ongeza Wambo kwa team 0790…", "let my auditor see the books, read-only: 0720…"
        return Intent("invite_member", {"phone": phone[0], "role": role.value if role else "staff"}, confidence=0.85)
    left = _LEAVE.first(lows)
    if left is not None and left.start == 0 and any(w in _BUSINESS_WORDS for w in lows[left.end :]):
        return Intent("leave_business", {}, confidence=0.85)
    if _TEAM.first(lows) and not find_amounts(msg):
        return Intent("list_team", {}, confidence=0.85)
    return _switch(msg)


_STRONG_SWITCH = {"switch to", "switch business", "switch", "hamia", "badilisha biashara", "open the books for",
                  "twende kwa", "use the books of", "use", "badilisha kwenda", "hamia kwa", "badilisha to",
                  "badilisha niende kwa", "open my other business", "rudi kwa", "nirudishe kwa",
                  "badilisha niende kwenye"}  # fmt: skip


def _switch(msg: Analysed) -> Intent | None:
    lows = msg.lows
    cue = _SWITCH.first(lows)
    if cue is None or any(a.score >= 0 for a in find_amounts(msg)) or find_phone(msg):
        return None  # "change to 500" is a correction, "switch to 0712…" a phone
    rest = lows[cue.end :]
    about_business = any(w in _BUSINESS_WORDS for w in lows)
    if cue.value not in _STRONG_SWITCH and not about_business:
        return None  # "change to fuel" corrects an entry
    fixed = _SPOKEN_FIX.first(lows[cue.end :])
    # "switch to the, the car hire one, I mean Ouma Cabs": the name said after the correction is meant.
    name = _name_after_cue(msg, cue.end + fixed.end) if fixed else None
    name = name or _name_after_cue(msg, cue.end)
    referent = "one" in rest and bool({"the", "ile", "that"} & set(rest))  # "the salon one"
    if not rest or any(w in _OTHER for w in rest) or cue.value == "switch business" or referent:
        return Intent("switch_business", {"name": name} if name else {}, confidence=0.85)
    named = cue.end < len(msg.tokens) and msg.tokens[cue.end].text[:1].isupper()
    if cue.value == "use" and (cue.start != 0 or not named or len(lows) > 6):
        return None  # "use" alone switches only as "use Mama Mboga Groceries"
    unknown_name = bool(name) and any(w.lower() not in KNOWN_WORDS for w in (name or "").split())
    strong = cue.value in (
        "hamia", "hamia kwa", "twende kwa", "open the books for", "badilisha kwenda", "badilisha niende kwa",
        "open my other business", "rudi kwa", "nirudishe kwa", "badilisha niende kwenye",
    ) or (cue.value in ("switch to", "badilisha to") and unknown_name)  # fmt: skip
    if name and (about_business or named or strong):
        return Intent("switch_business", {"name": name}, confidence=0.8)
    return None


def _named_shop(word: str) -> bool:
    return word[:1].isupper() and word.lower() in {"shop", "duka", "store", "stores"}


def _name_after_cue(msg: Analysed, start: int = 0) -> str | None:
    """The business named after the cue: "called Wambui Tailors", "iwe Kamau Hardware", "my other business, X"."""
    i = start
    lows = msg.lows
    comma = next((k for k in range(start, len(lows)) if lows[k] == ","), None)
    if comma is not None and any(w in _BUSINESS_WORDS for w in lows[start:comma]):
        i = comma + 1  # "my DJ business, Beatline Events": the name follows the comma
    skip = _BUSINESS_WORDS | _OTHER | _NAME_CUES | {"my", "the", "a", "an", "yangu", "wangu", "account", "akaunti"}
    skip |= set(v.ADD_WORDS) | {"start", "create", "open", "fungua", "anzisha", "register", "business", "iwe"}
    skip |= {"iende", "niende", "twende", "kwa", "kwenye"}
    while i < len(msg.tokens) and msg.lows[i] in skip:
        i += 1
    if i >= len(msg.tokens):
        return None
    if not msg.tokens[i].text[:1].isupper():
        # "kubadilisha niangalie hesabu ya Nkubu Hardware": the name is the words written as one.
        capital = next((k for k in range(i, len(msg.tokens)) if msg.tokens[k].text[:1].isupper()), None)
        i = capital if capital is not None else i
    words: list[str] = []
    while i < len(msg.tokens) and len(words) < 5 and msg.tokens[i].is_word:
        words.append(msg.tokens[i].text)
        i += 1
        if i + 1 < len(msg.tokens) and msg.lows[i] == "." and msg.lows[i - 1] in {"st", "mt", "dr"}:
            words[-1] += "."  # "St. Teresa Canteen"
            i += 1
    # "the Kasarani Heights account": the word for the books is no part of the name ("Mwikali Shop",
    # written with its capital, is the shop's name)
    while (
        len(words) > 1 and (words[-1].lower() in _BUSINESS_WORDS or words[-1] == "one") and not _named_shop(words[-1])
    ):
        words.pop()
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in words) or None


def _who_did(lows: tuple[str, ...]) -> Match | None:
    """ "Who on my team added the 5,000 fuel entry?": who, a few words, then what was done."""
    if not lows or lows[0] not in {"who", "nani"}:
        return None
    done = next((k for k in range(1, min(len(lows), 6)) if lows[k] in _ACTS and lows[k].endswith("ed")), None)
    return Match(0, done + 1, "who did", "who did") if done else None


def activity(msg: Analysed, today: date) -> Intent | None:
    lows = msg.lows
    cue = _ACTIVITY.first(lows) or _who_did(lows)
    if cue is None:
        return None
    if cue.value == "what did" and _member_named(msg) is None:
        return None  # "what did I spend today?" is a summary; "what did Brian do?" is the log
    if cue.value in _LOOSE:
        acted = any(w in _ACTS for w in lows)
        if not (acted or find_period(msg, today)):
            return None
        if cue.value == "everything" and not acted:
            return None
    slots: dict[str, object] = {}
    period = find_period(msg, today) or find_day(msg, today)
    if period is not None:
        slots["start"], slots["end"] = period.start.isoformat(), period.end.isoformat()
    amounts = [a for a in find_amounts(msg) if a.score >= 0]
    if amounts:
        slots["amount"] = plain(amounts[0].value)
    who = _member_named(msg)
    if who:
        slots["member"] = who
    party = _party(msg, who)
    taken: set[int] = set()
    if party:
        slots["counterparty"] = party[0]
        taken = set(range(*party[1]))
    category = next(
        (
            m
            for table in (EXPENSE_CATEGORIES, INCOME_CATEGORIES)
            for m in table.scan(lows)
            if not taken & set(range(m.start, m.end))  # "Otieno Hardware" names a party, not stock
        ),
        None,
    )
    if category is not None:
        slots["category"] = category.value
    return Intent("activity_log", slots, confidence=0.85)


def _member_named(msg: Analysed) -> str | None:
    """ "what did Brian do", "everything Brian recorded", "Wanjiru aliweka nini": the team member asked about."""
    for i, token in enumerate(msg.tokens):
        if not token.text[:1].isupper() or i == 0:
            continue
        before = msg.lows[i - 1]
        after = msg.lows[i + 1] if i + 1 < len(msg.lows) else ""
        if before in {"did", "has", "everything", "alichofanya"} or after in _ACTS:
            words = [t.text for t in msg.tokens[i : i + 2] if t.is_word and t.low not in _ACTS]
            found = name_at(
                msg, i, limit=len(words) if words == [t.text for t in msg.tokens[i : i + len(words)]] else 1
            )
            if found:
                return found[0]
    return None


_ENTRY_WORDS = {"payment", "expense", "entry", "malipo", "sale", "mauzo", "invoice", "record", "income"}


def _party(msg: Analysed, member: str | None) -> tuple[str, tuple[int, int]] | None:
    """A customer or supplier the entry was with: a capitalised name after "the", "from", "to", "of",
    and the tokens it spans."""
    for i, low in enumerate(msg.lows):
        if low in {"the", "from", "to", "of", "for", "ya", "kwa"} and i + 1 < len(msg.tokens):
            token = msg.tokens[i + 1]
            # "ile payment ya kiprono", "the expense ya abdi": whose entry, in lower case too
            entry = i > 0 and msg.lows[i - 1] in _ENTRY_WORDS and token.is_word and token.low not in KNOWN_WORDS
            if token.text[:1].isupper() or entry:
                found = name_at(msg, i + 1)
                if found and found[0] != member:
                    return found[0], (i + 1, found[1])
    return None


def _amounts_beside(msg: Analysed, phone: tuple[str, int]) -> bool:
    """An amount other than the phone's own digit groups ("0790 334 112"): "paid 0712… 500" is money."""
    at = phone[1]
    return any(not (at <= a.start < at + 6) for a in find_amounts(msg) if a.score >= 0)
