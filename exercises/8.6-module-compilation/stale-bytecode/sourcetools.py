"""Rewrite Python source files safely."""

import importlib.util  # noqa: F401  (you will need it)
import os  # noqa: F401


def safe_rewrite(path, text):
    """Replace the contents of the source file `path` with `text`, so that the next import
    (or importlib.reload) of it is sure to run the new code.

    It must work even if the file keeps the same size and something sets its
    modification time back afterwards (tools that copy files with their times
    do), and for a file that was never imported.
    """
    raise NotImplementedError
