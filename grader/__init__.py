"""Import Lab's grader: hidden pytest suites run against the student's exercises in fresh interpreters.

Suites use :func:`expect` (and the ``student`` fixture from :mod:`grader.plugin`).
"""

from .feedback import FIX_THE_NAMED_LINE, CheckFailed, StudentError, expect

__all__ = ["FIX_THE_NAMED_LINE", "CheckFailed", "StudentError", "expect"]
