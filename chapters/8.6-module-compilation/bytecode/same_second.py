"""python3 same_second.py FILE OLD NEW: replace OLD by NEW (same size in bytes) and keep the file's time.

Afterwards the file looks, to the .pyc check, exactly as it did: same size,
same modification time. That is what an edit within the same second looks like.
"""

import os
import sys

path, old, new = sys.argv[1:4]
assert len(old.encode("utf-8")) == len(new.encode("utf-8")), "the point is to keep the size"
st = os.stat(path)
with open(path, encoding="utf-8") as f:
    text = f.read()
with open(path, "w", encoding="utf-8") as f:
    f.write(text.replace(old, new))
os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
