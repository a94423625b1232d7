"""A file of our own that happens to be called calendar.py."""

print("our calendar.py is running")
