"""Settings that other modules read."""

print("running the body of settings")

DEBUG = False
LEVELS = ["info"]


def describe():
    """Reports this module's DEBUG, whoever calls it."""
    return f"DEBUG is {DEBUG}"
