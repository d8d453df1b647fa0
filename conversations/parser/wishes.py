"""Money that has not moved: a purchase being weighed ("can I afford a fridge for 30k?", "naweza kununua
friji ya 30k?") is `can_afford`, never a record; and the person's own data ("delete my data")."""

import re

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.amounts import find_amounts
from conversations.parser.invoices import INVOICE_WORDS
from conversations.parser.money_moved import money_amount
from conversations.parser.records import Evidence
from conversations.parser.text import Analysed, PhraseTable
from finance.money import plain

_WEIGHING = PhraseTable.of(
    (
        "afford", "aford", "can i afford", "could i afford", "can we afford", "naeza afford", "naweza afford",
        "kumudu", "naweza kumudu", "naweza kununua", "naeza kununua", "nitaweza kununua", "nitaweza kulipa",
        "naeza buy", "can i buy", "should i buy", "should we buy", "is it wise to buy", "is it a good idea to buy",
        "do i have enough money to buy", "do i have enough money for", "enough money to buy", "niko na doh",
        "do i have enough for", "do we have enough for", "have i got enough for", "ni sawa ninunue",
        "ninunue", "tununue", "is it okay to buy", "is it ok to buy",
        "nikinunua", "tukinunua", "naweza nunua", "naeza nunua", "tunaweza kununua", "tunaweza nunua",
        "naweza kulipa", "naweza lipa", "can we buy", "could i buy", "could we buy", "naweza buy", "kuafford",
        "nafikiria kununua", "ninafikiria kununua", "tunafikiria kununua", "nafikiria",
        # Plans: money that will move, not money that moved.
        "want to buy", "i want to buy", "planning to", "plan to buy", "plan to pay", "going to buy",
        "going to pay", "i will pay", "i'll pay", "will pay", "i will buy", "nitalipa", "nitanunua",
        "nataka kununua", "tutalipa", "tutanunua",
        # Weighing it aloud: "thinking of buying a printer 18k", "if I buy a blender for 4500", "is it ok to pay".
        "thinking of buying", "thinking of paying", "if i buy", "if i pay", "if we buy", "is it ok to",
        "is it okay to", "should i pay", "should we pay", "nikilipa", "tukilipa", "need to pay", "have to pay",
        "need to buy", "nahitaji kulipa", "natakiwa kulipa", "nahitaji kununua",
        "do i have enough to buy", "have enough to buy", "would buying", "niko na ganji ya kununua",
        "niko na pesa ya kununua", "ganji ya kununua", "nataka kuchukua",
        "should i", "should we", "i should", "we should", "maybe i", "maybe we", "perhaps i", "is it better to",
        "is it a good idea", "would it be wise", "ni vizuri nikinunua",
        "i'm thinking of", "im thinking of", "i am thinking of", "i plan to", "we plan to", "nitanunua", "nitalipa",
        "naeza chukua", "naweza chukua", "nichukue", "tuchukue",
        "is it possible for me to buy", "is it possible to buy", "possible for me to buy", "can i manage to buy",
        "will i manage to buy", "manage to buy", "nitamudu", "tutamudu", "nitaweza kumudu", "is it possible for us",
    )
)  # fmt: skip
# Asking for credit is no money moved: "nataka mkopo wa 80k", "need a loan of 50k" (contract: unknown).
_WANT = PhraseTable.of(
    ("nataka", "natafuta", "omba", "naomba", "want", "need", "looking for", "apply for", "i'd like", "nahitaji",
     "tunahitaji", "ninahitaji", "ningependa", "tungependa", "tunataka", "ninataka", "nipe", "nipee", "nipatie")
)  # fmt: skip
_CREDIT = PhraseTable.of(("loan", "mkopo", "credit", "overdraft", "advance"))
# Asked for in one word: "nikopeshe 5k", "lend me 10k".
_LEND_ME = PhraseTable.of(("nikopeshe", "nikopesheni", "tukopeshe", "lend me", "can you lend", "loan me"))
_READINESS = PhraseTable.of(v.CREDIT_WORDS)
# Words between the verb and the amount that are not the thing itself.
_NOT_ITEM = {
    "a", "an", "the", "to", "for", "at", "of", "on", "ya", "wa", "la", "za", "cha", "kwa", "buy", "kununua",
    "kuchukua", "spend", "get", "new", "some", "my", "i", "we", "is", "it", "wise", "now", "leo", "kesho",
    "pay", "tomorrow", "next", "week", "month", "worth", "costing", "priced", "going", "selling", "sold", "own",
}  # fmt: skip
_DATA = PhraseTable.of(
    (
        "my data", "my personal data", "personal data", "my account", "my information", "my personal information",
        "personal information", "my details", "data yangu", "data zangu", "akaunti yangu", "taarifa zangu",
        "details zangu", "have on me", "about me", "kunihusu", "kila kitu mnayo", "account yangu", "data zote",
        "my data all", "all my data",
    )
)  # fmt: skip
_DELETE = PhraseTable.of(
    ("delete", "deleted", "erase", "erased", "removed", "remove", "wipe", "wiped", "futa", "ondoa", "nifutie",
     "kufuta", "kuondoa", "kufutwa", "ifutwe", "zifutwe",
     "nifute", "close my account", "mfute",
     "mfuteni", "mufute", "mnifutie", "futeni", "zifute", "ifute", "ziondoe", "ondoeni")
)  # fmt: skip
_EXPORT = PhraseTable.of(
    ("export", "download", "a copy", "copy of", "copy ya", "nakala", "send me", "give me", "nipe", "nitumie",
     "kuona", "see", "get", "kupakua", "pakua", "nipakue", "nidownload", "kudownload")
)  # fmt: skip


