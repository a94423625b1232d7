"""Accounts: every deposit is written to the ledger."""

from . import ledger  # the module; ledger.record is looked up when deposit() runs


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        ledger.record(self, amount)
        return self.balance
