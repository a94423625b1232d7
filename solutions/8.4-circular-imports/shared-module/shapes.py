"""Shapes, measured in the drawing's unit."""

import render
from units import UNIT


def area(width, height):
    return f"{width * height} sq {UNIT}"


def show(width, height):
    return render.frame(area(width, height))
