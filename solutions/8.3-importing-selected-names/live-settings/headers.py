"""Report headers, which must follow config.DEBUG as it changes while the program runs."""

import config


def header(title):
    """'[debug] title' while config.DEBUG is true, plain 'title' otherwise."""
    if config.DEBUG:
        return f"[debug] {title}"
    return title
