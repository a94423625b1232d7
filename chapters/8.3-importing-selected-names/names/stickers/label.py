"""A module in a folder without __init__.py: a namespace package."""

print("running the body of stickers.label")

TEXT = "fragile"
