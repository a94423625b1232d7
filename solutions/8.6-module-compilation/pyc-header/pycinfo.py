"""Look inside cached bytecode files."""

import importlib.util
import os
import struct


def read_header(path):
    """Decode the 16-byte header of the .pyc file at `path`.

    Return {"magic": bytes, "flags": int, "mtime": int, "size": int} for a file
    checked by time and size (flags 0), and {"magic": bytes, "flags": int,
    "hash": bytes} for a hash-based one (flags 1 or 3). All numbers are
    little-endian 32-bit unsigned integers. Raise ValueError if the file is
    shorter than 16 bytes.
    """
    with open(path, "rb") as f:
        header = f.read(16)
    if len(header) < 16:
        raise ValueError(f"{path} is too short to be a .pyc file")
    (flags,) = struct.unpack("<I", header[4:8])
    if flags == 0:
        mtime, size = struct.unpack("<II", header[8:16])
        return {"magic": header[:4], "flags": flags, "mtime": mtime, "size": size}
    return {"magic": header[:4], "flags": flags, "hash": header[8:16]}


def is_current(source):
    """Would this Python use the cached .pyc of the source file `source`?

    False if there is no .pyc. Otherwise the magic number must be this
    Python's, and: with flags 0, the recorded time and size must match the
    source's (time in whole seconds); with flags 3, the recorded hash must be
    the source's hash (importlib.util.source_hash); with flags 1 the file is
    used without any check.
    """
    cached = importlib.util.cache_from_source(source)
    if not os.path.exists(cached):
        return False
    try:
        header = read_header(cached)
    except ValueError:  # too short to hold a header: Python compiles again
        return False
    if header["magic"] != importlib.util.MAGIC_NUMBER:
        return False
    if header["flags"] == 0:
        # Python records int(st_mtime) (cut towards zero) and the size, each as 32 bits.
        st = os.stat(source)
        return header["mtime"] == int(st.st_mtime) & 0xFFFFFFFF and header["size"] == st.st_size & 0xFFFFFFFF
    if header["flags"] == 3:
        with open(source, "rb") as f:
            return header["hash"] == importlib.util.source_hash(f.read())
    return header["flags"] == 1  # any other flags: not a .pyc Python would use
