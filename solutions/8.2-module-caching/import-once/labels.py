"""Price labels for the shop."""

from money import CURRENCY


def price_label(amount):
    return f"{amount:.2f} {CURRENCY}"
