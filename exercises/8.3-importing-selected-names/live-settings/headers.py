"""Report headers, which must follow config.DEBUG as it changes while the program runs."""

from config import DEBUG


def header(title):
    """'[debug] title' while config.DEBUG is true, plain 'title' otherwise."""
    if DEBUG:
        return f"[debug] {title}"
    return title
