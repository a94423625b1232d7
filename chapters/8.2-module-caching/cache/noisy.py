"""Says so every time its body runs."""

print(f"running noisy.py as {__name__!r}")

VISITS = []
