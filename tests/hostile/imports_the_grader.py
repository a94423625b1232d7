"""Tries to import the grader to patch it.
expect: value=fail call=fail
message: grader
"""
import grader  # noqa: F401

VALUE = 1


def work():
    return 42
