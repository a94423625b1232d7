"""Ends the interpreter at once, before the check can observe anything.
expect: value=fail call=fail
message: ended before the check could observe
"""
import os

os._exit(0)
