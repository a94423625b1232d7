"""Run Python programs without leaving bytecode next to their sources."""

import subprocess  # noqa: F401  (you will need it)
import sys  # noqa: F401


def run(script, *args, cache_dir=None):
    """Run `python script args` in a new interpreter (sys.executable), wait for it, and return its exit code.

    With cache_dir None, the program must write no bytecode at all.
    Otherwise its bytecode goes under the folder cache_dir, and none next to
    the sources.
    """
    raise NotImplementedError
