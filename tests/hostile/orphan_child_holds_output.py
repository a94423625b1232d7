"""Starts a child that outlives it and keeps its output open: the grader must not wait for it.
expect: value=pass call=pass
message:
"""
import subprocess
import sys

subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)  # import-lab-hostile-marker"])
VALUE = 1


def work():
    return 42
