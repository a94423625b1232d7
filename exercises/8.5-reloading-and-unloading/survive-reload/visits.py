"""Counts visits per page.

The server updates its code with importlib.reload while it runs, so the
counts must survive a reload.
"""

COUNTS = {}


def visit(page):
    COUNTS[page] = COUNTS.get(page, 0) + 1
    return COUNTS[page]
