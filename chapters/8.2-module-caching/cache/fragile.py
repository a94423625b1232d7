"""Fails half-way through its body."""

print("fragile.py: starting")
HALF = "done"
raise RuntimeError("something went wrong")
