"""Charts as small PNG images for chats: cash flow, spending by category, income against expenses,
budgets and the balance forecast, readable on a phone and quick to send on slow 3G.

One module per chart kind (`cashflow`, `categories`, `income_expenses`, `budget`, `forecast`), each
with a `*_png(data, *, title, labels, style) -> bytes` function; `kinds.render` picks one by name.
Inputs are the dataclasses in `data` (money as Decimal); every visible word comes from
`labels.ChartLabels`, which the caller fills in its user's language; sizes and colours come from
`style.ChartStyle`. Shared drawing lives in `canvas` (figure, layout, text layer, PNG export),
`bars`, `dates`, `text` and `fonts`.

Drawn with matplotlib's object API on the Agg canvas, never pyplot, and without touching rcParams,
so renders may run in parallel threads of a server.
"""
