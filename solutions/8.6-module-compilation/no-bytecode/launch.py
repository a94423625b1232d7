"""Run Python programs without leaving bytecode next to their sources."""

import subprocess
import sys


def run(script, *args, cache_dir=None):
    """Run `python script args` in a new interpreter (sys.executable), wait for it, and return its exit code.

    With cache_dir None, the program must write no bytecode at all.
    Otherwise its bytecode goes under the folder cache_dir, and none next to
    the sources.
    """
    options = ["-B"] if cache_dir is None else ["-X", f"pycache_prefix={cache_dir}"]
    # -E: PYTHONDONTWRITEBYTECODE or PYTHONPYCACHEPREFIX in the caller's environment must not decide.
    return subprocess.run([sys.executable, "-E", *options, script, *args]).returncode
