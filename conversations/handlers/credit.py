"""credit_score: the score with each factor's weight and figure, and what to do about the weakest;
"am I ready for a loan of 100k?" adds the repayment capacity from the cash forecast."""

from decimal import Decimal

from conversations.contract import IntentSpec
from conversations.display import money
from conversations.intents import Intent
from conversations.messages import Media, Reply
from conversations.parser.money_moved import money_amount
from conversations.parser.text import Analysed
from conversations.registry import EVERYONE, Help, declare
from conversations.texts import t
from conversations.turn import Turn
from finance.documents.loan_pdf import loan_pdf
from finance.services.credit import LOAN_MONTHS, LOAN_RATE, CreditScore, credit_score, loan_readiness


def score(turn: Turn, intent: Intent) -> Reply:
    amount = money_amount(Analysed.of(turn.message.text), set()) if turn.message.text else None
    if amount is not None and amount.value > 0:
        return _loan(turn, amount.value)
    found = credit_score(turn.session, actor=turn.member, today=turn.today)
    return Reply("\n".join(_score_lines(turn, found)))


def _score_lines(turn: Turn, found: CreditScore) -> list[str]:
    lang = turn.lang
    lines = [t("credit_header", lang, score=found.score, band=t(f"credit_band_{found.band}", lang))]
    for factor in found.factors:
        figure = (
            t(f"credit_{factor.name}_figure", lang, figure=factor.figure) if factor.known else t("credit_no_data", lang)
        )
        lines.append(
            t(
                "credit_factor",
                lang,
                label=t(f"credit_{factor.name}", lang),
                points=factor.points,
                weight=factor.weight,
                figure=figure,
            )
        )
    tips = [f"• {t(f'credit_{f.name}_tip', lang)}" for f in found.weakest() if f.points < f.weight]
    if tips:
        lines.append(t("credit_improve", lang, tips="\n".join(tips)))
    lines.append(t("credit_note", lang))
    return lines


def _loan(turn: Turn, amount: Decimal) -> Reply:
    lang, currency = turn.lang, turn.business.currency
    found = loan_readiness(turn.session, actor=turn.member, today=turn.today, amount=amount)
    head = t("loan_ready" if found.ready else "loan_not_ready", lang, amount=money(amount, lang, currency))
    capacity = t(
        "loan_capacity",
        lang,
        instalment=money(found.instalment, lang, currency),
        months=LOAN_MONTHS,
        rate=int(LOAN_RATE * 100),
        surplus=money(found.surplus, lang, currency),
    )
    pdf = loan_pdf(turn.session, actor=turn.member, business=turn.business, today=turn.today, found=found)
    lines = [head, capacity, t("loan_pdf", lang), "", *_score_lines(turn, found.score)]
    return Reply("\n".join(lines), document=Media("application/pdf", f"loan-readiness-{turn.today}.pdf", pdf))


declare(
    "credit_score",
    score,
    roles=EVERYONE,
    says=("what is my credit score", "am i ready for a loan of {amount}"),
    spec=IntentSpec("The business's credit score and loan readiness."),
    help=Help(
        44,
        '• Credit score: "my credit score", "am I ready for a loan of 100k?"',
        '• Alama ya mkopo: "alama yangu ya mkopo", "niko tayari kwa mkopo wa 100k?"',
    ),
)
