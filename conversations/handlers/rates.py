""" "1 USD = 129 KES" / "dola ni 130 leo": the day's rate said outright, kept for that day's entries and
invoices in that currency (asked for otherwise, by records and invoices, the first time it is needed)."""

from decimal import Decimal

from conversations.contract import IntentSpec, Slot
from conversations.display import rate as rate_text
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.registry import WRITERS, Help, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.errors import FinanceError
from finance.services.rates import RATE_PLACES
from finance.services.rates import set_rate as keep_rate


def set_rate(turn: Turn, intent: Intent) -> Reply:
    currency = str(intent.slots.get("currency") or "").upper()
    home = turn.business.currency
    if not currency or currency == home:
        return Reply(t("rate_same_currency", turn.lang, home=home))
    try:
        rate = Decimal(str(intent.slots["rate"])).quantize(RATE_PLACES)
        kept = keep_rate(turn.session, actor=turn.member, currency=currency, day=turn.today, rate=rate)
    except (FinanceError, ArithmeticError, KeyError):
        return Reply(t("rate_refused", turn.lang))
    shown = rate_text(kept.rate, turn.lang, home)
    return Reply(t("rate_kept", turn.lang, currency=currency, rate=shown))


declare(
    "set_rate",
    set_rate,
    roles=WRITERS,
    gemini=False,
    spec=IntentSpec(
        "The day's exchange rate, said outright: shillings for one unit of another currency.",
        {
            "currency": Slot("string", "ISO code of the other currency, e.g. USD."),
            "rate": Slot("string", "Shillings for one unit, e.g. 129.5."),
        },
    ),
    help=Help(
        14,
        '• Dollars and other currencies: I ask the day\'s rate once, or tell me: "1 USD = 129 KES"',
        '• Dola na fedha nyingine: nitauliza kiwango cha leo mara moja, au niambie: "dola ni 129 leo"',
    ),
)
