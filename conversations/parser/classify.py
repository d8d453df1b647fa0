"""The local parser: one message in, one intent out. Rules read the vocabulary tables; no network."""

import re
from datetime import date

from conversations.intents import Intent, unknown
from conversations.parser import accounts, contacts, insights, invoices, repeats, team, wishes
from conversations.parser import vocabulary as v
from conversations.parser.amounts import find_amounts
from conversations.parser.currency import rate_statement
from conversations.parser.dates import find_day, find_period
from conversations.parser.mpesa_sms import account_notice, failed_notice, looks_like_mpesa, parse_mpesa
from conversations.parser.names import KNOWN_WORDS
from conversations.parser.phones import find_phone
from conversations.parser.queries import METRICS, is_question, metric_of, query_intent
from conversations.parser.records import Evidence, gather, not_earned, record_intent
from conversations.parser.self_corrections import corrected
from conversations.parser.swahili_verbs import tells_about_someone
from conversations.parser.text import Analysed, PhraseTable
from conversations.parser.transfers import own_move
from finance.money import plain

MAX_PARSE_CHARS = 1000  # longer messages are cut: nobody types a ledger entry that long
MAX_MPESA_CHARS = 8000  # several forwarded confirmations in one message

_GREETINGS = PhraseTable.of(v.GREETING_WORDS)
_HELP = frozenset(" ".join(Analysed.of(p).lows) for p in v.HELP_PHRASES)
_UNDO = frozenset(" ".join(Analysed.of(p).lows) for p in v.UNDO_PHRASES)
_REDO = frozenset(" ".join(Analysed.of(p).lows) for p in v.REDO_PHRASES)
_VOICE_MODE = {" ".join(Analysed.of(p).lows): mode for mode, phrases in v.VOICE_MODE_PHRASES.items() for p in phrases}
_CHART_MODE = {" ".join(Analysed.of(p).lows): mode for mode, phrases in v.CHART_MODE_PHRASES.items() for p in phrases}
_LANGUAGE = {" ".join(Analysed.of(p).lows): lang for lang, phrases in v.LANGUAGE_SWITCH.items() for p in phrases}
_UNDO_VERBS = {
    "undo", "futa", "ondoa", "delete", "remove", "cancel", "scratch", "reverse", "batilisha", "iondoe", "ifute",
    "ifutwe", "iondolewe", "toa", "irudishe", "rudisha",
}  # fmt: skip
# Said around an undo: "hapana hiyo si sahihi, iondoe", "futa ile ya mwisho nimekosea amount".
_UNDO_TALK = {
    "hapana", "no", "si", "sio", "sahihi", "wrong", "mistake", "nimekosea", "ile", "what", "you",
    "amount", "entry", "is", "was", "that's", "thats", "not", "right", "correct", "kosa", "tafadhali", "please",
    "niliweka", "nimeweka", "vibaya", "nilikosea", "makosa", "kimakosa", "wrongly", "mistakenly", "by",
    "kitu", "nimeandika", "niliandika", "sasa", "hivi", "sikutaka", "kuandika", "hivyo", "hiyo", "hii", "just",
    "now", "entered", "typed", "nimeingiza", "nime", "kosea", "aah", "eeh", "sawa", "eish", "ai", "aki", "wueh", "made",
    "a", "an", "did", "put", "rekodi", "niliyoandika", "nilichoandika", "niliyoweka", "tu", "madam", "aii", "boss",
}  # fmt: skip
# Asking how KAVI works, in any words around it: "Kindly explain how to use this service".
_HELP_ANYWHERE = PhraseTable.of(
    ("how to use", "how do i use", "how do i record", "how do i add", "how do i send", "how does this work",
     "what can you do", "explain how", "jinsi ya kutumia", "msaada", "nifanyeje", "inatumika aje", "natumiaje",
     "commands", "unaweza kufanya nini", "how do you work", "how can you help", "nisaidie kutumia",
     "inafanya nini", "unafanya nini", "what does this app", "what is kavi", "hii app inafanya",
     "inafanya kazi namna gani", "inafanya kazi aje", "inafanya kazi vipi", "namna ya kutumia", "nawezaje",
     "ninawezaje", "how can i", "you can do", "can i ask you", "i can ask you", "sijui kutumia", "kutumia hii",
     "inafanya aje", "inatumika vipi", "what are you for", "what else can you", "how i can use", "explain to me how",
     "sijui kuandika", "sijui jinsi", "ninatumiaje", "nitatumiaje", "tunatumiaje", "unatumiwaje")
)  # fmt: skip
_UNDO_OBJECTS = {
    "last",
    "that",
    "entry",
    "the",
    "one",
    "it",
    "transaction",
    "record",
    "hiyo",
    "ya",
    "mwisho",
    "previous",
    "this",
    "my",
    "i",
    "just",
    "made",
    "recorded",
    "added",
    "entered",
    "last one",
}
# Safaricom's own sentences: no owner types them, so a message holding one is a forwarded confirmation.
_SAFARICOM_BODY_RE = re.compile(
    r"New M-?PESA balance is|Transaction cost,? Ksh|Amount you can transact within the day|"
    r"Salio (?:lako )?jipya|Baki (?:yako|mpya) (?:ya|katika) M-?PESA",
    re.IGNORECASE,
)
_FILLER = {
    "please",
    "pls",
    "plz",
    "kavi",
    "tafadhali",
    "now",
    "thanks",
    "asante",
    "ok",
    "okay",
    "oops",
    "sorry",
    "samahani",
    "hey",
    # Spoken filler: "eh how does this work" is a request for help.
    "eh",
    "eeh",
    "aah",
    "ah",
    "um",
    "umm",
    "sasa",
    "basi",
}
_INVITE = PhraseTable.of(v.INVITE_WORDS)
_WEATHER = {"weather", "rain", "rains", "mvua", "hewa", "sunny", "jua", "temperature"}
_ADD = PhraseTable.of(v.ADD_WORDS)
_PAID_WORDS = {
    "paid", "amelipa", "alilipa", "settled", "cleared", "imelipwa", "lipwa", "payment", "ametuma", "amenilipa",
    "instalment", "installment", "instalments", "installments",
    "amenitumia", "received", "nimepokea", "nimelipwa", "ameleta", "amemaliza", "amemalizia", "imeingia",
    "wamemaliza", "wamemalizia", "wamelipa",
}  # fmt: skip
# The amount promised for later: the entry is made, and its amount asked for.
_TELL_LATER = PhraseTable.of(
    ("nitakuambia", "nitakujulisha", "nitakutumia", "will tell you", "i'll tell you", "ill tell you",
     "will send the amount", "nitakuletea")
)  # fmt: skip
_LIST_ASK = {"list", "show", "who", "which", "nani", "gani", "orodha", "nionyeshe", "see", "owe", "owes", "owing"}
# Asked to chase a customer: "mwambie Swaleh akumbuke kulipa", "mwambie chebet alipe invoice".
_PAY_UP = {"alipe", "walipe", "anilipe", "atulipe", "akumbuke", "wakumbuke", "kulipa", "deni", "alipie"}
# Words that make a request word ask for an M-Pesa payment ("send M-Pesa prompt to Onyango").
_PAID_FIRST = {"paid", "bought", "nimelipa", "nililipa", "spent", "nimenunua", "purchased"}
_REQUEST_MARKS = {
    "from", "payment", "stk", "alipe", "walipe", "anilipe", "prompt", "push", "malipo", "kulipa", "m-pesa", "mpesa",
    "to", "kwa", "apay", "alipie",
}  # fmt: skip
_SLASH = {
    "start": "greeting",
    "help": "help",
    "undo": "undo",
    "balance": "query_balance",
    "report": "query_report",
    "redo": "redo",
}