def asks_for_credit(msg: Analysed) -> Intent | None:
    if _READINESS.first(msg.lows):
        return None  # "nataka kujua kama nastahili loan": a question about the score, not a request
    if _LEND_ME.first(msg.lows) is not None:
        return Intent("unknown", confidence=0.6)
    want, credit = _WANT.first(msg.lows), _CREDIT.first(msg.lows)
    if want is None or credit is None or credit.start < want.start:
        return None
    return Intent("unknown", confidence=0.6)


# "nataka kuanza kuuza mitumba": wanting, then a verb in its ku- form, is a plan.
_WANTING = {"nataka", "tunataka", "ningependa", "tungependa", "napanga", "tunapanga", "nimepanga", "natamani"}


_MONEY_VERBS = {
    "kununua", "kulipa", "kuuza", "kutuma", "kuanza", "kuchukua", "kuweka", "kutoa", "kulipia", "kukopa",
    "kuongeza", "kupanua", "kuajiri", "kubuy", "kupay", "kusell",
}  # fmt: skip


# Money promised, wished for or expected has not moved, with or without an amount: never a record.
_NOT_MOVED = PhraseTable.of(
    ("promised to pay", "promised to", "promise to pay", "ameahidi", "wameahidi", "amesema atalipa", "wish i had",
     "i wish", "natamani", "expecting", "i expect", "we expect", "expected sales", "nilikuwa nataka",
     "tulikuwa tunataka", "was going to", "were going to", "almost paid", "nearly paid", "ilikataa",
     "imekataa", "was declined", "got declined",
     # a slow day told: "leo hakuna kazi", "sijauza kitu", "no customers today"
     "hakuna kazi", "hakuna wateja", "hakuna biashara", "hakuna mauzo", "sijauza", "hatujauza", "sijapata",
     "hatujapata", "no sales", "no customers", "no clients", "no work today", "slow day")
)  # fmt: skip
# A verb in the future tense ("tutaenda", "nitapata", "itakuwa"): what will happen, not what did.
_FUTURE = re.compile(r"^(?:ni|tu|u|a|wa|i|zi)ta[a-z]{3,}$")


