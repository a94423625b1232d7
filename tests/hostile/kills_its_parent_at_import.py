"""Kills the process that started it.
expect: value=fail call=fail
message: killed the process that started it
"""
import os
import signal

os.kill(os.getppid(), signal.SIGKILL)
VALUE = 1


def work():
    return 42
