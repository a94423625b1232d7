"""Imports fine; the function asks for 8 GiB of memory.
expect: value=pass call=fail
message: MemoryError
"""
VALUE = 1


def work():
    hoard = bytearray(8 * 1024**3)
    return len(hoard)
