"""Swahili money verbs read by their parts, not listed form by form.

A Swahili verb is built: subject, tense, an optional object, the root, an ending ("ni-me-m-lip-a",
I have paid him; "a-li-ni-tum-i-a", she sent me; "ni-li-lip-w-a", I was paid). People also contract
it in Sheng ("nmelipa", "nlinunua"). Listing every form misses most of them ("tumewalipa",
"nilimlipia", "walinilipa"), so the parser reads the parts and turns each money verb into the one
form its cue tables already know: who did it and whether it happened decide that form.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

# Subject prefixes: who acts. "n" is the Sheng contraction of "ni".
_SUBJECTS = {
    "ni": "i", "n": "i", "tu": "we", "u": "you", "m": "you", "a": "he", "wa": "they", "i": "it", "zi": "it",
    "ya": "it", "li": "it", "ki": "it", "vi": "it",
}  # fmt: skip
# Tense: "me", "li", "sha" happened; "ta" will; "ki", "nge" if; "na" is happening (often habitual).
_TENSES = {
    "me": "done",
    "li": "done",
    "sha": "done",
    "ka": "done",
    "ta": "later",
    "ki": "if",
    "nge": "if",
    "na": "now",
}  # fmt: skip  ("ka": and then, "nikalipa" — told in a story of what happened)
_OBJECTS = ("ni", "tu", "mw", "m", "wa", "ku")
# Root and the endings that keep the money meaning: active, applied (for/to someone), passive.
_ROOTS: dict[str, tuple[str, ...]] = {
    "lip": ("a", "ia", "wa", "iwa", "iliwa"),  # pay; pay for; be paid
    "nunu": ("a", "lia", "liwa"),  # buy
    "uz": ("a", "ia", "wa"),  # sell
    "poke": ("a", "lewa"),  # receive
    "tum": ("a", "ia", "iwa", "wa"),  # send; spend / send to; be sent
    "let": ("a", "ea"),  # bring: "mauzo yameleta 3,400", the day's sales brought it in
    "p": ("a",),  # give, always to someone: "amenipa 600" (gave me), "nimempa 500" (gave him)
    "pat": ("a",),  # get: "tulipata 3,000"
    "wek": ("a",),  # put, deposit: "nimeweka 5k kwa M-Shwari"
    "to": ("a",),  # take out, withdraw: "nilitoa 2k kwa agent"
}
_VERB = re.compile(
    r"^(?P<subject>ni|n|tu|u|a|wa|i|zi|ya|li|ki|vi|m)?(?P<tense>me|li|sha|ka|ta|ki|nge|na)"
    r"(?P<object>ni|tu|mw|m|wa|ku)?(?P<root>"
    + "|".join(sorted(_ROOTS, key=len, reverse=True))
    + r")(?P<ending>[a-z]+)$"
)
# Asking or telling someone to act on a person: "mtumie", "mwambie", "mkumbushe", "mlipe", "mwandikie".
_TELL = re.compile(
    r"^(?:m|mw)(?:tumi|ambi|andiki|sukumi|kumbush|lip|pigi|dai|tumiki|elez|tengenez|tengenezi)e+$"
    r"|^ni(?:andiki|tengenez|tengenezi)e+$"  # "niandikie Musa ankara": write Musa's for me
)
# A verb in the perfect with its subject ("umefika", "wamefika", "imefika"): never part of a name.
_PERFECT = re.compile(r"^(?:ni|tu|u|a|wa|i|zi|li|ya|ki|vi|n)me[a-z]{3,}$")


@dataclass(frozen=True, slots=True)
class Verb:
    subject: str  # "i", "we", "he", "they", "it", "you" or "" (not said)
    tense: str  # "done", "later", "if", "now"
    on_someone: bool  # an object marker for a person: "nime-m-lipa", "ali-ni-tumia"
    to_me: bool  # the object is the speaker: "ame-ni-lipa", "wame-tu-tumia"
    root: str
    ending: str

    @property
    def passive(self) -> bool:
        return self.ending.endswith("wa") or self.ending == "lewa"


@lru_cache(maxsize=4096)
def read(low: str) -> Verb | None:
    """The parts of a money verb, or None when `low` is not one."""
    m = _VERB.match(low)
    if m is None or m["ending"] not in _ROOTS[m["root"]]:
        return None
    if m["root"] == "p" and not m["object"]:
        return None  # "give" names whom: without an object marker it is some other word
    subject = _SUBJECTS.get(m["subject"] or "", "")
    obj = m["object"] or ""
    if m["subject"] == "m" and not obj:
        return None  # "m-" alone as subject is too easily a noun ("mnazi", "mtumba"): no reading
    return Verb(subject, _TENSES[m["tense"]], obj in ("m", "mw", "wa"), obj in ("ni", "tu"), m["root"], m["ending"])


_SPLIT_PREFIX = re.compile(r"^(?:ni|n|tu|u|a|wa|i|zi)(?:me|li|ka|ta|sha)$")


def split_verb(first: str, second: str) -> bool:
    """ "nime" + "lipa", "nili" + "uza": a subject and tense written apart from a money verb's root."""
    # "ni meuza", "tu melipwa": the subject alone, split from a tense that starts the next word
    tense = second[:2]
    subject_apart = (first in {"ni", "tu"} and tense in {"me", "li", "ka"}) or (first == "wa" and tense == "me")
    return (bool(_SPLIT_PREFIX.match(first)) or subject_apart) and read(first + second) is not None


