"""Imports fine; the function exits the interpreter with a message.
expect: value=pass call=fail
message: SystemExit
"""
import sys

VALUE = 1


def work():
    sys.exit("bye")
