"""The ledger: one entry per movement, and only accounts may have entries."""

from . import accounts  # the module; accounts.Account is looked up when record() runs

ENTRIES = []


def record(account, amount):
    if not isinstance(account, accounts.Account):
        raise TypeError("only accounts have ledger entries")
    ENTRIES.append((account.owner, amount))
