"""Exchange rates from euros: the price service reloads this file whenever it is saved."""

CURRENCY = "EUR"
RATES = {"USD": 1.08, "GBP": 0.86}


def convert(amount, to):
    """`amount` euros in the currency `to`, rounded to cents."""
    return round(amount * RATES[to], 2)
