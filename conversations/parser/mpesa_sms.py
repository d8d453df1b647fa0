"""Forwarded M-PESA confirmation SMS: received, sent, paybill, till, withdrawal, deposit,
airtime, M-Shwari, reversal, Fuliza, balance and failed messages.

Formats follow `shared/fixtures/mpesa_sms/format_notes.md`: codes of 9-10 capitals and
digits, `d/m/yy` dates in Kenyan time, glued tokens ("PMKsh40.00", "Confirmed.on"), double
spaces in names and promotional trailers that must be ignored.
"""

import re
from dataclasses import dataclass
from datetime import date

import phonenumbers

from conversations.intents import Intent
from conversations.parser.invoices import invoice_number
from conversations.parser.phones import WRITTEN_PHONE_RE
from conversations.parser.records import EXPENSE_CATEGORIES, GOODS, INCOME_CATEGORIES, pick_category
from conversations.parser.text import Analysed
from finance.money import D, plain

# Capitals only, even where the rest is read case-blind: a code has a digit, or is ten capitals
# ("UGLZVRDRFF": about one code in ten since 2024 has no digit).
_CODE = r"(?P<code>(?-i:(?=[A-Z0-9]*[A-Z])(?:(?=[A-Z0-9]*\d)[A-Z0-9]{9,10}|[A-Z]{10})))"
# Swahili airtime messages skip "Imethibitishwa": "TAF5BV0XRN Umenunua Ksh5.00 ya mjazo ...".
_CONFIRMED = r"(?:confirmed|imethibitishwa|(?=(?:umenunua|umepokea|umelipa)\s+ksh))"
_START_RE = re.compile(r"(?:Congratulations!\s*)?\b" + _CODE + r"\s*[.,]?\s*" + _CONFIRMED, re.IGNORECASE)
_FAILED_RE = re.compile(r"^\s*Failed\b", re.IGNORECASE)
_MONEY = r"K[Ss][Hh][Ss]?\.?\s*(?:K[Ss][Hh]\.?\s*)?(?P<{name}>\d[\d,]*(?:\.\d+)?)"
_WHEN = (
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2,4})\s*(?:at\s*|saa\s*)?(?P<h>\d{1,2}):(?P<min>\d{2})\s*(?P<ampm>[AP]M)?"
)
# English "on 4/1/27 at 3:12 PM"; Swahili "mnamo 4/1/27 saa 3:12 PM", "tarehe ...", or the bare date.
_DATE_RE = re.compile(r"(?:\bon|(?<=\d)on|\bmnamo|\btarehe|\bsiku)\s+" + _WHEN, re.IGNORECASE)
_BARE_DATE_RE = re.compile(r"(?<![\d/])" + _WHEN, re.IGNORECASE)
_FEE_RE = re.compile(r"(?:Transaction cost,?|Gharama ya \w+ ni)\s*" + _MONEY.format(name="fee"), re.IGNORECASE)
# Since 2025 the other side's number is masked ("0712***908"): not a phone, not part of a name.
_MASKED_PHONE_RE = re.compile(r"(?<!\d)\+?\d{3,6}\*{2,}\d{2,4}(?!\d)")

