"""Money the owner moves between their own places, typed rather than forwarded: "nimetoa 3k kwa
agent", "weka 2k kwa M-Shwari", "deposited 10k to the bank". A move is neither income nor expense
(contract: record_transfer, `from`/`to` one of cash, mpesa, mshwari, bank)."""

from datetime import date
from itertools import pairwise

from conversations.intents import Intent
from conversations.parser import vocabulary as v
from conversations.parser.dates import Period
from conversations.parser.names import name_at, name_before
from conversations.parser.records import Evidence
from conversations.parser.text import Analysed, Match, PhraseTable
from finance.money import plain

_PLACES = PhraseTable.grouped(
    {
        "cash": ("agent", "wakala", "cash", "mkononi"),
        "mshwari": ("mshwari", "m-shwari", "m shwari", "lock savings", "kcb m-pesa", "kcb mpesa"),
        "bank": (
            "bank",
            "benki",
            "atm",
            "equity",
            "co-op bank",
            "coop bank",
            "ziidi",
            "kcb",
            "absa",
            "stanbic",
            "ncba",
            "family bank",
            "dtb",
            "bank account",
            "akaunti ya benki",
            "sacco",
            # "from the Co-op account", "to the company Equity account"
            "co-op account",
            "coop account",
            "co-operative bank",
            "cooperative bank",
            "equity account",
            "kcb account",
            "ncba account",
            "absa account",
            "company account",
        ),
        "mpesa": ("mpesa", "m-pesa", "pochi", "pochi la biashara", "till"),
    }
)
_OUT_OF = PhraseTable.of(
    (
        "withdrew",
        "withdraw",
        "withdrawn",
        "withdrawal",
        "nimetoa",
        "nmetoa",
        "nimewithdraw",
        "cashed out",
        "cash out",
        "toa",
        "took out",
        "take out",
        "taken out",
        "tumetoa",
        "nilitoa",
        "tulitoa",
        "nikatoa",
        "tukatoa",
    )
)
_INTO = PhraseTable.of(
    (
        "deposited", "deposit", "nimeweka", "nmeweka", "weka", "saved", "nimesave", "put", "nimedeposit", "banked",
        "tumeweka", "niliweka", "nimeiweka", "nimeisave", "tumesave", "nimepeleka", "nilipeleka", "tumepeleka",
        "nikaweka", "tukaweka", "nikapeleka", "nikadeposit", "kuweka", "kuiweka", "nimebank", "nilibank",
        "nimeipeleka", "niliipeleka", "nikaiweka", "nimeiweka benki",
        "tumebank", "kubank",
    )
)  # fmt: skip
_MOVE = PhraseTable.of(
    # "float top up 50k from Equity": an agent's float loaded from their own bank.
    (
        "moved",
        "transferred",
        "transfer",
        "nimehamisha",
        "nimetransfer",
        "nilitransfer",
        "tumetransfer",
        "hamisha",
        "sent",
        "nimetuma",
        "nmetuma",
        "top up",
        "topped up",
        "topup",
    )
)
_PLAINLY_MOVED = {
    "withdrew", "withdraw", "withdrawn", "nimetoa", "nmetoa", "nilitoa", "tumetoa", "nimewithdraw", "cashed out",
    "deposited", "nimedeposit", "banked", "moved", "transferred", "nimehamisha", "nimebank", "nilibank", "tumebank",
    "nimetransfer", "nilitransfer",
}  # fmt: skip
# Savings put away in a SACCO are still the owner's money ("nimeweka akiba yangu 5k kwa SACCO").
_SAVING = {"akiba", "savings", "saving", "save", "saved", "nimesave", "kuweka akiba"}
_FROM = {"from", "kutoka", "toka"}
# Funds kept as "bank" (contract) that only M-PESA pays into and out of.
_PHONE_FUNDS = {"ziidi"}
_TO = {"to", "into", "kwa", "kwenda", "in", "on", ">"}  # "M-Pesa -> KCB bank"
# An expense that names a bank or an agent: a loan repaid, fees or charges paid.
# ("agent fee 112" beside a withdrawal is its cost, not what it was for.)
_NOT_A_MOVE = {"loan", "mkopo", "interest", "riba", "paid", "nimelipa", "lipa"}


def _someone_else_moved(msg: Analysed, at: int, places: list[Match]) -> bool:
    lows = msg.lows
    if any(w in v.CUSTOMER_WORDS for w in lows[:at]):
        return True
    if _from_a_party(msg, places):
        return True  # "Received 1,500 euros by bank transfer from TUI": paid by someone, through the bank
    if any(p.start <= at - 1 < p.end for p in places):
        return False  # "Nimeenda benki Equity nikaweka": the bank, not who banked
    who = name_before(msg, at) or ""
    # As written: name_before gives every name capitals ("adeer nimeweka 1.5m cash KCB" is the owner talking).
    written = at > 0 and msg.tokens[at - 1].text[:1].isupper()
    return written and bool(who) and who.lower() not in {"i", "we", "nime", "tume"}


def _from_a_party(msg: Analysed, places: list[Match]) -> bool:
    """Money received "from" a name that is none of the owner's places ("Banked 45,000 from Saturday's
    sales" moved the owner's own takings)."""
    if not {"received", "receive", "got"} & set(msg.lows):
        return False
    for j, low in enumerate(msg.lows[:-1]):
        if (
            low in {"from", "kutoka"}
            and not any(p.start == j + 1 for p in places)
            and msg.tokens[j + 1].text[:1].isupper()
        ):
            found = name_at(msg, j + 1, limit=3)
            if found and not any(p.start <= j + 1 < p.end for p in places):
                return True
    return False


