"""One module per feature; each declares its intents in conversations/registry.py on import.

This import list is the only place that names them all."""

from conversations.handlers import (  # noqa: F401
    activity,
    basics,
    budgets,
    charts,
    corrections,
    credit,
    customers,
    exports,
    forecast,
    invoices,
    my_data,
    nudges,
    payments,
    rates,
    receipts,
    records,
    recurring,
    summary,
    team,
    undo,
)