_RECEIVED_RE = re.compile(
    # Old messages glue words together ("fromGRACE WANJIRU 254700000382on 6/9/14"): the date ends the name.
    r"You have received\s+"
    + _MONEY.format(name="amount")
    + r"\s+from\s*(?P<who>.+?)\s*\.?\s*on\s+\d{1,2}/\d{1,2}/\d{2}",
    re.IGNORECASE | re.S,
)
# Swahili messages (2024-): "Umepokea Ksh1.00 kutoka John  Doe 0729641937 mnamo 13/1/25 saa 5:39 PM".
_DATE_AHEAD = r"\s*\.?\s*(?:(?:mnamo|tarehe|siku|on)\s+)?\d{1,2}/\d{1,2}/\d{2}"
_RECEIVED_SW_RE = re.compile(
    r"Umepokea\s+" + _MONEY.format(name="amount") + r"\s+kutoka(?:\s+kwa)?\s+(?P<who>.+?)" + _DATE_AHEAD,
    re.IGNORECASE | re.S,
)
_PAYBILL_SW_RE = re.compile(
    _MONEY.format(name="amount")
    + r"\s+(?:imetumwa|zimetumwa)\s+kwa\s+(?P<who>.+?)\s+kwa\s+akaunti(?:\s+nambari)?\s*(?P<account>.*?)"
    + _DATE_AHEAD,
    re.IGNORECASE | re.S,
)
_SENT_SW_RE = re.compile(
    r"(?:"
    + _MONEY.format(name="amount")
    + r"\s+(?:imetumwa|zimetumwa)\s+kwa|Umelipa\s+"
    + _MONEY.format(name="amount2")
    + r"\s+kwa)\s+(?P<who>.+?)"
    + _DATE_AHEAD,
    re.IGNORECASE | re.S,
)
_AIRTIME_SW_RE = re.compile(r"Umenunua\s+" + _MONEY.format(name="amount") + r"\s+ya\s+mjazo", re.IGNORECASE)
_MERCHANT_RECEIVED_RE = re.compile(
    # A till's own confirmation: "... New Account balance", "... Account balance is", or just "NAME."
    _MONEY.format(name="amount")
    + r"\s+received from\s+(?P<who>.+?)(?:\s*\.?\s*(?:New\s+)?Account\s+balance|\.\s|\.?\s*$)",
    re.IGNORECASE | re.S,
)
_PAYBILL_RE = re.compile(
    # The account may be a number, words ("SAFARICOM DATA BUNDLES") or left empty ("for account on ...").
    _MONEY.format(name="amount") + r"\s+sent to\s+(?P<who>.+?)\s+for account\s*(?P<account>.*?)\s*on\s+\d",
    re.IGNORECASE | re.S,
)
_SENT_RE = re.compile(_MONEY.format(name="amount") + r"\s+sent to\s+(?P<who>.+?)\s*\.?\s+on\s+\d", re.IGNORECASE | re.S)
_PAID_RE = re.compile(_MONEY.format(name="amount") + r"\s+paid to\s+(?P<who>.+?)\s*\.?\s+on\s+\d", re.IGNORECASE | re.S)
_AIRTIME_RE = re.compile(
    r"You bought\s+" + _MONEY.format(name="amount") + r"\s+of airtime(?:\s+for\s+(?P<for>\+?\d[\d ]{8,13}\d))?",
    re.IGNORECASE,
)
_WITHDRAW_RE = re.compile(
    r"Withdraw\s+" + _MONEY.format(name="amount") + r"\s+from\s+(?P<who>.+?)\s+New\s+M-PESA", re.IGNORECASE | re.S
)
# "... umetoa Ksh10,000.00 kutoka 284511 - Mutua Agencies Machakos Town. Salio jipya ...": withdrawn.
_WITHDRAW_SW_RE = re.compile(
    r"(?:umetoa|toa)\s+" + _MONEY.format(name="amount") + r"\s+kutoka(?:\s+kwa)?\s+(?P<who>.+?)\s*\.?\s*"
    r"(?:Salio|Baki|New)",
    re.IGNORECASE | re.S,
)
_DEPOSIT_RE = re.compile(
    r"Give\s+" + _MONEY.format(name="amount") + r"\s+cash to\s+(?P<who>.+?)\s+New\s+M-PESA", re.IGNORECASE | re.S
)
# M-Shwari and KCB M-PESA are the owner's savings, both ways; Safaricom spells it "transfered" too.
_SAVINGS = r"(?:your\s+)?(?:M-?Shwari|KCB\s+M-?PESA)"
# Ziidi is a money-market fund: a move to or from the owner's savings kept as "bank" (contract).
_ZIIDI_RE = re.compile(_MONEY.format(name="amount") + r"\s+transferr?ed\s+(?P<dir>to|from)\s+Ziidi", re.IGNORECASE)
_MSHWARI_RE = re.compile(
    _MONEY.format(name="amount") + r"\s+transferr?ed\s+(?P<dir>to|from)\s+" + _SAVINGS, re.IGNORECASE
)
# "Ksh60,000.00 transferred from M-PESA to KCB M-PESA account": into savings, said from both ends.
_SAVINGS_IN_RE = re.compile(
    _MONEY.format(name="amount") + r"\s+transferr?ed\s+from\s+M-?PESA(?:\s+account)?\s+(?P<dir>to)\s+" + _SAVINGS,
    re.IGNORECASE,
)
# "You have invested Ksh150,000.00 in Ziidi MMF", "You have withdrawn Ksh80,000.00 from Ziidi MMF to M-PESA".
_ZIIDI_WORDED_RE = re.compile(
    r"(?:(?P<into>invested|saved|deposited)|withdrawn)\s+"
    + _MONEY.format(name="amount")
    + r"\s+(?:in|into|to|from)\s+Ziidi",
    re.IGNORECASE,
)
_SAVINGS_OUT_RE = re.compile(
    r"transferr?ed\s+" + _MONEY.format(name="amount") + r"\s+(?P<dir>to|from)\s+" + _SAVINGS, re.IGNORECASE
)
_FULIZA_PAID_RE = re.compile(
    _MONEY.format(name="amount")
    + r"\s+from your M-?PESA has been used to (?:fully|partially) pay your outstanding Fuliza",
    re.IGNORECASE,
)
# Money market funds the owner saves in through M-PESA: moves to and from a bank-like account.
_FUNDS = ("ziidi",)
_REVERSAL_RE = re.compile(
    r"Reversal of transaction\s+(?P<orig>[A-Z0-9]{9,10}).*?" + _MONEY.format(name="amount") + r"\s+is credited",
    re.IGNORECASE | re.S,
)
_FULIZA_RE = re.compile(
    r"Fuliza M-?PESA amount is\s+"
    + _MONEY.format(name="amount")
    + r".*?Access Fee charged\s+"
    + _MONEY.format(name="fee"),
    re.IGNORECASE | re.S,
)
_BALANCE_RE = re.compile(r"Your M-?PESA balance was|Baki yako ni\s*:", re.IGNORECASE)
# Whole words: "OTHAYA FARMERS COOPERATIVE" pays for coffee, "the Okafor family" is no Family Bank.
_BANKISH = re.compile(
    r"\b(?:bank|kcb|equity|co-?op|ncba|stanbic|absa|dtb|i&m|family bank|money transfer|sacco)\b", re.IGNORECASE
)
# "KIAMBAA DAIRY FARMERS CO-OP SOCIETY" buys milk: a farmers' co-op is a buyer, not the Co-op Bank.
_COOPERATIVE_RE = re.compile(r"\b(?:society|farmers|dairy|union|growers|producers)\b", re.IGNORECASE)


