"""Messaging records: inbound events and their reply deliveries, the outbox, outbound provider
messages and served media. The bot layer owns them; the money domain (finance/) never sees them."""
