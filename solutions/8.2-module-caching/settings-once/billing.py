"""Invoices. Uses the settings; leave this file as it is."""

import settings


def total(net):
    return round(net * (1 + float(settings.get("tax_rate"))), 2)
