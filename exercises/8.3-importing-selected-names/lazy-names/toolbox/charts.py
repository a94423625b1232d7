"""Text bar charts."""

import textwrap


def bar(label, value, width=20):
    filled = round(width * min(max(value, 0), 1))
    return textwrap.shorten(label, 12, placeholder="…").ljust(12) + " " + "#" * filled + "." * (width - filled)