def _bankish(name: str) -> bool:
    if not _BANKISH.search(name):
        return False
    return not _COOPERATIVE_RE.search(name) or "bank" in name.lower()


@dataclass
class _Common:
    code: str | None
    date: str | None
    time: str | None
    fee: str | None


# A transaction that did not go through moves no money, however it is worded ("Failed. Insufficient
# funds in your M-PESA account to pay Ksh2,000.00 to ...", "... was not sent to ...").
_DID_NOT_GO_RE = re.compile(
    r"\b(?:failed|insufficient funds|not enough (?:money|funds)|do not have (?:sufficient|enough) funds|"
    r"(?:unable to|cannot|can not|could not) (?:authori[sz]e|complete|process)|was not (?:sent|completed)|"
    r"could not be completed|(?:wrong|incorrect|invalid) PIN|"
    r"hakuna pesa za kutosha|huna pesa za kutosha|umekataa kuidhinisha|imefeli|haikufaulu|haukufaulu)\b",
    re.IGNORECASE,
)
_FAILED_WORDING_RE = re.compile(r"m-pesa|\bpin\b|\btransaction\b|try again|\bmuamala\b", re.IGNORECASE)
_LEADING_CODE_RE = re.compile(r"^\s*" + _CODE + r"\b")
# Safaricom's own wording of a failure, forwarded with the owner's words before it and no code.
_SAFARICOM_WORDING_RE = re.compile(
    r"\bFailed\.\s*(?:Transaction|You|Your|M-PESA|Unable|Insufficient|Not enough)\b|"
    r"could not be completed|insufficient funds in your|"
    r"do not have (?:sufficient|enough) funds|hakuna pesa za kutosha|huna pesa za kutosha|umekataa kuidhinisha|"
    r"muamala haukufaulu",
    re.IGNORECASE,
)


