"""The child side of a probe: runs a check's snippet inside a fresh interpreter.

The grader never imports this module: it sends its source with ``-c`` so
that ``sys.path[0]`` is the student's folder ('' = the working directory)
and nothing of the grader is importable. The snippet gets two helpers:

* ``report(**values)`` sends observations back on a private channel (a file
  outside the student's folder, whose path is taken off ``sys.argv`` before
  any student code runs). Printing never counts as a result.
* Just before the time limit, faulthandler writes every thread's stack to
  a file beside the channel, so a time-out can say where the code was stuck.
* ``rewrite(path, text)`` replaces a source file and moves its mtime on, so
  that a re-import or ``importlib.reload`` cannot load stale bytecode (the
  ``.pyc`` check compares whole-second mtimes and sizes).
"""


def _as_if_site_had_run():
    """Give code run under ``-S`` what ``site`` would have given it, but the site-packages.

    A student's program runs with ``site``: it has ``exit()``, ``quit()`` and
    ``help()``, and ``os`` with the modules it needs comes from the standard
    library before the program's folder is on ``sys.path`` (on 3.10 a
    student's ``stat.py`` would otherwise replace the real one). Under ``-S``,
    ``import site`` defines site's functions and runs none of them; these
    three add the builtins, and no ``.pth`` file or site-packages is read.
    """
    import sys

    if not sys.flags.no_site:
        return
    folder = sys.path.pop(0) if sys.path and sys.path[0] == "" else None
    try:
        import site

        site.setquit()
        site.setcopyright()
        site.sethelper()
    finally:
        if folder is not None:
            sys.path.insert(0, folder)


def _probe_main():
    # Only modules an interpreter with site has loaded already: importing json
    # or traceback here would cost more than the rest of a probe together.
    import os
    import sys

    channel_path, snippet_path, dump_path, dump_after = sys.argv[1:5]
    sys.argv[:] = ["-c"]
    # Just before the time limit, write down where the code is: a time-out can
    # then name the file and line that never finished.
    import faulthandler

    dump = open(dump_path, "w")
    faulthandler.dump_traceback_later(float(dump_after), file=dump)
    del dump_path, dump_after
    here = os.path.realpath(os.getcwd())
    channel = open(channel_path, "w", encoding="utf-8")
    del channel_path
    with open(snippet_path, encoding="utf-8") as f:
        snippet = f.read()
    os.remove(snippet_path)
    snippet_lines = snippet.splitlines()
    state = {"values": {}, "error": None, "done": False}

    def literal(value):
        """The value as something whose repr() ast.literal_eval reads back (else its repr, as a string)."""
        if value is None or isinstance(value, (bool, int, str)):
            return value
        if isinstance(value, float):
            return value if value == value and value not in (float("inf"), float("-inf")) else repr(value)
        if isinstance(value, (list, tuple)):
            return [literal(v) for v in value]
        if isinstance(value, dict):
            return {str(k): literal(v) for k, v in value.items()}
        if isinstance(value, (set, frozenset)):
            return sorted((literal(v) for v in value), key=repr)
        return repr(value)

    def flush():
        channel.seek(0)
        channel.truncate()
        channel.write(repr(literal(state)))
        channel.flush()

    def report(**values):
        state["values"].update(values)
        flush()

    def rewrite(path, text):
        before = os.stat(path).st_mtime if os.path.exists(path) else 0
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        later = max(before, os.stat(path).st_mtime) + 2
        os.utime(path, (later, later))

    def relative(filename):
        if not filename:
            return None
        if filename == "<check>":
            return filename
        if filename.startswith("<"):
            return None
        full = os.path.realpath(filename)
        if full.startswith(here + os.sep):
            return os.path.relpath(full, here).replace(os.sep, "/")
        return None

    def plain(message):
        """The message without the private copy's path: a student knows their files by their own names."""
        for prefix in {here, os.getcwd()}:
            message = message.replace(prefix + os.sep, "")
        return message

    def import_trouble(exc, frames):
        """"shadow" or "cycle" when an import went wrong in one of those two ways, whatever the wording.

        The messages for both differ between versions, so look at the facts. A
        shadowing file is one of the student's, named like a standard-library
        module. A circular import asked a module for a name while that
        module's body was still running: the body is a frame of the traceback.
        """
        if isinstance(exc, ImportError):
            module, path = exc.name, exc.path
        elif isinstance(exc, AttributeError) and type(getattr(exc, "obj", None)) is type(sys):
            module, path = getattr(exc.obj, "__name__", None), getattr(exc.obj, "__file__", None)
        else:
            return None
        if not isinstance(module, str):
            return None
        if module.partition(".")[0] in sys.stdlib_module_names and isinstance(path, str) and relative(path):
            return "shadow"
        base = module.replace(".", "/")
        files = (base + ".py", base + "/__init__.py")
        if any(file in files and function == "<module>" for file, _, function in frames):
            return "cycle"
        return None

    def describe(exc):
        frames = []
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            rel = relative(code.co_filename)
            if rel:
                frames.append((rel, tb.tb_lineno, code.co_name))
            tb = tb.tb_next
        info = {
            "type": type(exc).__name__,
            "classes": [c.__name__ for c in type(exc).__mro__],
            "message": plain(str(exc)),
            "name": getattr(exc, "name", None) if isinstance(getattr(exc, "name", None), str) else None,
            "frames": frames,
            "trouble": import_trouble(exc, frames),
        }
        if isinstance(exc, SyntaxError) and relative(exc.filename):
            info.update(filename=relative(exc.filename), lineno=exc.lineno, message=exc.msg)
            info["line"] = (exc.text or "").strip() or None
        elif frames:
            # The deepest frame in the student's files names the line to look at;
            # failing that, the line of the check that was running.
            own = [f for f in frames if f[0] != "<check>"]
            filename, lineno, _ = (own or frames)[-1]
            info.update(filename=filename, lineno=lineno)
            if filename == "<check>" and 0 < lineno <= len(snippet_lines):
                info["line"] = snippet_lines[lineno - 1].strip()
        return info

    namespace = {"__name__": "__check__", "report": report, "rewrite": rewrite}
    try:
        code = compile(snippet, "<check>", "exec")
        exec(code, namespace)
    except BaseException as exc:  # the student's SystemExit and KeyboardInterrupt too
        state["error"] = describe(exc)
    faulthandler.cancel_dump_traceback_later()
    state["done"] = True
    flush()
    channel.close()


_as_if_site_had_run()
_probe_main()
