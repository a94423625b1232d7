"""Imports fine; the function kills the process that started it.
expect: value=pass call=fail
message: killed the process that started it
"""
import os
import signal

VALUE = 1


def work():
    os.kill(os.getppid(), signal.SIGKILL)
    return 42
