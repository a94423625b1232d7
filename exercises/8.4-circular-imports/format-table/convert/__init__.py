"""Rows of data (a list of dicts) written as CSV or JSON text."""
