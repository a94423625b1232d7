"""Conversions between colour notations."""


def hex_to_rgb(code):
    """"#ff8000" -> (255, 128, 0)."""
    code = code.lstrip("#")
    return tuple(int(code[i : i + 2], 16) for i in (0, 2, 4))