def _bare(msg: Analysed) -> str:
    """The message without punctuation or polite filler, for whole-message commands."""
    return " ".join(w for w in msg.lows if w[0].isalnum() and w not in _FILLER)


def _is_greeting(msg: Analysed) -> bool:
    lows = tuple(w for w in msg.lows if w[0].isalnum())
    if not lows:
        return False
    covered: set[int] = set()
    for m in _GREETINGS.scan(lows):
        covered.update(range(m.start, m.end))
    if not covered:
        return False
    rest = [w for i, w in enumerate(lows) if i not in covered]
    return all(w in v.GREETING_FILLERS or w in _FILLER for w in rest)


def _slash_command(msg: Analysed, today: date) -> Intent | None:
    if len(msg.lows) < 2 or msg.lows[0] != "/":
        return None
    command = msg.lows[1].split("@")[0]
    target = _SLASH.get(command)
    if target == "query_balance":
        return Intent("query_summary", {"metric": "balance"})
    if target == "query_report":
        start = today.replace(day=1)
        return Intent("query_summary", {"metric": "profit", "start": start.isoformat(), "end": today.isoformat()})
    if target:
        return Intent(target)
    if command in ("voice", "text"):
        word = msg.lows[2] if len(msg.lows) > 2 else ("off" if command == "text" else "on")
        mode = {"on": "always", "always": "always", "off": "never", "never": "never", "auto": "auto"}.get(word)
        return Intent("voice_replies", {"mode": mode} if mode else {})
    if command == "language":
        lang = msg.lows[2] if len(msg.lows) > 2 else ""
        return Intent("set_language", {"language": lang} if lang in ("en", "sw") else {})
    return None


