"""Imports fine; the function raises KeyboardInterrupt itself.
expect: value=pass call=fail
message: KeyboardInterrupt
"""
VALUE = 1


def work():
    raise KeyboardInterrupt
