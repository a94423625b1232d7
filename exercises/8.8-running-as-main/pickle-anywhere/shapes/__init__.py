"""Shapes: points and drawings, saved to files that other programs load.

Other programs use the package as `from shapes import Drawing, Point, load`.
"""

from .tool import Drawing, Point, load