def failed_notice(text: str) -> Intent | None:
    """mpesa_info for an M-PESA message about a transaction that failed; None for anything else."""
    if not _DID_NOT_GO_RE.search(text):
        return None
    if not re.search(_MONEY.format(name="amount"), text) and not (
        _FAILED_RE.match(text) and _FAILED_WORDING_RE.search(text)
    ):
        return None  # "Failed. M-PESA cannot authorise ... wrong PIN" names no amount, and moved none
    code = _LEADING_CODE_RE.match(text)
    if code is None and "m-pesa" not in text.lower() and not _SAFARICOM_WORDING_RE.search(text):
        return None  # "payment failed, paid cash 500" is the owner talking, not Safaricom
    return Intent("mpesa_info", {"reference": code.group("code")} if code else {}, confidence=0.95)


_SERVICE_RE = re.compile(r"\b(?:fuliza|m-?pesa|m-shwari|kcb m-?pesa|okoa jahazi)\b", re.IGNORECASE)
_SETTING_RE = re.compile(
    r"\blimit\b[^.]{0,40}\b(?:increased|reduced|revised|raised|lowered|is now|has been)\b|\bopt[- ]?in\b|"
    r"\byou (?:now )?qualify\b|\byou are eligible\b",
    re.IGNORECASE,
)
_MOVED_RE = re.compile(r"\b(?:sent to|paid to|received|withdraw|give ksh|you bought|transferred)\b", re.IGNORECASE)


# A reversal asked for, refused or still pending moves nothing; "Reversal of transaction X ... is credited" does.
_REVERSAL_NOTICE_RE = re.compile(
    r"\brequest to reverse transaction\b|\bcannot be reversed\b|\breversal request\b|"
    r"\breversal of .{0,40}\b(?:has been|was) (?:rejected|declined|received)\b",
    re.IGNORECASE,
)


def account_notice(text: str) -> Intent | None:
    """mpesa_info for Safaricom telling the owner about their account ("Your Fuliza M-PESA limit has been
    increased to Ksh 5,000.00"): a limit, an offer, an overdraft notice or a reversal request, no money
    moved."""
    code = _START_RE.search(text)
    reference = {"reference": code["code"].upper()} if code else {}
    single = len(_START_RE.findall(text)) <= 1  # a notice forwarded with a real payment: the payment counts
    notice = _REVERSAL_NOTICE_RE.search(text) or (_FULIZA_RE.search(text) and not _MOVED_RE.search(text))
    if single and notice and not _FULIZA_PAID_RE.search(text):
        return Intent("mpesa_info", reference, confidence=0.9)
    if not _SERVICE_RE.search(text) or not _SETTING_RE.search(text) or _MOVED_RE.search(text):
        return None
    return Intent("mpesa_info", confidence=0.9)


def looks_like_mpesa(text: str) -> bool:
    return bool(_START_RE.search(text)) or (bool(_FAILED_RE.match(text)) and "phone number" in text.lower())


def _money(text: str) -> str:
    return plain(D(text))


def _phone(text: str) -> tuple[str | None, str]:
    """(E.164 phone, the text without it)."""
    text = _MASKED_PHONE_RE.sub(" ", text)
    m = WRITTEN_PHONE_RE.search(text)
    if not m:
        return None, text
    digits = re.sub(r"\s", "", m.group()).lstrip("+")
    number = phonenumbers.parse("+" + digits if digits.startswith("254") else digits, "KE")
    if not phonenumbers.is_valid_number(number):
        return None, text
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164, text[: m.start()] + " " + text[m.end() :]


_SMALL_WORDS = {"of", "and", "the", "for", "la", "na", "ya", "wa"}