def _command(msg: Analysed) -> Intent | None:
    bare = _bare(msg)
    if not bare:
        return None
    if bare in _HELP or bare.startswith("help "):
        return Intent("help")
    if bare in _REDO:
        return Intent("redo")
    if bare in _LANGUAGE:
        return Intent("set_language", {"language": _LANGUAGE[bare]})
    if bare in _VOICE_MODE:
        return Intent("voice_replies", {"mode": _VOICE_MODE[bare]})
    if bare in _CHART_MODE:
        return Intent("chart_replies", {"mode": _CHART_MODE[bare]})
    words = bare.split()
    if bare in _UNDO or (words[0] in _UNDO_VERBS and all(w in _UNDO_OBJECTS for w in words[1:])):
        return Intent("undo")
    verbs = [w for w in words if w in _UNDO_VERBS]
    if verbs and all(w in _UNDO_VERBS or w in _UNDO_OBJECTS or w in _UNDO_TALK for w in words):
        return Intent("undo", confidence=0.8)
    if _HELP_ANYWHERE.first(msg.lows) and not any(t.is_number for t in msg.tokens):
        return Intent("help", confidence=0.8)
    return None


def _other_intent(msg: Analysed, ev: Evidence, today: date) -> Intent | None:
    """Everything that is not a plain record or a summary question."""
    lows = msg.lows
    history = team.activity(msg, today)
    if history is not None:
        return history
    moved = ev.amount is not None and bool(ev.expense_cues or ev.income_cues)
    if insights.CHART.first(lows) and not (moved and "plot" in lows):  # "paid 2.5m for the plot" bought land
        return insights.chart(msg, today)
    if insights.FORECAST.first(lows) and not _WEATHER & set(lows):
        return insights.forecast(msg)  # "the weather forecast for Saturday" is no cash forecast
    if insights.CREDIT.first(lows):
        return Intent("credit_score", confidence=0.9)
    later = insights.future_cash(msg, ev.amount is not None)
    if later is not None:
        return later
    if insights.BUDGET.first(lows) and not (moved and ev.income_cues):  # "got 1.2k from Kev for a cap"
        return insights.budget(msg, ev)
    customers = contacts.list_customers(msg)
    # "Flamingo Hotel, one of my clients, has paid 35,000", "clients wanne, total ni 3,200": money told of
    told = ev.amount is not None and ev.amount.score >= 0 and not is_question(msg) and not _LIST_ASK & set(lows)
    if customers is not None and not (ev.amount is not None and (ev.income_cues or ev.expense_cues)) and not told:
        return customers
    about_people = (
        accounts.customer_phone(msg)
        or accounts.customer_info(msg)
        or accounts.supplier_delivery(msg)
        or accounts.cancel_invoice(msg, invoices.invoice_number(msg))
        or accounts.business_settings(msg)
    )
    if about_people is not None:
        return about_people
    people = team.team_intent(msg, today)
    if people is not None:
        return people
    adding = _ADD.first(lows)
    if _INVITE.first(lows) or (adding and contacts.ROLES.first(lows) and find_phone(msg)):
        return contacts.invite(msg)
    money = any(a.score >= 0 for a in find_amounts(msg))
    for kind in ("customer", "supplier"):
        at = contacts.kind_word_at(lows, kind)
        # "add 500 to customers' sales" adds money; "ongeza brayo kwa customers" a person
        if adding and at is not None and (lows[at] in v.CUSTOMER_WORDS + v.SUPPLIER_WORDS or not money):
            return contacts.add_party(msg, kind)
    request = invoices.REQUEST.first(lows)
    if request and (find_phone(msg) or _REQUEST_MARKS & set(lows)):
        return invoices.request_payment(msg, request.end)
    remind = invoices.REMIND.first(lows)
    if remind:
        return invoices.remind_customer(msg, remind.end)
    if any(tells_about_someone(t.low) for t in msg.tokens) and _PAY_UP & set(lows):
        return invoices.remind_customer(msg, 0)
    number = invoices.invoice_number(msg)
    supplier = any(w in v.SUPPLIER_WORDS for w in lows)  # "paid supplier 5600 invoice no 8891": money out
    paid_one = number and not supplier and any(w in _PAID_WORDS for w in lows)
    # "Bamburi has paid 150,000 against INV-0042, the balance of 80,000 remains outstanding": a payment
    if paid_one and not is_question(msg) and any(a.score >= 0 for a in find_amounts(msg)):
        return invoices.record_payment(msg, number, today)
    if invoices.LIST_CUES.first(lows) or invoices.asks_what_is_owed(msg):
        return invoices.list_invoices(msg)
    if paid_one:
        return invoices.record_payment(msg, number, today)
    if invoices.paid_by_them(msg):
        return invoices.record_payment(msg, None, today)
    invoice_word = invoices.INVOICE_WORDS.first(lows)
    if invoice_word:
        has_money = any(a.score >= 0 for a in find_amounts(msg))
        # "ankara" is one invoice or many: with an amount it is the one being made.
        making = bool(invoices.MAKE_WORDS & set(lows))  # "Tengeneza ankara ya Mutiso": one to make
        plural = "invoices" in lows or ("ankara" in lows and not has_money and not making)
        if plural or (not has_money and (is_question(msg) or invoices.STATUS.first(lows))):
            return invoices.list_invoices(msg)
        # "Paid KES 2,300 for the courier of the documents (B/L, commercial invoice ...)": an invoice
        # mentioned in a payment is a document sent, not one to make
        paid_for = lows[0] in _PAID_FIRST and invoice_word.start > 2
        billed = invoice_word.start == 0 or lows[invoice_word.start - 1] in {"please", "pls", "kindly", "plz"}
        if not paid_for and (lows[invoice_word.start] != "bill" or billed):
            return invoices.create_invoice(msg, today, invoice_word.end)
    if insights.EXPORT.first(lows) and (
        insights.EXPORT_FORMATS.first(lows) or {"export", "download", "statement"} & set(lows)
    ):
        return insights.export(msg, today)
    return None


