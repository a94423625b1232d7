"""Small text tools. `from textkit import *` should give users exactly the public API."""

import re
import unicodedata

# Started long ago, when shout was still called yell, and never finished.
__all__ = ["slugify", "yell"]

REPLACEMENTS = {"&": "and", "@": "at"}


def _normalize(text):
    """Strip accents: "Crème" -> "Creme". Other modules of the project use it too."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _cleanup(text):
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, f" {new} ")
    return text


def slugify(text):
    """"Fish & Chips" -> "fish-and-chips"."""
    words = re.findall(r"[a-z0-9]+", _normalize(_cleanup(text)).lower())
    return "-".join(words)


def shout(text):
    return text.upper() + "!"
