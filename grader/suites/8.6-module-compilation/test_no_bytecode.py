"""8.6 no-bytecode: run a program that writes no bytecode, or writes it under a cache folder only.

Each check runs a small program of its own through launch.run. That program
writes down the bytecode settings of the interpreter it runs in (so cleaning
up afterwards, or hiding the files elsewhere, cannot pass for the options the
README asks for), then imports helper; the check also looks at the files the
interpreter left behind.

Every check runs with an empty folder as the only entry of PATH: step 1 asks
for sys.executable, and a bare "python" must not work just because one
happens to be installed.
"""

import pytest

from grader import CheckFailed, StudentError, expect
from grader.sandbox import CLEAN_FLAGS

#: The check's own interpreter writes no bytecode (it imports launch.py):
#: whatever .pyc appears was written by the program launch.run started.
QUIET = CLEAN_FLAGS + ("-S", "-B")

#: The program the checks run with launch.run: it records
#: [sys.dont_write_bytecode, sys.pycache_prefix], then imports a module.
SETTINGS_PROGRAM = """\
import sys

with open("bytecode-settings.txt", "w", encoding="utf-8") as out:
    out.write(repr([sys.dont_write_bytecode, sys.pycache_prefix]))

import helper  # noqa: E402  (a module whose bytecode could be written)
"""

FIND = """
import ast, os
def pycs(root):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".pyc"))
def caches(root):
    return sorted(os.path.join(d, s) for d, subs, _ in os.walk(root) for s in subs if s == "__pycache__")
def settings():
    try:
        with open("bytecode-settings.txt", encoding="utf-8") as f:
            return ast.literal_eval(f.read())
    except OSError:
        return None
"""


def run_launch(student, code, doing, **kw):
    """observe(code), with no interpreter to be found on PATH; a program started by name fails with its own message."""
    no_programs = student.root / "empty-path"
    no_programs.mkdir(exist_ok=True)
    try:
        return student.observe(code, doing=doing, env={"PATH": str(no_programs)}, **kw)
    except StudentError as failure:
        # What starting a program that is not there raises: the program's name is in the message.
        if not (failure.error.isinstance("FileNotFoundError") or failure.error.isinstance("PermissionError")):
            raise
        raise CheckFailed(
            doing,
            f"your code raised {failure.error.summary} (the check runs it with no Python on PATH)",
            "if that names a program such as python or python3, start sys.executable instead: "
            "the interpreter running your code, wherever it is installed.",
        ) from None


def describe(settings):
    """The settings the program saw, in words."""
    if settings is None:
        return "the program given to launch.run never ran"
    dont_write, prefix = settings
    return f"in the program's interpreter, sys.dont_write_bytecode was {dont_write!r} and sys.pycache_prefix was {prefix!r}"


@pytest.mark.points(2)
def test_no_bytecode_at_all(student):
    student.write("bytecode_settings.py", SETTINGS_PROGRAM)
    seen = run_launch(
        student,
        FIND
        + "import launch\ncode = launch.run('bytecode_settings.py')\n"
        + "report(code=code, settings=settings(), pycs=pycs('.'), caches=caches('.'))",
        doing="launch.run('bytecode_settings.py') to work",
        flags=QUIET,
    )
    expect(
        seen["code"] == 0 and seen["settings"] == [True, None],
        expected=(
            "launch.run(script) to start an interpreter told to write no bytecode: "
            "sys.dont_write_bytecode True and sys.pycache_prefix None in it, and exit code 0"
        ),
        saw=describe(seen["settings"]) + f", and launch.run returned {seen['code']!r}",
        hint="start the interpreter with -B; deleting the files afterwards, or sending them elsewhere, does not count.",
    )
    expect(
        not seen["pycs"] and not seen["caches"],
        expected="no .pyc file and no __pycache__ folder anywhere",
        saw=f"it left {seen['pycs'] or seen['caches']}",
        hint="start the interpreter with -B.",
    )


@pytest.mark.points(2)
def test_bytecode_under_the_cache_folder_only(student):
    student.write("bytecode_settings.py", SETTINGS_PROGRAM)
    seen = run_launch(
        student,
        FIND
        + "import launch\ncode = launch.run('bytecode_settings.py', cache_dir='cache')\n"
        + "found = settings()\n"
        + "report(code=code, settings=found, prefix_is_cache=bool(found and found[1]) "
        + "and os.path.realpath(found[1]) == os.path.realpath('cache'),\n"
        + "       beside=[p for p in caches('.') if not p.startswith(os.path.join('.', 'cache'))], cached=pycs('cache'))",
        doing="launch.run('bytecode_settings.py', cache_dir='cache') to work",
        flags=QUIET,
    )
    settings = seen["settings"]
    expect(
        seen["code"] == 0 and settings is not None and settings[0] is False and seen["prefix_is_cache"],
        expected=(
            "launch.run(script, cache_dir='cache') to start an interpreter that writes bytecode under cache/: "
            "sys.dont_write_bytecode False and sys.pycache_prefix the folder cache in it, and exit code 0"
        ),
        saw=describe(settings) + f", and launch.run returned {seen['code']!r}",
        hint="-X pycache_prefix=cache_dir sends the bytecode there (and leave out -B, which writes none).",
    )
    expect(
        not seen["beside"] and any("helper" in p for p in seen["cached"]),
        expected="the bytecode of helper.py under cache/, and no __pycache__ next to the sources",
        saw=f"__pycache__ folders appeared at {seen['beside']}" if seen["beside"] else f"cache/ held {seen['cached']}",
        hint="-X pycache_prefix=cache_dir sends the bytecode there.",
    )


@pytest.mark.points(1)
def test_arguments_and_exit_code(student):
    code = "import launch\nreport(code=launch.run('app.py', '7'))"
    seen = run_launch(student, code, "launch.run('app.py', '7') to work")
    expect(
        seen["code"] == 7,
        expected="launch.run('app.py', '7') to return the app's exit code, 7",
        saw=f"it returned {seen['code']!r}",
        hint="pass *args after the script, and return the completed process's returncode.",
    )
