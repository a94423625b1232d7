"""python3 report.py: import customers, and print the error the way a program's log would."""

import traceback

try:
    import customers  # noqa: F401
except ImportError:
    traceback.print_exc()