# Money that moved, said in the past: a future verb beside one of these is a second thought, not a plan
# ("nimelipa 500, nitalipa iliyobaki kesho" records the 500).
_DONE = {
    "nimelipa", "nimenunua", "nimeuza", "nimepokea", "nimetuma", "nimetumia", "amelipa", "amenilipa", "ametuma",
    "amenitumia", "nimelipwa", "paid", "bought", "sold", "received", "spent", "sent", "got", "made",
    "ameweka", "aliweka", "wameweka", "nimeweka", "ameleta", "deposited",
}  # fmt: skip


# What opens a plan said after money moved: "…, and will pay 3k on Friday", "…, atalipa 3k ijumaa".
_PERFECT = re.compile(r"^(?:ni|a|wa|tu)me[a-z]{3,}$")  # "amelipa", "nimepokea": done
_LATER = {"will", "promised", "promise", "ameahidi", "ataleta", "atamalizia", "'ll", "later"}
_CLAUSE_BREAKS = {",", ".", ";", "and", "na", "but", "lakini", "then", "halafu", "he", "she", "they"}


# An entry the owner says is in the books already: "ile 3k ya Shiro nishaweka", "ile 500 nilirecord jana".
_RECORDED = PhraseTable.of(
    ("nishaweka", "nimeshaweka", "nilishaweka", "nishaandika", "nimeshaandika", "nilishaandika", "nilirecord",
     "nishairecord", "nimesharecord", "already recorded", "already entered", "already added", "recorded it already",
     "nilishairekodi", "nilirekodi")
)  # fmt: skip
_CLAUSE_ENDS = {",", ".", ";", "!", "?"}


def recorded_already(msg: Analysed) -> tuple[int, int] | None:
    """The clause (token span) about an entry already made, when another amount is said outside it."""
    said = _RECORDED.first(msg.lows)
    if said is None:
        return None
    lows = msg.lows
    start = max((i + 1 for i in range(said.start) if lows[i] in _CLAUSE_ENDS), default=0)
    end = next((i for i in range(said.end, len(lows)) if lows[i] in _CLAUSE_ENDS), len(lows))
    outside = [a for a in find_amounts(msg) if a.score >= 0 and (a.end <= start or a.start >= end)]
    return (start, end) if outside else None


def plan_after_done(msg: Analysed) -> int | None:
    """Where a plan with its own amount starts, after money said to have moved ("Kamau paid 2k on Monday
    and will pay 3k on Friday"): only what came before it happened, so only that is read."""
    lows = msg.lows
    if INVOICE_WORDS.first(lows) is not None:
        return None  # "invoice Otieno 3 bags at 750, he will pay 2k Friday": the plan is the due date
    done = next((i for i, w in enumerate(lows) if w in _DONE or _PERFECT.match(w)), None)
    if done is None:
        return None
    amounts = find_amounts(msg)
    for p in range(done + 2, len(lows)):
        opens = lows[p] in _LATER or _FUTURE.match(lows[p]) is not None
        if not opens or not _CLAUSE_BREAKS & set(lows[max(0, p - 3) : p]):
            continue
        before = any(done < a.start and a.end <= p and a.score >= 0 for a in amounts)
        after = any(a.start >= p and a.score >= 0 for a in amounts)
        return p if before and after else None
    return None


_HOLDING = PhraseTable.of(("niko na", "tuko na", "nina", "tuna", "i have", "we have"))
_SET_ASIDE = PhraseTable.of(("set aside", "put aside", "kando", "nimetenga", "tumetenga", "reserved"))


def only_held(msg: Analysed, ev: Evidence) -> bool:
    """ "niko na 5k ya rent", "I have 20k set aside for stock": money the owner holds for something has
    not been spent on it yet (never a record)."""
    if ev.amount is None:
        return False
    if _SET_ASIDE.first(msg.lows) is not None:
        return True
    held = _HOLDING.first(msg.lows)
    return held is not None and held.end == ev.amount.start and not _DONE & set(msg.lows)


