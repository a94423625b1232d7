"""Shapes: points and drawings, saved to files that other programs load.

Other programs use the package as `from shapes import Drawing, Point, load`.
"""

# From model, never from tool: importing tool here would make `python -m shapes.tool` run tool.py twice.
from .model import Drawing, Point, load
