"""Price labels for the shop."""

from shop import CURRENCY


def price_label(amount):
    return f"{amount:.2f} {CURRENCY}"
