"""The same shapes, without __all__: `import *` takes every public-looking name."""

import math

_PRECISION = 2


def circle_area(radius):
    return round(math.pi * radius**2, _PRECISION)
