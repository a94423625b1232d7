"""Two shapes, and an __all__ that still names a function under its old name."""

__all__ = ["circle_area", "area_of_square", "VERSION"]

VERSION = "1.0"


def circle_area(radius):
    return round(3.14159 * radius**2, 2)


def square_area(side):  # was called area_of_square, until a rename
    return side * side
