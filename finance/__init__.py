"""The domain: money, the ledger and everything stored. Imports no other KAVI package."""