def _name(raw: str) -> str:
    """ "DAVID  NJOROGE" -> "David Njoroge", "KCB 1 501901" -> "KCB"; keeps "B2C" and short acronyms."""
    # Long trailing numbers are a paybill, till or phone; a short one is part of the name ("CARREFOUR 12").
    words = re.sub(r"(?:\s+\d+)*\s+\d{5,}\s*$", "", raw.replace("\n", " ")).split()
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        elif any(ch.isdigit() for ch in word) or (word.isupper() and len(word) <= 3):
            out.append(word)
        elif word.isupper() or word.islower():
            out.append(word[:1].upper() + word[1:].lower())
        else:
            out.append(word)
    return " ".join(out).strip(" .-")


def _common(segment: str) -> _Common:
    code = _START_RE.search(segment)
    when = _DATE_RE.search(segment) or _BARE_DATE_RE.search(segment)
    day = clock = None
    if when:
        year = int(when["y"]) + (2000 if len(when["y"]) == 2 else 0)
        try:
            day = date(year, int(when["m"]), int(when["d"])).isoformat()
        except ValueError:
            day = None
        hour = int(when["h"])
        if when["ampm"]:  # some messages give the time in 24 hours ("at 18:49")
            hour = hour % 12 + (12 if when["ampm"].upper() == "PM" else 0)
        clock = f"{hour:02d}:{when['min']}"
    fee = _FEE_RE.search(segment)
    return _Common(
        code=code["code"].upper() if code else None,
        date=day,
        time=clock,
        fee=_money(fee["fee"]) if fee else None,
    )


def _slots(common: _Common, today: date, **extra: object) -> dict[str, object]:
    slots: dict[str, object] = {k: v for k, v in extra.items() if v is not None}
    if common.code:
        slots["reference"] = common.code
    slots["date"] = common.date or today.isoformat()
    if common.time:
        slots["time"] = common.time
    if common.fee is not None and "fee" not in slots:
        slots["fee"] = common.fee
    slots["channel"] = "mpesa"
    return slots


# Kenya's water companies are named "<town> Water and Sanitation Company": NYEWASCO, NAWASSCO, KIWASCO.
_WATER_COMPANY_RE = re.compile(r"\b\w*wass?co\b|\bwater\b", re.IGNORECASE)


def _expense_category(*texts: str) -> str | None:
    if any(_WATER_COMPANY_RE.search(t) for t in texts):
        return "utilities"
    return pick_category(EXPENSE_CATEGORIES.all(Analysed.of(" ".join(texts)).lows))


def _savings_move(common: _Common, today: date, m: re.Match[str], savings: str, confidence: float) -> Intent:
    """Money "transferred to" or "from" the owner's savings (M-Shwari, KCB M-PESA, Ziidi) and M-PESA."""
    into = m["dir"].lower() == "to"
    moved = {"from": "mpesa" if into else savings, "to": savings if into else "mpesa"}
    return Intent("record_transfer", _slots(common, today, amount=_money(m["amount"]), **moved), confidence=confidence)


def _paid_bill(common: _Common, today: date, amount: str, payee: str, account: str) -> Intent:
    who = _name(_MASKED_PHONE_RE.sub(" ", payee))
    number = account.strip(" .") or None
    slots = _slots(
        common,
        today,
        amount=_money(amount),
        counterparty=who,
        account=number,
        category=_expense_category(who, number or ""),
    )
    return Intent("record_expense", slots, confidence=0.97)


def _sent(common: _Common, today: date, amount: str, payee: str) -> Intent:
    phone, who = _phone(payee)
    if phone is None and any(f in who.lower() for f in _FUNDS):
        slots = _slots(common, today, amount=_money(amount), **{"from": "mpesa", "to": "bank"})
        return Intent("record_transfer", slots, confidence=0.9)
    slots = _slots(
        common,
        today,
        amount=_money(amount),
        counterparty=_name(who) or None,
        phone=phone,
        category=_expense_category(who),
    )
    return Intent("record_expense", slots, confidence=0.97)