_PRICE_TALK = PhraseTable.of(
    ("bei", "price", "prices", "imepanda", "zimepanda", "imeshuka", "gone up", "went up", "has risen", "costs")
)
# A price that rose or fell is news, not a payment: these verbs move no money.
_PRICE_VERBS = {"imepanda", "zimepanda", "imeshuka", "zimeshuka"}


# Money offered and refused, or a purchase given up: "nilikataa", "but I didn't", "sikununua".
_REFUSED = PhraseTable.of(
    ("nilikataa", "nikakataa", "tulikataa", "tukakataa", "i refused", "we refused", "refused it", "but i didn't",
     "but i did not", "but didn't", "didn't buy", "did not buy", "didn't pay", "did not pay", "i declined",
     "we declined", "sikununua", "sikulipa", "hatukununua", "hatukulipa", "sikuuza", "hatukuuza")
)  # fmt: skip
_WANTED = {"nilitaka", "alitaka", "tulitaka", "walitaka", "wanted", "offered", "alitoa offer"}


def refused_or_given_up(msg: Analysed) -> bool:
    """ "mzungu alitaka kulipa euro 40 lakini nilikataa", "nilitaka kununua mbuzi … sikununua", "I wanted to
    buy a fridge for 30k but I didn't": money that was offered or weighed and then did not move."""
    if _REFUSED.first(msg.lows) is None or not (_WANTED & set(msg.lows) or "but" in msg.lows):
        return False
    # "I sold 30 trays … they paid 12,900. They wanted a discount but I refused": the sale happened
    return not any(w in _DONE or _PERFECT.match(w) for w in msg.lows)


def price_told(msg: Analysed, ev: Evidence) -> bool:
    """ "bei ya sugar imepanda, bale ni 7k sai", "price of cement has gone up to 850": a price heard, with no
    word that money moved (never a record)."""
    if ev.amount is None or ev.expense_cues or ev.income_cues:
        return False
    # the price word in the amount's sentence, before it ("nauli 200, nilienda kuangalia bei" paid fare)
    lows = msg.lows
    start = max((i + 1 for i in range(ev.amount.start) if lows[i] in {".", ";", "!", "?"}), default=0)
    if _PRICE_TALK.first(lows[start : ev.amount.start]) is None:
        return False
    return not any(w in _DONE or (_PERFECT.match(w) and w not in _PRICE_VERBS) for w in msg.lows)


def not_moved(msg: Analysed, ev: Evidence) -> bool:
    """ "customer promised to pay 3000 friday", "wish i had sold 10k", "kesho tutaenda kununua mzigo wa
    8000": money talked about that has not moved (contract: never a record)."""
    if _NOT_MOVED.first(msg.lows):
        return True
    # "pesa itakuwa ngapi baada ya siku 21?" asks about the future: a question, not a plan.
    future = any(_FUTURE.match(t.low) for t in msg.tokens) and "?" not in msg.lows
    return future and not _DONE & set(msg.lows)


def only_a_plan(msg: Analysed, ev: Evidence) -> bool:
    """ "nitamlipa fundi Ijumaa", "should I restock sugar?", "tomorrow I will pay the insurance": money
    weighed or planned with no amount to weigh. Nothing moved (contract: unknown, never a record)."""
    if ev.amount is not None:
        return False
    lows = msg.lows
    # Wanting money to move ("nataka kuanza kuuza mitumba"); "nataka kuona kila kitu" asks to see.
    wanting = any(
        w in _WANTING and j + 1 < len(lows) and lows[j + 1] in _MONEY_VERBS and not _adds_a_person(lows, j + 1)
        for j, w in enumerate(lows)
    )
    return wanting or _WEIGHING.first(lows) is not None


_PEOPLE = {
    *v.CUSTOMER_WORDS,
    *v.SUPPLIER_WORDS,
    *(w for words in v.ROLE_WORDS.values() for w in words if " " not in w),
}


