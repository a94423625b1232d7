"""Write a module while the program runs, then import it: the folder was listed before."""

import importlib
import os
import shutil
import sys
import tempfile

folder = tempfile.mkdtemp()  # a fresh folder, removed again at the end
sys.path.insert(0, folder)
with open(os.path.join(folder, "early.py"), "w") as f:
    f.write('print("early: running")\n')
listed = os.stat(folder).st_mtime_ns  # the folder's time when the import below lists it
import early  # noqa: E402,F401  (the path finder lists the folder now, and keeps the listing)

with open(os.path.join(folder, "late.py"), "w") as f:
    f.write('print("late: running")\n')
# What a clock that counts whole seconds shows: the folder's time has not moved.
os.utime(folder, ns=(listed, listed))

try:
    import late  # noqa: F401
except ModuleNotFoundError as exc:
    print("first try:", type(exc).__name__, exc)

importlib.invalidate_caches()  # every finder forgets its listings
import late  # noqa: E402,F401

shutil.rmtree(folder)
