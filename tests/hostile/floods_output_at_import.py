"""Writes far more output than the grader keeps, to both streams, while being imported.
expect: value=fail call=fail
message: File too large|OSError
"""
import sys

for _ in range(400):
    sys.stdout.write("PASSED " * 20_000)
    sys.stderr.write("PASSED " * 20_000)
VALUE = 1


def work():
    return 42
