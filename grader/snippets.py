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


#: Every exception that leaves the import system from here on, the very objects, each with what it said as it left
#: (its args, message, name, path and notes): a spy on importlib._bootstrap._find_and_load, which the import
#: statement, __import__ and import_module all go through. On a Python without that function nothing is recorded,
#: and an error of the right class and name passes. altered(error) tells whether the error says something else now.
IMPORT_ERRORS = """
        import sys as _sys
        _bootstrap = _sys.modules.get("importlib._bootstrap") or _sys.modules.get("_frozen_importlib")
        import_errors, _said = [], []  # _said keeps each error alive, so that no other object takes its id


        def _saying(error):
            return (repr(error.args), repr(getattr(error, "msg", None)), repr(getattr(error, "name", None)),
                    repr(getattr(error, "path", None)), repr(getattr(error, "__notes__", None)))


        def altered(error):
            said = [saying for seen, saying in _said if seen is error]
            return bool(said) and said[-1] != _saying(error)


        _find_and_load = getattr(_bootstrap, "_find_and_load", None)
        if _find_and_load is not None:
            def _spy(*args, **kwargs):
                try:
                    return _find_and_load(*args, **kwargs)
                except BaseException as error:
                    import_errors.append(error)
                    _said.append((error, _saying(error)))
                    raise
            _bootstrap._find_and_load = _spy
"""