def parse(text: str, today: date) -> Intent:
    """Never raises: anything it cannot read is `unknown`."""
    failed = failed_notice(text[:MAX_MPESA_CHARS]) or account_notice(text[:MAX_MPESA_CHARS])
    if failed is not None:
        return failed
    if looks_like_mpesa(text):
        confirmations = parse_mpesa(text[:MAX_MPESA_CHARS], today)
        if confirmations:
            first, *rest = confirmations
            first.more = rest
            return first
    if _SAFARICOM_BODY_RE.search(text):
        return unknown()  # an M-PESA message of a kind not known: its numbers are no free-text amounts
    text = corrected(text)
    msg = Analysed.of(text[:MAX_PARSE_CHARS])
    if not any(t.low[0].isalnum() for t in msg.tokens):
        return unknown()
    found = _slash_command(msg, today) or _command(msg) or team.join_code(text[:MAX_PARSE_CHARS])
    if found is not None:
        return found
    if _is_greeting(msg):
        return Intent("greeting")
    setting = repeats.nudge_setting(msg)
    if setting is not None:
        return setting
    rate = rate_statement(text[:MAX_PARSE_CHARS])
    if rate is not None:
        return Intent("set_rate", {"currency": rate[0], "rate": plain(rate[1])}, confidence=0.95)
    entered = wishes.recorded_already(msg)
    if entered is not None:  # "ile 3k ya Shiro nishaweka. sasa nimelipa 1,500 ya stima": only the new one
        tokens = msg.tokens
        head = msg.raw[: tokens[entered[0]].start] if entered[0] else ""
        tail = msg.raw[tokens[entered[1]].end :] if entered[1] < len(tokens) else ""
        msg = Analysed.of(head + " " + tail)
    later = wishes.plan_after_done(msg)
    if later is not None:
        msg = Analysed.of(msg.raw[: msg.tokens[later].start])  # the plan after it has not happened
    day = find_day(msg, today)
    skip = set(range(*day.span)) if day else set()
    if day is None and {"mwezi", "month"} & set(msg.lows):
        period = find_period(msg, today)  # "mwezi wa nane" names August: its "nane" is no amount
        skip = set(range(*period.span)) if period else skip
    ev = gather(msg, skip)
    scheduled = repeats.recurring(msg, ev)
    if scheduled is not None:
        return scheduled
    wish = wishes.can_afford(msg, ev) or wishes.my_data(msg, ev) or wishes.asks_for_credit(msg)
    if wish is not None:
        return wish
    planned = (
        wishes.only_a_plan(msg, ev)
        or wishes.not_moved(msg, ev)
        or wishes.only_held(msg, ev)
        or wishes.price_told(msg, ev)
        or wishes.refused_or_given_up(msg)
    )
    if planned and not _asks_for_insight(msg) and not _invoice_due(msg):
        return Intent("unknown", confidence=0.6)
    unearned = None if is_question(msg) else not_earned(msg, ev, today, day)
    if unearned is not None:
        return unearned
    other = _other_intent(msg, ev, today)
    if other is not None:
        return other
    metric = metric_of(msg, ev)
    question = is_question(msg)
    moved = None if question else own_move(msg, ev, today, day)
    if moved is not None:
        return moved
    if ev.amount is None and (ev.expense_cues or ev.income_cues) and _TELL_LATER.first(msg.lows):
        return record_intent(msg, ev, today, day)  # "nimelipa fundi, nitakuambia ni ngapi baadaye": asked
    if metric and (question or (ev.amount is None and _asks_without_question_mark(msg, ev))):
        return query_intent(msg, ev, metric, today)
    if ev.amount is not None or ev.any_record_word:
        if ev.amount is None and (question or not _mostly_record_words(msg, ev)):
            return unknown()
        if question and "?" in msg.lows and not _happened(ev):
            return unknown()  # "nunua steam iron ya 6,500?": asked about, not done (not recorded)
        if not ev.any_record_word and _other_words(msg) > 2:
            return unknown()  # a number lost in a sentence we do not understand
        if not ev.any_record_word and ev.amount is not None and ev.amount.value < 10:
            return unknown()  # "the one for": a fragment, not Ksh 1
        if day is not None and day.start > today:
            return unknown()  # "expecting sales of 12000 tomorrow": not happened is not recorded
        return record_intent(msg, ev, today, day)
    return unknown()


