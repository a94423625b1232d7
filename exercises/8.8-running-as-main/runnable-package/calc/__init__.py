"""A calculator package: `python -m calc 2 + 3` prints 5."""
