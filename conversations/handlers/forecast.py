"""forecast / can_afford: the balance expected over the coming days, and whether a purchase the owner
is weighing fits it. Both only read: a "can I afford" question is never recorded."""

from decimal import Decimal
from typing import Any

from conversations import state as st
from conversations.chart_replies import with_chart
from conversations.contract import AMOUNT, IntentSpec, Slot
from conversations.display import day, money
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.parser.money_moved import money_amount
from conversations.parser.text import Analysed
from conversations.registry import AMOUNT as TAKES_AMOUNT
from conversations.registry import EVERYONE, Help, Question, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.categories import category_label
from finance.money import ZERO, D, MoneyError, plain
from finance.services.affordability import can_afford
from finance.services.forecast import DEFAULT_DAYS, MAX_DAYS, CashForecast, cash_forecast

SHORT_HISTORY = 28  # days: below this the reply says the forecast rests on little
_SCHEDULED_SHOWN = 3


_BELOW = ("below", "under", "less than", "chini ya", "pungufu ya")


def forecast(turn: Turn, intent: Intent) -> Reply:
    days = _days(intent.slots.get("days"))
    found = cash_forecast(turn.session, actor=turn.member, today=turn.today, days=days)
    if found.history_days == 0 and not found.expected and not found.scheduled:
        return Reply(t("forecast_empty", turn.lang))
    reply = Reply("\n".join(_forecast_lines(turn, found, days, _threshold(turn.message.text))))
    return with_chart(turn, reply, "forecast", turn.today, turn.today)


def _threshold(text: str) -> Decimal:
    """ "will I go below 10k this month?": the level the owner watches; zero when none is named."""
    lowered = text.lower()
    for cue in _BELOW:
        at = lowered.find(cue)
        if at >= 0:
            found = money_amount(Analysed.of(text[at + len(cue) :]), set())
            if found is not None and found.value > 0:
                return found.value
    return ZERO


def _forecast_lines(turn: Turn, found: CashForecast, days: int, threshold: Decimal = ZERO) -> list[str]:
    lang, currency = turn.lang, turn.business.currency

    def m(amount: Decimal) -> str:
        return money(amount, lang, currency)

    end, lowest = found.closing, found.lowest
    if found.opening < lowest.mean:  # today is the lowest point
        lowest_text = t("forecast_lowest_today", lang, mean=m(found.opening))
    else:
        lowest_text = t("forecast_lowest", lang, mean=m(lowest.mean), day=day(lowest.day, turn.today, lang))
    lines = [
        t("forecast_header", lang, days=days, opening=m(found.opening)),
        t("forecast_end", lang, day=day(end.day, turn.today, lang), mean=m(end.mean), low=m(end.low), high=m(end.high)),
        lowest_text,
    ]
    if found.expected:
        total = sum((e.amount for e in found.expected), ZERO)
        lines.append(t("forecast_invoices", lang, count=len(found.expected), amount=m(total)))
    if found.scheduled:
        shown = [
            t(
                "forecast_scheduled_item",
                lang,
                what=category_label(s.label, lang),
                amount=m(s.amount),
                day=day(s.day, turn.today, lang),
            )
            for s in found.scheduled[:_SCHEDULED_SHOWN]
        ]
        more = len(found.scheduled) - _SCHEDULED_SHOWN
        extra = t("forecast_scheduled_more", lang, count=more) if more > 0 else ""
        lines.append(t("forecast_scheduled", lang, items="; ".join(shown) + extra))
    below = found.first_below(threshold)
    if found.opening < threshold or (threshold == 0 and found.opening < 0):
        # Already under it: when it is expected back above says more than "below tomorrow".
        back = next((p for p in found.path if p.mean >= threshold), None)
        lines.append(t("forecast_already_below", lang, amount=m(threshold)))
        if back is not None:
            lines.append(t("forecast_back_above", lang, day=day(back.day, turn.today, lang)))
        # Only a fall after getting back above is news.
        below = next((p for p in found.path if back and p.day > back.day and p.mean < threshold), None)
    elif below is None and threshold > 0:
        lines.append(t("forecast_stays_above", lang, amount=m(threshold)))
    short = below is not None or found.opening < threshold or (threshold == 0 and found.opening < 0)
    if below is not None:
        key = "forecast_below_threshold" if threshold > 0 else "forecast_below"
        lines.append(t(key, lang, day=day(below.day, turn.today, lang), amount=m(threshold)))
    if short:
        fixes = [
            t(
                "forecast_fix_item",
                lang,
                number=e.label,
                amount=m(e.amount),
                customer=e.customer,
                late=t("forecast_late", lang, days=e.days_late) if e.days_late else "",
            )
            for e in found.fixes()
        ]
        if fixes:
            lines.append(t("forecast_fix", lang, items="; ".join(fixes)))
    if found.history_days < SHORT_HISTORY:
        lines.append(t("forecast_short", lang, days=found.history_days))
    return lines


