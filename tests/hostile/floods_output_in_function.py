"""Imports fine; the function writes far more output than the grader keeps.
expect: value=pass call=fail
message: File too large|OSError
"""
import sys

VALUE = 1


def work():
    for _ in range(400):
        sys.stdout.write("PASSED " * 20_000)
        sys.stderr.write("PASSED " * 20_000)
    return 42