def _received(common: _Common, today: date, amount: str, payer: str) -> Intent:
    phone, who = _phone(payer)
    name = _name(re.sub(r"^\d{5,7}\s*-\s*", "", who)) or None
    if phone is None and name and (_bankish(name) or any(f in name.lower() for f in _FUNDS)):
        # Money from the owner's own bank account is a transfer, not income.
        slots = _slots(common, today, amount=_money(amount), counterparty=name, **{"from": "bank", "to": "mpesa"})
        return Intent("record_transfer", slots, confidence=0.85)
    slots = _slots(common, today, amount=_money(amount), counterparty=name, phone=phone)
    return Intent("record_income", slots, confidence=0.97)


def _segment(segment: str, today: date) -> Intent | None:
    common = _common(segment)
    if _FAILED_RE.match(segment) and not common.code:
        return Intent("mpesa_info", {}, confidence=0.99)
    if _BALANCE_RE.search(segment):
        return Intent("mpesa_info", {"reference": common.code} if common.code else {}, confidence=0.99)
    if _FULIZA_RE.search(segment):
        # A notice about an overdraft on a transaction already confirmed: it moves no money itself
        # (the contract's edge rule); the repayment is what is recorded, when it comes.
        return Intent("mpesa_info", {"reference": common.code} if common.code else {}, confidence=0.95)
    if m := _FULIZA_PAID_RE.search(segment):
        slots = _slots(
            common, today, amount=_money(m["amount"]), category="loan_repayment", counterparty="Fuliza M-PESA"
        )
        return Intent("record_expense", slots, confidence=0.95)
    if m := _REVERSAL_RE.search(segment):
        slots = _slots(
            common,
            today,
            amount=_money(m["amount"]),
            category="other_income",
            counterparty="M-PESA reversal",
            note=f"reversal of {m['orig'].upper()}",
        )
        return Intent("record_income", slots, confidence=0.95)
    if m := _ZIIDI_RE.search(segment):
        return _savings_move(common, today, m, "bank", confidence=0.95)
    if m := _ZIIDI_WORDED_RE.search(segment):
        moved = {"from": "mpesa", "to": "bank"} if m["into"] else {"from": "bank", "to": "mpesa"}
        return Intent("record_transfer", _slots(common, today, amount=_money(m["amount"]), **moved), confidence=0.95)
    if m := _SAVINGS_IN_RE.search(segment) or _MSHWARI_RE.search(segment) or _SAVINGS_OUT_RE.search(segment):
        return _savings_move(common, today, m, "mshwari", confidence=0.97)
    if m := _WITHDRAW_RE.search(segment) or _WITHDRAW_SW_RE.search(segment):
        slots = _slots(
            common, today, amount=_money(m["amount"]), counterparty=_name(m["who"]), **{"from": "mpesa", "to": "cash"}
        )
        return Intent("record_transfer", slots, confidence=0.97)
    if m := _DEPOSIT_RE.search(segment):
        slots = _slots(
            common, today, amount=_money(m["amount"]), counterparty=_name(m["who"]), **{"from": "cash", "to": "mpesa"}
        )
        return Intent("record_transfer", slots, confidence=0.97)
    if m := _AIRTIME_RE.search(segment) or _AIRTIME_SW_RE.search(segment):
        phone = _phone(m.groupdict().get("for") or "")[0]
        return Intent(
            "record_expense",
            _slots(common, today, amount=_money(m["amount"]), category="airtime", phone=phone),
            confidence=0.97,
        )
    if m := _PAYBILL_RE.search(segment) or _PAYBILL_SW_RE.search(segment):
        return _paid_bill(common, today, m["amount"], m["who"], m["account"])
    if m := _PAID_RE.search(segment) or _SENT_RE.search(segment) or _SENT_SW_RE.search(segment):
        return _sent(common, today, m.groupdict().get("amount") or m["amount2"], m["who"])
    if m := _RECEIVED_RE.search(segment) or _MERCHANT_RECEIVED_RE.search(segment) or _RECEIVED_SW_RE.search(segment):
        return _received(common, today, m["amount"], m["who"])
    if common.code:
        return Intent("mpesa_info", {"reference": common.code}, confidence=0.6)
    return None


