"""A grader started ahead of time: ``python -m grader.standby`` (watch mode keeps one ready).

Half of a one-exercise verdict is the grader getting ready: starting Python
and importing the grader and pytest. Watch mode starts the next grader as soon
as a verdict is out, so that this is done while the student reads and edits,
and a save costs only the checks.

The process imports, then waits for one line on standard input: a command
line for ``python -m grader``, as a JSON list. It grades exactly as that
command would, in this process, and exits with its exit code. So every
verdict still comes from a process of its own, and nothing of the student's
is looked at before the line arrives. End of input instead of a line ends it
with 0, and Ctrl-C while it waits with 130, both without a word.

Its pipes are UTF-8, whatever started it and whatever the console's code
page (on Windows a child's pipes use the ANSI code page): watch mode reads
them as UTF-8, and a report holding a student's "déjà vu" must reach it whole.
"""

import json
import sys


def utf8_pipes() -> None:
    """Standard input, output and error in UTF-8 (nothing has been read or written yet)."""
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "backslashreplace"), (sys.stderr, "backslashreplace")):
        try:
            stream.reconfigure(encoding="utf-8", errors=errors)
        except (AttributeError, ValueError, OSError):
            pass


def main() -> int:
    utf8_pipes()
    try:
        # Everything a verdict imports before it looks at the exercise: the grader's own code and pytest.
        from . import cli, plugin  # noqa: F401

        import pytest  # noqa: F401

        line = sys.stdin.readline()
    except KeyboardInterrupt:
        return 130  # as cli.EXIT_INTERRUPTED, which may not be imported yet
    if not line.strip():
        return 0
    return cli.main(json.loads(line))


if __name__ == "__main__":
    code = main()
    from .workers import exit_now

    exit_now(code)