def _place_to_place(msg: Analysed, ev: Evidence, places: list[Match], today: date, day: Period | None) -> Intent | None:
    """ "pochi to mpesa 4500", "mshwari to mpesa 2k": one of the owner's places, "to", another; no verb."""
    if _NOT_A_MOVE & set(msg.lows) or ev.amount is None or ev.amount.value <= 0:
        return None
    for first, second in pairwise(places):
        joined = msg.lows[first.end : second.start] == ("to",)
        if joined and first.phrase != second.phrase:
            slots = {"amount": plain(ev.amount.value), "from": first.value, "to": second.value}
            slots["date"] = (day.start if day else today).isoformat()
            return Intent("record_transfer", slots, confidence=0.75)
    return None


def own_move(msg: Analysed, ev: Evidence, today: date, day: Period | None) -> Intent | None:
    lows = msg.lows
    saving = bool(_SAVING & set(lows))
    # a SACCO is one of the owner's places only for savings; paid to otherwise, it is a loan or a chama
    places = [p for p in _PLACES.scan(lows) if p.phrase != "sacco" or saving]
    verb = _OUT_OF.first(lows) or _INTO.first(lows) or _MOVE.first(lows)
    spent_on = [m for m in ev.expense_categories if m.value != "fees" and not (saving and m.phrase == "sacco")]
    banked = verb is not None and verb.phrase == "banked"  # the verb names the place: "banked 35k cash"
    # "Withdrew 20k at the agent for the casuals", "deposited 85,000 at Equity, rent collections": what the
    # cash is for or came from does not make withdrawing or banking it income or an expense.
    into = _INTO.first(lows)
    banked_at = verb is not None and into is not None and any(p.value == "bank" for p in places)
    # "Pesa ya mauzo 35,000 nimeiweka kwa mpesa kupitia agent": takings deposited at an agent stay the owner's
    at_agent = into is not None and any(p.phrase in {"agent", "wakala"} for p in places)
    plainly_moved = verb is not None and (verb.phrase in _PLAINLY_MOVED or banked_at or at_agent)
    if "petty" in lows and spent_on:
        return None  # "nauli ... nimetoa kwa ile mbesa ya petty cash": the fare was paid out of petty cash
    if not plainly_moved and (ev.income_categories or spent_on):
        return None
    if verb is None and not (ev.expense_cues or ev.income_cues):
        return _place_to_place(msg, ev, places, today, day)
    if not (places or banked) or verb is None or _NOT_A_MOVE & set(lows):
        return None
    if _someone_else_moved(msg, verb.start, places):
        return None  # "Customer deposited 5,000 into my Equity account": money in, not the owner's own move
    source = target = None
    for place in places:
        # "from the KCB bank account": the direction word stands up to three words before the place.
        lead = [lows[j] for j in range(place.start - 1, max(place.start - 4, -1), -1)]
        lead = lead[: next((k for k, w in enumerate(lead) if w in _FROM or w in _TO), len(lead)) + 1]
        if lead and lead[-1] in _FROM:
            source = source or place.value
        elif lead and lead[-1] in _TO:
            target = target or place.value
    accounts = [p.value for p in places if p.value != "cash"]  # "agent" and "cash" are where cash is
    if banked and "bank" not in accounts:
        accounts.insert(0, "bank")
        target = target or "bank"
    named = accounts[0] if accounts else "cash"
    if _OUT_OF.first(lows) is not None:
        # Withdrawn: at an agent, M-Pesa becomes cash; from savings or the bank, it comes out to M-Pesa or cash.
        if named == "cash":
            source, target = "mpesa", "cash"
        else:
            if target == named and source is None:
                target = None  # "nimetoa 2k kwa M-Shwari": withdrawn *from* it
            put = _INTO.first(lows)
            if target is None and put is not None and put.start > verb.start:
                # "nimetoa 20k kwa bank nikaweka kwa mpesa": taken out, then put in the place named next
                target = next((p.value for p in places if p.start > put.start and p.value != named), None)
            source = source or named
            by_phone = any(p.phrase in _PHONE_FUNDS for p in places)
            cash = (source == "bank" and not by_phone) or len(accounts) < len(places)
            target = target or ("cash" if cash else "mpesa")
    elif _INTO.first(lows) is not None:
        # Deposited: at an agent, cash becomes M-Pesa; into savings from M-Pesa; into the bank from cash.
        if named == "cash":
            source, target = "cash", "mpesa"
        else:
            target = target if target and target != "cash" else named
            cash_named = len(accounts) < len(places)  # "nimeweka 12k kwa mpesa yangu kwa agent"
            by_phone = any(p.phrase in _PHONE_FUNDS for p in places)  # Ziidi is saved into from M-PESA only
            source = source or ("cash" if (target == "bank" and not by_phone) or cash_named else "mpesa")
    elif source is None or target is None:
        if target is None and source is None:
            target = named
        # "Nimehamisha 50,000 kutoka akaunti yangu ya Equity kwenda M-PESA": the account named is the source
        source = source or (named if named != target else "mpesa")
        target = target or "mpesa"
    if source == target:
        return None
    slots: dict[str, object] = {}
    if ev.amount is not None and ev.amount.value > 0:
        slots["amount"] = plain(ev.amount.value)
    slots["from"], slots["to"] = source, target
    slots["date"] = (day.start if day else today).isoformat()
    return Intent("record_transfer", slots, confidence=0.8 if "amount" in slots else 0.6)
