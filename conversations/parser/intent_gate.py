"""The rules and the intent model together: the model fills in where the rules found nothing, and
checks them where money would move.

The rules keep the slots (amounts, dates, names, phones, invoice numbers) and every M-PESA SMS; the
model only ever names an intent. Where the rules hear nothing the model's confident reading is
taken, built by the rules' own slot extractors. Where both read a money entry in different
directions, or one reads a record and the other a question, the confidence drops below the
dialogue's threshold with the other reading as the alternative, so KAVI asks instead of recording.
"""

from collections.abc import Callable
from datetime import date

from conversations.intents import Intent
from conversations.parser import contacts, insights, invoices, team, wishes
from conversations.parser import vocabulary as v
from conversations.parser.dates import Period, find_day
from conversations.parser.intent_model import Reading
from conversations.parser.mpesa_sms import account_notice, failed_notice, looks_like_mpesa
from conversations.parser.names import name_before
from conversations.parser.queries import metric_of, query_intent
from conversations.parser.records import Evidence, gather, record_intent
from conversations.parser.text import Analysed
from conversations.parser.transfers import own_move
from finance.categories import NOT_EARNED

# A reading the model gives at least this probability stands where the rules found nothing.
TAKE = 0.6
# A money entry the rules did not hear needs more: when in doubt about money, nothing is recorded.
TAKE_MONEY = 0.8
# "not happened is not recorded": a plan or a wish the rules took for an entry.
NOT_AN_ENTRY = 0.6
# Another intent the rules chose gives way to a model this sure.
SWITCH = 0.8
# The model disagrees with the rules about money only when it is at least this sure.
DOUBT = 0.5
# Below the handlers' DIRECTION_THRESHOLD (0.5): the conversation asks, the readings as buttons.
ASK = 0.45
MONEY = ("record_expense", "record_income", "record_transfer")
# A number right after these is a till, a paybill or an account, never money moved.
_CASH = set(v.CASH_WORDS) - {"money", "pesa"}
_SPENT = ("expen", "spen", "spent", "matumizi", "gharama")
_PAYING = ("pay", "paid")
_NOT_NAMES = {"i", "we", "they", "he", "she", "you", "did", "has", "have", "much", "how"}
_IDENTIFIERS = {"paybill", "till", "account", "acc", "namba", "number", "no", "nambari", "code"}
# Answers asked for by their own word ("chart", "forecast", "budget"): a summary is no better reading.
_ASKED_FOR_BY_NAME = {"show_chart", "forecast", "credit_score", "budget_status", "set_budget", "export_report"}
# The rules' own "unknown" for a plan, a wish or money not moved (classify.parse) is a reading, not a gap.
DECIDED_UNKNOWN = 0.6
_PUSH_WORDS = {"stk", "prompt", "push", "popup"}
_NO_SLOTS = ("help", "undo", "greeting", "credit_score", "forecast", "mpesa_info", "switch_business")


class _Message:
    """What the slot extractors read, worked out once and only when a builder needs it."""

    def __init__(self, text: str, today: date) -> None:
        self.msg = Analysed.of(text)
        self.today = today
        self.day: Period | None = find_day(self.msg, today)
        self.ev: Evidence = gather(self.msg, set(range(*self.day.span)) if self.day else set())


def _record(kind: str) -> Callable[[_Message], Intent | None]:
    def build(m: _Message) -> Intent | None:
        return record_intent(m.msg, m.ev, m.today, m.day, kind=kind)

    return build


def _query(m: _Message) -> Intent | None:
    """A question the model heard with no metric word: "how much did Halima pay last week" asks
    what came in, "how much did we pay Hotpoint" what went out, "nina ganji ngapi" the balance."""
    metric = metric_of(m.msg, m.ev)
    lows = m.msg.lows
    if metric is None:
        if set(lows) & _CASH:
            metric = "balance"
        elif any(w.startswith(_SPENT) for w in lows) or set(lows) & {"i", "we", "tulilipa", "nililipa"}:
            metric = "expenses"
        else:
            metric = "income"
    found = query_intent(m.msg, m.ev, metric, m.today)
    if "counterparty" not in found.slots:
        at = next((i for i, w in enumerate(lows) if w.startswith(_PAYING) or w.endswith("lipa")), None)
        who = name_before(m.msg, at) if at else None
        if who and who.lower() not in _NOT_NAMES:
            found.slots["counterparty"] = who
    return found


def _payment(m: _Message) -> Intent | None:
    return invoices.record_payment(m.msg, invoices.invoice_number(m.msg), m.today)


def _after(table: object, m: _Message) -> int:
    match = table.first(m.msg.lows)  # type: ignore[attr-defined]
    return int(match.end) if match else 0


def _budget(m: _Message) -> Intent | None:
    found = insights.budget(m.msg, m.ev)
    return found if found.name == "set_budget" else None


