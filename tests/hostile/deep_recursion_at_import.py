"""Recurses without end, with the recursion limit lifted.

How it ends depends on the version: 3.10 crashes, 3.11 and 3.12 raise
RecursionError, 3.13 keeps going until the time limit.
expect: value=fail|timeout call=fail|timeout|skipped
message: RecursionError|crashed|still running
"""
import sys

sys.setrecursionlimit(10**6)


def dive(n):
    return dive(n + 1) + 1


VALUE = dive(0)
