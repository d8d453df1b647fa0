"""One handler per intent. A handler takes the turn and the intent and returns a Reply."""

from collections.abc import Callable

from conversations.handlers import basics, customers, invoices, payments, records, summary, undo
from conversations.intents import Intent
from conversations.messages import Reply
from conversations.turn import Turn

Handler = Callable[[Turn, Intent], Reply]

HANDLERS: dict[str, Handler] = {
    "record_expense": payments.income_or_payment,
    "record_income": payments.income_or_payment,
    "record_transfer": records.record,
    "query_summary": summary.summary,
    "add_customer": customers.add_customer,
    "add_supplier": customers.add_supplier,
    "create_invoice": invoices.create_invoice,
    "list_invoices": invoices.list_invoices,
    "cancel_invoice": invoices.cancel_invoice,
    "record_payment": payments.record_payment,
    "customer_info": customers.customer_info,
    "supplier_delivery": customers.supplier_delivery,
    "remind_customer": payments.remind_customer,
    "request_payment": payments.request_payment,
    "undo": undo.undo,
    "redo": undo.redo,
    "greeting": basics.greeting,
    "help": basics.help_,
    "unknown": basics.unknown,
    "set_language": basics.language,
    "business_settings": basics.business_settings,
    "voice_replies": basics.voice_replies,
}


def handler_for(intent: Intent) -> Handler:
    """Intents whose services come later answer honestly instead of pretending."""
    return HANDLERS.get(intent.name, basics.not_yet)
