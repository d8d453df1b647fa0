"""Safaricom Daraja (M-Pesa): the API client, what its callbacks say, and statement files."""