def tells_about_someone(low: str) -> bool:
    """ "mtumie", "mwambie", "mkumbushe": a request to act on the person named next."""
    return bool(_TELL.match(low))


def is_verb(low: str) -> bool:
    """A Swahili verb form no name takes: a money verb, a request about someone, a perfect tense."""
    return read(low) is not None or tells_about_someone(low) or bool(_PERFECT.match(low))


def names_someone_next(low: str) -> bool:
    """The word after this one is likely the person acted on ("nimemlipa Wanjiku", "mtumie otieno")."""
    verb = read(low)
    return tells_about_someone(low) or (verb is not None and verb.on_someone)


@lru_cache(maxsize=4096)
def canonical(low: str) -> str:
    """The form of this money verb that the cue tables know, or `low` unchanged.

    Things that happened keep their direction: "tumewalipa" reads as "nimelipa" (money out),
    "walinilipa" as "amenilipa" (money in), "nilitumiwa" as "nimelipwa". Things that will or might
    happen ("nitamlipa", "nikinunua") read as "nitalipa"/"nitanunua", which the parser treats as plans,
    never as records."""
    verb = read(low)
    if verb is None or verb.tense == "now":
        return low
    if verb.tense in ("later", "if"):
        if verb.subject in ("he", "they") and verb.root == "lip":
            return "atalipa"  # a customer's promise: not the owner weighing a payment
        return {"lip": "nitalipa", "nunu": "nitanunua"}.get(verb.root, low)
    me = verb.subject in ("i", "we")
    others = verb.subject in ("he", "they")
    if verb.to_me and not me and verb.root == "let":
        return "ameleta"  # "aliniletea": brought me money, or goods when a supplier brings them
    if verb.to_me and not me and verb.root in ("lip", "tum", "p"):
        return "amenitumia" if verb.root == "tum" else "amenilipa"  # "cooperative imenilipa", "amenipa 600"
    if verb.root == "p":
        return "nimempa" if me else low
    if verb.root in ("lip", "tum") and verb.passive:
        return "nimelipwa" if me else low  # "nilitumiwa", "tulilipwa": paid, said of the owner
    if verb.root == "lip":
        if me:
            return "nimelipa"
        if others:
            return "amelipa"
    if verb.root == "tum":
        if others:
            return "ametuma"
        if me:
            return "nimetumia" if verb.ending == "ia" else "nimetuma"
    if verb.root == "let":
        if verb.subject in ("he", "they"):
            return "ameleta"  # "Mama Shiro ameleta 8,000": brought money (goods, when a supplier brings them)
        return "imeleta" if verb.subject == "it" else low
    if verb.root == "nunu" and verb.subject in ("he", "they") and verb.ending == "a":
        return "amenunua"  # "Nafula amenunua sukari": a customer bought from the shop
    if me and not verb.passive:
        mine = {"nunu": "nimenunua", "uz": "nimeuza", "poke": "nimepokea", "pat": "nimepata"}
        if verb.root in ("wek", "to"):
            return "nime" + verb.root + "a" if verb.tense == "done" else low  # "tuliweka" -> "nimeweka"
        return mine.get(verb.root, low)
    if me and verb.root == "poke":
        return "nimepokea"  # "nimepokelewa" said loosely: received
    return low
