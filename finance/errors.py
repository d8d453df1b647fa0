"""What the domain refuses, in terms the conversation layer can put into words."""

from decimal import Decimal


class FinanceError(Exception):
    """Base for every refusal a service makes."""


class AccessDenied(FinanceError):
    def __init__(self, needed: str, has: str) -> None:
        super().__init__(f"needs role {needed}, member is {has}")
        self.needed = needed
        self.has = has


class NotFound(FinanceError):
    pass


class InvalidAmount(FinanceError):
    def __init__(self, amount: Decimal, reason: str) -> None:
        super().__init__(f"{amount}: {reason}")
        self.amount = amount
        self.reason = reason  # "not_positive" | "too_large" | "too_precise"


class InvalidCategory(FinanceError):
    pass


class DuplicateReference(FinanceError):
    """The same M-Pesa (or bank) reference was recorded before."""

    def __init__(self, reference: str, existing_id: int) -> None:
        super().__init__(f"reference {reference} already recorded as #{existing_id}")
        self.reference = reference
        self.existing_id = existing_id


class TeamRefused(FinanceError):
    """A team change that would break a rule: the reason is a short code the chat words ("last_admin",
    "already_member", "expired", "locked", "wrong_code", "self")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
