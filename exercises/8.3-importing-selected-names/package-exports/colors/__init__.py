"""Colours: `from colors import hex_to_rgb`, `from colors import palette`, or `from colors import *`."""