def _invoice_due(msg: Analysed) -> bool:
    """ "Niandikie invoice ya Murithi, ... atalipa tarehe 20": the customer's promise is the due date."""
    return bool(invoices.INVOICE_WORDS.first(msg.lows)) and "atalipa" in msg.lows and "nitalipa" not in msg.lows


def _asks_for_insight(msg: Analysed) -> bool:
    """ "should I worry about cash next month?": a question KAVI answers, though it weighs a plan."""
    lows = msg.lows
    found = insights.FORECAST.first(lows) or insights.BUDGET.first(lows) or insights.CREDIT.first(lows)
    ahead = insights.FUTURE.first(lows) and insights.CASH.first(lows)  # "cash flow ya siku 30 zijazo itakuaje"
    return bool(found or ahead or insights.CHART.first(lows) or (METRICS.first(lows) and is_question(msg)))


# Money verbs that name no time: in a question they ask about money that has not moved.
_UNTIMED = {
    "pay",
    "buy",
    "nunua",
    "kununua",
    "lipa",
    "kulipa",
    "spend",
    "purchase",
    "paying",
    "buying",
    "cost",
    "costs",
}


def _happened(ev: Evidence) -> bool:
    return not ev.expense_cues or any(m.phrase not in _UNTIMED for m in ev.expense_cues + ev.income_cues)


def _mostly_record_words(msg: Analysed, ev: Evidence) -> bool:
    """With no amount, "lunch" or "paid rent" is an entry; "drop table transaction" is not."""
    if ev.expense_cues or ev.income_cues:
        return True
    covered = sum(m.end - m.start for m in ev.expense_categories + ev.income_categories)
    return covered * 2 >= _other_words(msg)


def _other_words(msg: Analysed) -> int:
    return sum(1 for w in msg.lows if w[0].isalpha() and w not in v.STOPWORDS)


def _asks_without_question_mark(msg: Analysed, ev: Evidence) -> bool:
    """ "sales this week" and "profit" ask; "paid rent", "lunch" and "Amina Salon" do not."""
    past_tense = {
        "paid", "bought", "nimelipa", "nimenunua", "sold", "nimeuza", "received", "nimepokea", "spent", "sent",
        "gave", "nimetumia", "nimetuma",
    }  # fmt: skip
    if any(w in past_tense for w in msg.lows):
        return False
    if sum(1 for w in msg.lows if w[0].isalpha() and w not in KNOWN_WORDS) > 2:
        return False  # "mvua imenyesha sana leo shamba imejaa maji": talk that names a day, no question
    has_period = find_period(msg, date(2000, 1, 1)) is not None
    return has_period or METRICS.first(msg.lows) is not None
