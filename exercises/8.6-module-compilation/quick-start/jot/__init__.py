"""jot: notes on the command line. Run it as `python -m jot`."""
