"""Framing text for the screen."""

from units import SCALE, UNIT


def frame(text):
    return f"[{text} | 1:{SCALE} | {UNIT}]"
