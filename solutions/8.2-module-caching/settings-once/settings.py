"""The shop's settings, read from settings.ini beside this file.

Reading the file is slow (imagine it on a network drive), so the shop must
read it once, however many modules use the settings.
"""

from pathlib import Path

FILE = Path(__file__).with_name("settings.ini")


def read_file():
    """Parse settings.ini into a dict of strings. (Given: you need not change it.)"""
    values = {}
    with open(FILE, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip()
    return values


# The module's body runs once, however many modules import it under this name.
VALUES = read_file()


def get(key):
    """The value of one setting."""
    return VALUES[key]