def parse_mpesa(text: str, today: date) -> list[Intent]:
    """Every confirmation in the text, in order; empty when it is not an M-PESA message."""
    if not looks_like_mpesa(text):
        return []
    starts = [m.start() for m in _START_RE.finditer(text)] or [0]
    starts[0] = 0
    found = []
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        intent = _segment(text[begin:end], today)
        if intent is not None:
            found.append(intent)
    if len(found) == 1:
        words = _owners_words(text)
        if _to_my_own_bank(found[0], words):
            found[0] = _as_own_move(found[0])
        elif (paid := _paid_an_invoice(found[0], words)) is not None:
            found[0] = paid
        else:
            _owner_says_what_for(found[0], words)
    return found


_INVOICE_WORD_RE = re.compile(r"\b(?:invoice|invoices|ankara|INV-?\s*\d+)\b", re.IGNORECASE)


def _paid_an_invoice(intent: Intent, words: str) -> Intent | None:
    """Money received that the owner's note ties to an invoice ("hii ni ya invoice INV-0036") pays it."""
    if intent.name != "record_income" or not _INVOICE_WORD_RE.search(words):
        return None
    slots = {k: v for k, v in intent.slots.items() if k not in ("counterparty", "phone", "category")}
    if intent.slots.get("counterparty"):
        slots["customer"] = intent.slots["counterparty"]
    number = invoice_number(Analysed.of(words))
    if number:
        slots["invoice"] = number
    return Intent("record_payment", slots, confidence=0.9)


# The owner's note that the bank paid into is their own: "kwa account yangu ya equity", "to my own account".
_MY_OWN_RE = re.compile(
    r"\b(?:account yangu|akaunti yangu|acc yangu|(?:my|our) (?:own )?(?:company |business )?(?:[a-z-]+ )?"
    r"(?:savings )?(?:account|acc|a/c)|our own transfer|own account|(?:record|save|put) it as a transfer|"
    r"the company(?: [a-z-]+)? account)\b",
    re.I,
)
# "not expense" says what it is not: a move; "not mine", "si yangu" say whose it is.
_NOT_MINE_RE = re.compile(
    r"\b(?:not(?! (?:an? )?expense)|si(?! expense)|mkopo|loan|kodi|rent|fees|supplier|his|her|their)\b|'s\b",
    re.IGNORECASE,
)


def _to_my_own_bank(intent: Intent, words: str) -> bool:
    """Money sent to a bank's paybill that the owner's note calls their own account."""
    payee = str(intent.slots.get("counterparty") or "")
    mine = bool(_MY_OWN_RE.search(words)) and not _NOT_MINE_RE.search(words)
    return intent.name == "record_expense" and _bankish(payee) and mine


def _as_own_move(intent: Intent) -> Intent:
    slots = {k: v for k, v in intent.slots.items() if k not in ("counterparty", "account", "category", "phone")}
    return Intent("record_transfer", {**slots, "from": "mpesa", "to": "bank"}, confidence=0.85)


# Safaricom's own wording: a line with any of these is the confirmation, not the owner's note.
_SAFARICOM_LINE_RE = re.compile(r"confirmed|m-pesa|ksh|balance|transaction cost|dial \*|transact", re.IGNORECASE)


def _owners_words(text: str) -> str:
    """The words the owner wrote around a forwarded confirmation ("hii ni ya CV typing"): whole lines of
    their own, and what comes before the code on the confirmation's line ("rent ya shop 🙏 UJ5K... Confirmed")."""
    start = _START_RE.search(text)
    before = text[: start.start()] if start else ""
    lines = [line for line in before.splitlines() if line.strip()]
    after = text[start.start() :] if start else text
    lines += [line for line in after.splitlines() if line.strip() and not _SAFARICOM_LINE_RE.search(line)]
    return " ".join(lines)


def _owner_says_what_for(intent: Intent, words: str) -> None:
    """The owner's note names what the money was for: it is more specific than the payee's name."""
    if not words or intent.name not in ("record_expense", "record_income"):
        return
    lows = Analysed.of(words).lows
    spent = EXPENSE_CATEGORIES.all(lows)
    if intent.name == "record_expense":
        category = pick_category(spent)
    else:
        category = pick_category(INCOME_CATEGORIES.all(lows))
        if category is None and GOODS & {m.value for m in spent}:
            category = "sales"  # "ya mitumba": goods were sold
    if category:
        intent.slots["category"] = category
