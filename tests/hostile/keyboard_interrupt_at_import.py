"""Raises KeyboardInterrupt itself.
expect: value=fail call=fail
message: KeyboardInterrupt
"""
raise KeyboardInterrupt
