"""Charts in the chat: each kind arrives as a PNG (opened and measured here) with a two-line summary,
in English and Swahili, on both databases; nothing to draw is said, not drawn."""

import io
from datetime import date, timedelta

from PIL import Image
from sqlalchemy.engine import Engine

from conversations.messages import Reply
from tests.chat import ChatTester

DAY = date(2026, 11, 20)


def _png(reply: Reply, name: str) -> Image.Image:
    assert reply.image is not None, reply.text
    assert reply.image.content_type == "image/png" and reply.image.filename == name
    assert len(reply.image.data) < 40_000  # slow 3G
    image = Image.open(io.BytesIO(reply.image.data))
    assert image.format == "PNG" and image.size == (600, 400)
    assert len(image.convert("RGB").getcolors(maxcolors=100_000) or []) > 4  # drawn, not blank
    return image


def _trade(chat: ChatTester) -> None:
    for back in (10, 5, 1, 0):
        chat.today = DAY - timedelta(days=back)
        chat.say(f"sold {3000 + back * 100}")
        chat.say(f"paid fuel {500 + back}")
    chat.say("bought stock 2000")
    chat.today = DAY


def test_every_chart_kind_arrives_as_an_image(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _trade(chat)
    chat.say("transport budget 3000")
    cashflow = chat.ask("show me a cash flow chart")
    _png(cashflow, "cashflow.png")
    assert cashflow.text.splitlines() == [
        "📊 Cash flow this month (1 Nov – 20 Nov): Ksh 13,600 in, Ksh 4,016 out.",
        "Balance Ksh 0 → Ksh 9,584.",
    ]
    categories = chat.ask("chart of expenses by category")
    _png(categories, "expenses_by_category.png")
    assert categories.text.splitlines()[1] == "Biggest: transport Ksh 2,016, stock Ksh 2,000."
    versus = chat.ask("income vs expenses graph")
    _png(versus, "income_vs_expenses.png")
    assert versus.text.splitlines() == [
        "📊 The last 6 months: income Ksh 13,600, expenses Ksh 4,016.",
        "Profit: Ksh 9,584.",
    ]
    budget = chat.ask("draw my budget chart")
    _png(budget, "budget.png")
    assert budget.text.splitlines()[1] == "Fullest: transport at 67%."
    forecast = chat.ask("forecast chart")
    _png(forecast, "forecast.png")
    assert forecast.text.startswith("📈 Next 30 days: about Ksh ")


def test_a_chart_in_swahili(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _trade(chat)
    english = chat.ask("chart of expenses by category")
    reply = chat.ask("nionyeshe mchoro wa matumizi kwa aina")
    _png(reply, "expenses_by_category.png")
    assert reply.text.startswith("📊 Matumizi mwezi huu")
    assert reply.image is not None and english.image is not None and reply.image.data != english.image.data


def test_nothing_to_draw_is_said_and_no_image_is_sent(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    reply = chat.ask("show me a cash flow chart")
    assert reply.image is None
    assert reply.text == "Nothing recorded this month (1 Nov – 20 Nov) yet, so there is nothing to draw."
    assert chat.ask("budget chart").text.startswith("No budgets yet.")


def test_charts_with_answers_when_the_owner_asks_for_them(engine: Engine) -> None:
    chat = ChatTester(engine, today=DAY)
    chat.onboard()
    _trade(chat)
    chat.say("transport budget 3000")
    assert chat.ask("how much did I spend this month?").image is None  # text only, by default
    assert chat.say("always send charts").startswith(
        "📊 Done: summaries, budgets and forecasts will come with a chart."
    )
    spent = chat.ask("how much did I spend this month?")
    assert spent.text.startswith("You spent Ksh 4,016 this month")
    _png(spent, "expenses_by_category.png")
    _png(chat.ask("how is my transport budget"), "budget.png")
    _png(chat.ask("forecast my cash"), "forecast.png")
    assert chat.say("no charts").startswith("OK: text only from now on.")
    assert chat.ask("how much did I spend this month?").image is None
