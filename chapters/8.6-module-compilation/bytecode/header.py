"""python3 header.py MODULE.py: decode the 16-byte header of the module's cached .pyc."""

import importlib.util
import os
import struct
import sys

source = sys.argv[1]
cached = importlib.util.cache_from_source(source)
with open(cached, "rb") as f:
    header = f.read(16)
magic, flags = header[:4], struct.unpack("<I", header[4:8])[0]
print("magic number is this Python's:", magic == importlib.util.MAGIC_NUMBER)
print("flags:", flags, {0: "(checked by time and size)", 1: "(hash, not checked)", 3: "(hash, checked)"}[flags])
if flags == 0:
    mtime, size = struct.unpack("<II", header[8:16])
    st = os.stat(source)
    print("recorded time = source's time in whole seconds:", mtime == int(st.st_mtime))
    print("recorded size = source's size:", size == st.st_size)
else:
    print("recorded hash = hash of the source:", header[8:16] == importlib.util.source_hash(open(source, "rb").read()))
