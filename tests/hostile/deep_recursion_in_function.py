"""Imports fine; the function recurses without end, with the recursion limit lifted.
expect: value=pass call=fail|timeout
message: RecursionError|crashed|still running
"""
import sys

VALUE = 1


def dive(n):
    return dive(n + 1) + 1


def work():
    sys.setrecursionlimit(10**6)
    return dive(0)