def _adds_a_person(lows: tuple[str, ...], verb: int) -> bool:
    """ "nataka kuongeza cashier wangu Wairimu": adding someone to the books or the team, no plan to spend."""
    return lows[verb] == "kuongeza" and bool(_PEOPLE & set(lows[verb + 1 : verb + 4]))


# The owner asking for an entry: "I should record this one", "for now just record what he paid".
_RECORD_THIS = PhraseTable.of(
    ("record this", "record that", "record what", "just record", "record only", "please record", "put it down",
     "please put", "record it", "andika hii", "niandikie", "rekodi hii")
)  # fmt: skip


def can_afford(msg: Analysed, ev: Evidence) -> Intent | None:
    cue = _WEIGHING.first(msg.lows)
    if cue is None:
        return None
    weighed = "afford" in cue.value or "kumudu" in cue.value
    if not weighed and _RECORD_THIS.first(msg.lows):
        # what happened, told to be recorded, or said before a plan ("received 2k from Otieno, he will
        # pay the rest later"): money moved, no purchase weighed
        return None
    if ev.amount is None and ("afford" in cue.value or "kumudu" in cue.value):
        # "can I afford a new oven?": plainly weighing a purchase; the handler asks the price.
        item = _item(msg, cue.end, len(msg.lows))
        return Intent("can_afford", {"item": item} if item else {}, confidence=0.7)
    # "I paid 5k last week, can I afford 10k more?": the price weighed is the one asked about.
    asked = money_amount(msg, set(range(cue.start))) if ev.amount and ev.amount.end <= cue.start else None
    amount = asked or ev.amount
    if amount is None or amount.value <= 0:
        return None
    slots: dict[str, object] = {"amount": plain(amount.value)}
    # "can I afford 15k for radio ads?": the thing may come after the amount.
    item = _item(msg, cue.end, amount.start) or _item(msg, amount.end, len(msg.lows))
    if item:
        slots["item"] = item
    return Intent("can_afford", slots, confidence=0.9)


def _item(msg: Analysed, start: int, stop: int) -> str:
    """The thing named between the verb and the amount, without articles: "a display fridge" -> "display fridge"."""
    lows, tokens = msg.lows, msg.tokens
    # A model number stays with the thing it names ("iphone 13", "samsung a15"); a count before it goes.
    kept = [
        i
        for i in range(start, min(stop, len(lows)))
        if lows[i].isalpha() or (lows[i].isdigit() and lows[i - 1].isalpha())
    ]
    while kept and lows[kept[0]] in _NOT_ITEM:
        kept.pop(0)
    while kept and lows[kept[-1]] in _NOT_ITEM:
        kept.pop()
    out = ""
    for n, i in enumerate(kept):
        glued = n and kept[n - 1] == i - 1 and tokens[i - 1].end == tokens[i].start  # "a15" was one word
        out += ("" if glued else " ") + lows[i]
    return out.strip()


# "cancel deletion", "don't delete my data", "usifute data yangu": the grace period's way back.
_KEEP = PhraseTable.of(
    ("cancel deletion", "cancel the deletion", "stop the deletion", "cancel delete", "don't delete", "dont delete",
     "do not delete", "keep my data", "usifute", "sitaki kufuta", "acha kufuta", "restore my account")
)  # fmt: skip


def my_data(msg: Analysed, ev: Evidence) -> Intent | None:
    if ev.amount is None and _KEEP.first(msg.lows):
        return Intent("my_data", {"action": "cancel"}, confidence=0.9)
    if ev.amount is not None or _DATA.first(msg.lows) is None:
        return None
    if _DELETE.first(msg.lows):
        return Intent("my_data", {"action": "delete"}, confidence=0.9)
    if _EXPORT.first(msg.lows):
        return Intent("my_data", {"action": "export"}, confidence=0.9)
    return None
