"""Exits with status 0 while being imported: success is not a pass.
expect: value=fail call=fail
message: SystemExit
"""
import sys

sys.exit(0)
