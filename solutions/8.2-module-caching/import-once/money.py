"""Facts about money that several modules share."""

CURRENCY = "EUR"
