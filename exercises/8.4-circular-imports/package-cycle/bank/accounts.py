"""Accounts: every deposit is written to the ledger."""

from .ledger import record


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        record(self, amount)
        return self.balance
