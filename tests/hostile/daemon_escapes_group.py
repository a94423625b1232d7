"""Double-forks a daemon into a session of its own, outside the grader's process group.
expect: value=pass call=pass
message:
"""
import os
import sys

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(600)  # import-lab-hostile-marker"])
    os._exit(0)
VALUE = 1


def work():
    return 42
