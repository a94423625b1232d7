print(f"running util.py as {__name__!r}")

REGISTRY = {}