_BUILDERS: dict[str, Callable[[_Message], Intent | None]] = {
    "record_expense": _record("expense"),
    "record_income": _record("income"),
    "record_transfer": lambda m: own_move(m.msg, m.ev, m.today, m.day),
    "record_payment": _payment,
    "query_summary": _query,
    "create_invoice": lambda m: invoices.create_invoice(m.msg, m.today, _after(invoices.INVOICE_WORDS, m)),
    "list_invoices": lambda m: invoices.list_invoices(m.msg),
    "remind_customer": lambda m: invoices.remind_customer(m.msg, _after(invoices.REMIND, m)),
    "request_payment": lambda m: invoices.request_payment(m.msg, _after(invoices.REQUEST, m)),
    "list_customers": lambda m: (
        contacts.list_customers(m.msg) or Intent("list_customers", {"status": contacts.status(m.msg)})
    ),
    "add_customer": lambda m: contacts.add_party(m.msg, "customer"),
    "add_supplier": lambda m: contacts.add_party(m.msg, "supplier"),
    "invite_member": lambda m: contacts.invite(m.msg),
    "export_report": lambda m: insights.export(m.msg, m.today),
    "show_chart": lambda m: insights.chart(m.msg, m.today),
    "set_budget": _budget,
    "budget_status": lambda m: Intent("budget_status"),
    "can_afford": lambda m: wishes.can_afford(m.msg, m.ev),
    "activity_log": lambda m: team.activity(m.msg, m.today),
    "my_data": lambda m: wishes.my_data(m.msg, m.ev),
    **{name: (lambda m, name=name: Intent(name)) for name in _NO_SLOTS},  # type: ignore[misc]
}


def fixed_by_rules(text: str) -> bool:
    """An M-PESA confirmation or notice, a slash command, or no word at all ("??"): the rules read these
    exactly."""
    return (
        text.lstrip().startswith("/")
        or not any(ch.isalnum() for ch in text)
        or looks_like_mpesa(text)
        or failed_notice(text) is not None
        or account_notice(text) is not None
    )


def build(name: str, text: str, today: date) -> Intent | None:
    """`name` with the slots the rules find for it, or None when they cannot make one."""
    builder = _BUILDERS.get(name)
    return builder(_Message(text, today)) if builder else None


def combine(text: str, today: date, rules: Intent, model: Reading) -> Intent:
    """The one reading `understand` answers with."""
    if fixed_by_rules(text):
        return rules
    if rules.name == "unknown":
        if rules.confidence >= DECIDED_UNKNOWN:
            return rules  # a plan or a wish the rules recognised ("should I restock sugar?"): nothing to read in
        return _fill_in(text, today, rules, model)
    if rules.name in MONEY:
        if model.top == "unknown" and model.confidence >= NOT_AN_ENTRY:
            return Intent("unknown", confidence=round(1 - model.confidence, 2))
        return _check_money(rules, model)
    return _second_opinion(text, today, rules, model)


def _fill_in(text: str, today: date, rules: Intent, model: Reading) -> Intent:
    if model.top == "unknown" or model.confidence < (TAKE_MONEY if model.top in MONEY else TAKE):
        return rules
    found = build(model.top, text, today)
    if found is None or (found.name in MONEY and _identifier_only(text, today)):
        return rules
    found.confidence = round(min(found.confidence, model.confidence), 2)
    return _asked(found, model) if found.name in MONEY else found


def _second_opinion(text: str, today: date, rules: Intent, model: Reading) -> Intent:
    """Another intent the rules' cues chose ("cleared her invoice" read as a new invoice): the
    model's reading wins when it is sure, and when it would move money it is asked about first."""
    if model.top in (rules.name, "unknown") or model.confidence < SWITCH or rules.name not in model.classes:
        return rules  # cues the rules found ("add … as admin") are not talked away into "unknown"
    if rules.name in _ASKED_FOR_BY_NAME and model.top == "query_summary":
        return rules  # "draw income versus expenditure": the chart was asked for by its name
    if rules.name == "request_payment" and _PUSH_WORDS & set(_Message(text, today).msg.lows):
        return rules  # "tuma stk kwa Langat 2k ya invoice INV-0052": the prompt was asked for by its name
    found = build(model.top, text, today)
    if found is None:
        return rules
    found.confidence = round(min(found.confidence, model.confidence), 2)
    if found.name in MONEY:
        if model.confidence < TAKE_MONEY or "amount" not in found.slots:
            return rules  # "gharama ya mshahara October" asks; an entry needs an amount said
        return _asked(found, model)
    return found


def _asked(found: Intent, model: Reading) -> Intent:
    """A money entry only the model heard: recorded once the person says which way the money went."""
    second = next((name for name, _ in model.ranked[1:] if name in MONEY and name != found.name), None)
    other = second or ("record_income" if found.name == "record_expense" else "record_expense")
    found.confidence = min(found.confidence, ASK)
    found.alternatives = [Intent(other, dict(found.slots), confidence=round(model.probability(other), 2))]
    return found


def _check_money(rules: Intent, model: Reading) -> Intent:
    """A money entry the model reads otherwise is asked about, its reading the other button."""
    if model.top == rules.name or model.confidence < DOUBT or rules.slots.get("category") in NOT_EARNED:
        return rules  # a loan taken or an opening balance: the model has no word for money in that is no income
    if rules.name == "record_transfer":
        return rules  # a move the rules placed (from, to): "money in or out?" could not even offer it
    if model.top in MONEY:
        other = model.top
    else:
        # A question or a command to the model: "money in or out?" still makes sure it is an entry.
        opposite = "record_income" if rules.name == "record_expense" else "record_expense"
        other = next((name for name, _ in model.ranked if name in MONEY and name != rules.name), opposite)
    if not any(a.name == other for a in rules.alternatives):
        rules.alternatives = [Intent(other, dict(rules.slots), confidence=round(model.probability(other), 2))]
    rules.confidence = min(rules.confidence, ASK)
    return rules


def _identifier_only(text: str, today: date) -> bool:
    """ "paybill yetu ni 400200": the number is where to pay, not an amount paid."""
    m = _Message(text, today)
    amount = m.ev.amount
    if amount is None:
        return False
    before = {w for w in m.msg.lows[max(0, amount.start - 3) : amount.start]}
    return bool(before & _IDENTIFIERS)
