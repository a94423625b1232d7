"""Rewrite Python source files safely."""

import importlib.util
import os


def safe_rewrite(path, text):
    """Replace the contents of the source file `path` with `text`, so that the next import
    (or importlib.reload) of it is sure to run the new code.

    It must work even if the file keeps the same size and something sets its
    modification time back afterwards (tools that copy files with their times
    do), and for a file that was never imported.
    """
    # newline="": the text as given, byte for byte (text mode on Windows would write each \n as \r\n).
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    # The cached bytecode is checked by time and size only: remove it, and the
    # next import has to compile the new source.
    try:
        os.remove(importlib.util.cache_from_source(path))
    except FileNotFoundError:
        pass
