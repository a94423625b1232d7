"""Look inside cached bytecode files."""

import importlib.util  # noqa: F401  (you will need it)
import os  # noqa: F401
import struct  # noqa: F401


def read_header(path):
    """Decode the 16-byte header of the .pyc file at `path`.

    Return {"magic": bytes, "flags": int, "mtime": int, "size": int} for a file
    checked by time and size (flags 0), and {"magic": bytes, "flags": int,
    "hash": bytes} for a hash-based one (flags 1 or 3). All numbers are
    little-endian 32-bit unsigned integers. Raise ValueError if the file is
    shorter than 16 bytes.
    """
    raise NotImplementedError


def is_current(source):
    """Would this Python use the cached .pyc of the source file `source`?

    False if there is no .pyc. Otherwise the magic number must be this
    Python's, and: with flags 0, the recorded time and size must match the
    source's (time in whole seconds); with flags 3, the recorded hash must be
    the source's hash (importlib.util.source_hash); with flags 1 the file is
    used without any check.
    """
    raise NotImplementedError
