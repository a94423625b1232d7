"""The ledger: one entry per movement, and only accounts may have entries."""

from .accounts import Account

ENTRIES = []


def record(account, amount):
    if not isinstance(account, Account):
        raise TypeError("only accounts have ledger entries")
    ENTRIES.append((account.owner, amount))
