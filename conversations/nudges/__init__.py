"""Scheduled nudges: what KAVI says by itself, per business and in its time zone (the morning digest,
overdue invoices, budgets, the Friday report, recurring entries). Each kind composes its nudges from
the books; runner.py picks the kinds due at a moment and queues them to each admin through the outbox,
whose unique key makes every nudge go once however many schedulers run."""
