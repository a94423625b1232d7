"""Imports fine; the function ends the interpreter at once, before the check can observe the result.
expect: value=pass call=fail
message: ended before the check could observe
"""
import os

VALUE = 1


def work():
    os._exit(0)
