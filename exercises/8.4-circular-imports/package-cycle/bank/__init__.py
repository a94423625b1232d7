"""A tiny bank: accounts, and a ledger of every movement."""

from . import accounts, ledger  # noqa: F401
