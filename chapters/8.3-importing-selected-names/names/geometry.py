"""Shapes, with a public API that `import *` respects."""

import math

__all__ = ["circle_area", "square_area", "_UNIT"]

_UNIT = "cm"
_PRECISION = 2


def circle_area(radius):
    return round(math.pi * radius**2, _PRECISION)


def square_area(side):
    return side * side