def afford(turn: Turn, intent: Intent) -> Reply:
    slots = dict(intent.slots)
    if "amount" not in slots:
        st.ask(turn.state, "afford_amount", slots)
        return Reply(t("afford_ask_amount", turn.lang))
    try:
        amount = D(str(slots["amount"]))
    except MoneyError:
        return Reply(t("unknown", turn.lang))
    if amount <= 0:
        return Reply(t("amount_zero" if amount == 0 else "amount_negative", turn.lang))
    st.clear(turn.state)
    lang, currency = turn.lang, turn.business.currency
    result = can_afford(turn.session, actor=turn.member, today=turn.today, amount=amount)
    item = str(slots.get("item") or "").strip()
    shown = (t("afford_item", lang, item=item) if item else "") + money(amount, lang, currency)
    lowest = result.lowest_after
    when = day(lowest.day, turn.today, lang)
    if result.affordable:
        text = t(
            "afford_yes",
            lang,
            what=shown,
            cushion=money(result.cushion, lang, currency),
            lowest=money(lowest.mean, lang, currency),
            day=when,
        )
    else:
        text = t("afford_not_yet", lang, what=shown, lowest=money(lowest.mean, lang, currency), day=when)
        if result.better_day is not None:
            text += " " + t("afford_better_day", lang, day=day(result.better_day, turn.today, lang))
        else:
            text += " " + t("afford_no_day", lang, days=DEFAULT_DAYS)
    return Reply(text + "\n" + t("afford_nothing_recorded", lang))


def amount_answer(turn: Turn, text: str, slots: dict[str, Any]) -> Reply | None:
    msg = Analysed.of(text)
    amount = money_amount(msg, set())
    if amount is None or len(msg.lows) > 4:
        return None
    return afford(turn, Intent("can_afford", {**slots, "amount": plain(amount.value)}))


def _days(value: object) -> int:
    try:
        return max(1, min(int(str(value)), MAX_DAYS)) if value is not None else DEFAULT_DAYS
    except ValueError:
        return DEFAULT_DAYS


declare(
    "forecast",
    forecast,
    roles=EVERYONE,
    says=("forecast my cash", "cash flow forecast for next month"),
    spec=IntentSpec("Forecast cash for the coming days.", {"days": Slot("integer", "How many days ahead.")}),
    help=Help(
        42,
        '• Cash forecast: "forecast my cash", "cash for the next 2 weeks"',
        '• Utabiri: "utabiri wa pesa mwezi ujao"',
    ),
)
declare(
    "can_afford",
    afford,
    roles=EVERYONE,
    says=("can i afford {exp} for {amount}", "naweza kununua {exp} ya {sw_amount}"),
    spec=IntentSpec(
        "Whether a purchase the owner is weighing fits the cash forecast (nothing is recorded).",
        {"amount": AMOUNT, "item": Slot("string", "What they want to buy.")},
        ("amount",),
    ),
    questions=(Question("afford_amount", TAKES_AMOUNT, amount_answer),),
    help=Help(43, '• "can I afford a fridge for 30k?"', '• "naweza kununua friji ya 30k?"'),
)
