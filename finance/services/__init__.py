"""Keyword-only services. Each takes the session and the acting member; isolation and roles live here."""
