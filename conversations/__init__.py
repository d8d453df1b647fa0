"""KAVI's brain: understand a message, act on it through finance services, reply."""
