"""The mailer needs Account only for a type hint."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # False when the program runs: only a type checker reads this import
    from accounts import Account


def welcome(account: Account) -> str:
    return f"To {account.email}: welcome aboard!"
