"""rewrite(path, text): replace a source file and move its modification time on.

Python reuses a module's cached bytecode while the source's modification time
(in whole seconds) and size are unchanged: an edit within the same second, of
the same length, would go unnoticed. Section 8.6 explains; this avoids it.
"""

import os


def rewrite(path, text):
    before = os.stat(path).st_mtime
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    later = max(before, os.stat(path).st_mtime) + 2
    os.utime(path, (later, later))
