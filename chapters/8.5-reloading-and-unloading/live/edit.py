"""rewrite(path, text) and restore(path): edit a source file for a demo, then put it back.

Python reuses a module's cached bytecode while the source's modification time
(in whole seconds) and size are unchanged: an edit within the same second, of
the same length, would go unnoticed. Section 8.6 explains; both functions
avoid it by moving the file's modification time on.

The first rewrite keeps the original as PATH.orig, so that restore can put it
back byte for byte, even in a later session.
"""

import os
import shutil


def rewrite(path, text):
    if not os.path.exists(path + ".orig"):
        shutil.copyfile(path, path + ".orig")
    before = os.stat(path).st_mtime
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    move_time_on(path, before)


def restore(path):
    if os.path.exists(path + ".orig"):
        before = os.stat(path).st_mtime
        shutil.copyfile(path + ".orig", path)
        os.remove(path + ".orig")
        move_time_on(path, before)


def move_time_on(path, before):
    later = max(before, os.stat(path).st_mtime) + 2
    os.utime(path, (later, later))
