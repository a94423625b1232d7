"""Probe code that several suites share: text a check puts in front of its own snippet.

A probe runs a check's code in a fresh interpreter (grader/sandbox.py); what
that code needs beyond ``report`` and ``rewrite`` is written here once, as
source text, and never imported by the grader's process.
"""

#: Call a function with file descriptors 1 and 2 sent to files, so that what it prints is
#: seen apart from the rest of the probe, however it prints (print, a stream bound early, os.write).
CAPTURE = '''
import os, sys

_captures = [0]


def flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a stream the student's code replaced or closed
            pass


def captured(call, *args, **kwargs):
    """Call it with file descriptors 1 and 2 sent to files: (stdout, stderr, returned value, exception or None)."""
    flush()
    _captures[0] += 1
    names = [os.path.join(os.environ.get("TMPDIR") or ".", f"captured-{_captures[0]}-{fd}") for fd in (1, 2)]
    files = [open(name, "w+b") for name in names]
    saved = [os.dup(1), os.dup(2)]
    os.dup2(files[0].fileno(), 1)
    os.dup2(files[1].fileno(), 2)
    value = error = None
    try:
        value = call(*args, **kwargs)
    except BaseException as exc:  # SystemExit too: the check wants to see it
        error = exc
    finally:
        flush()
        for fd, copy in ((1, saved[0]), (2, saved[1])):
            os.dup2(copy, fd)
            os.close(copy)
    texts = []
    for file, name in zip(files, names):
        file.seek(0)
        texts.append(file.read().decode("utf-8", "replace"))
        file.close()
        os.remove(name)
    return texts[0], texts[1], value, error
'''
