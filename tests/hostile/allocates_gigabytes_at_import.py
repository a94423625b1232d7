"""Asks for 8 GiB of memory while being imported.
expect: value=fail call=fail
message: MemoryError
"""
hoard = bytearray(8 * 1024**3)
VALUE = 1
