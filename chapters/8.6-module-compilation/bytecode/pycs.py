"""python3 pycs.py [FOLDER]: list the .pyc files below FOLDER (the version tag shown as cpython-3XY)."""

import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
found = []
for folder, subfolders, files in os.walk(root):
    found += [os.path.join(folder, f) for f in files if f.endswith(".pyc")]
for path in sorted(found):
    print(re.sub(r"cpython-3\d+", "cpython-3XY", os.path.normpath(path)))
print(f"({len(found)} .pyc files)")
