"""Imports fine; the function never returns.
expect: value=pass call=timeout
message: in work()
"""
VALUE = 1


def work():
    while True:
        pass
