"""Stops (SIGSTOP) the process that started it, so nobody would ever collect it.
expect: value=timeout call=timeout
message: still running
"""
import os
import signal

os.kill(os.getppid(), signal.SIGSTOP)
VALUE = 1


def work():
    return 42
