"""Who paid what: one matching engine for every payment source (M-Pesa C2B and STK, SMS, statements)."""
