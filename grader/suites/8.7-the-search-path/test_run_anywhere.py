"""8.7 run-anywhere: `python -m toolbox.cli` from the project folder, and from elsewhere via PYTHONPATH."""

import pytest

from grader import CheckFailed, StudentError, expect

#: Clean flags without -E, so that the check's own PYTHONPATH counts.
WITH_PYTHONPATH = ("-s", "-S", "-X", "utf8")


@pytest.mark.points(2)
def test_it_runs_with_dash_m_from_the_project_folder(student):
    done = student.run_module("toolbox.cli", "hello", "world")
    expect(
        done.returncode == 0 and done.stdout.strip() == "HELLO WORLD",
        expected="`python -m toolbox.cli hello world`, from the folder holding toolbox/, to print HELLO WORLD",
        saw=f"it ended with {done.last_line!r}",
        hint="import the helper by its full name: from toolbox.helpers import fmt.",
    )


@pytest.mark.points(2)
def test_it_runs_from_another_folder_with_pythonpath(student):
    (student.path / "elsewhere").mkdir()
    done = student.run_module(
        "toolbox.cli", "hi", cwd="elsewhere", flags=WITH_PYTHONPATH, env={"PYTHONPATH": str(student.path)}
    )
    expect(
        done.returncode == 0 and done.stdout.strip() == "HI",
        expected="`python -m toolbox.cli hi`, run from another folder with the project on PYTHONPATH, to print HI",
        saw=f"it ended with {done.last_line!r}",
        hint="nothing in the code may depend on the current folder or on cli.py's own folder.",
    )


#: Makes sys.path a list that writes down every change made to it, and the sys
#: module one that writes down every assignment to sys.path: a change undone
#: before the import ends still shows (step 3: "not even for a moment").
#: Then CALL_MAIN runs main once, its output captured: helpers may be imported
#: inside main (nothing asks for it at import time), and that import counts too.
WATCH_SYS_PATH = """
import os, sys, types

changes = []
here = os.getcwd()

def shown(value):
    text = repr(value)
    if isinstance(value, str):
        for folder in {here, os.path.realpath(here)}:
            text = text.replace(repr(folder)[1:-1], "<the exercise folder>")
    return text

class WatchedPath(list):
    pass

def watch(method):
    original = getattr(list, method)
    def changed(self, *args):
        changes.append(f"sys.path.{method}({', '.join(shown(a) for a in args)})")
        return original(self, *args)
    return changed

for method in ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse",
               "__setitem__", "__delitem__", "__iadd__", "__imul__"):
    setattr(WatchedPath, method, watch(method))

def new_list(value):
    if not isinstance(value, list):
        return shown(value)
    old = sys.path if isinstance(sys.path, list) else []
    added = [shown(p) for p in value if p not in old]
    dropped = [shown(p) for p in old if p not in value]
    what = ", ".join(["adding " + ", ".join(added)] * bool(added) + ["dropping " + ", ".join(dropped)] * bool(dropped))
    return f"a new list ({what or 'the same entries'})"

class WatchedSys(types.ModuleType):
    def __setattr__(self, name, value):
        if name == "path" and value is not getattr(self, "path", None):  # `sys.path += ...` is logged as __iadd__
            changes.append("sys.path = " + new_list(value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        if name == "path":
            changes.append("del sys.path")
        super().__delattr__(name)

watched = WatchedPath(sys.path)
sys.path = watched
sys.__class__ = WatchedSys
"""

#: Calls toolbox.cli.main(["hi"]), if there is one, with its output captured
#: (what it prints is the first checks' business).
CALL_MAIN = """
import contextlib, io
if callable(getattr(toolbox.cli, "main", None)):
    with contextlib.redirect_stdout(io.StringIO()):
        toolbox.cli.main(["hi"])
"""

DOING = "`import toolbox.cli`, then toolbox.cli.main(['hi']), to work"

#: The fix when a plain `helpers` is missing: the file is there, under the package's name.
FULL_NAME_HINT = (
    "inside the package, helpers.py is the module toolbox.helpers, not a top-level helpers: import it by its "
    "full name, `from toolbox.helpers import fmt`, or relatively, `from .helpers import fmt`."
)


def observe_the_tool(student, code):
    """``student.observe(code)``, where a missing top-level module helpers gets the full-name hint."""
    try:
        return student.observe(code, doing=DOING)
    except StudentError as failure:
        error = failure.error
        if not (error.isinstance("ModuleNotFoundError") and (error.name or "").partition(".")[0] == "helpers"):
            raise
        raise CheckFailed(DOING, f"your code raised {error.summary}", FULL_NAME_HINT) from None


@pytest.mark.points(1)
def test_importing_the_tool_leaves_sys_path_alone(student):
    seen = observe_the_tool(
        student,
        WATCH_SYS_PATH
        + """
before = list(sys.path)
import toolbox.cli
"""
        + CALL_MAIN
        + """
report(changes=changes, same=sys.path is watched and sys.path == before,
       main=callable(getattr(toolbox.cli, "main", None)))
""",
    )
    expect(
        seen["main"],
        expected="toolbox.cli to keep its function main(argv)",
        saw="toolbox.cli has no function main",
        hint="keep `def main(argv):` from the stub; only the import line needs to change.",
    )
    changes = seen["changes"]
    listed = "; ".join(changes[:3]) + ("; ..." if len(changes) > 3 else "")
    expect(
        seen["same"] and not changes,
        expected="`import toolbox.cli` and a call of its main to leave sys.path alone, not even for a moment",
        saw=f"they changed sys.path {len(changes)} time(s): {listed}" if changes else "sys.path changed",
        hint="remove any sys.path manipulation: the package import needs none.",
    )


@pytest.mark.points(1)
def test_the_helper_comes_from_the_package(student):
    seen = observe_the_tool(
        student,
        """
import sys, types
import toolbox.cli
"""
        + CALL_MAIN
        + """
top_level = sorted(name for name in sys.modules if name.partition(".")[0] == "helpers")
# Functions and modules toolbox.cli holds that come from a module named plain "helpers".
stray = sorted(
    name
    for name, value in vars(toolbox.cli).items()
    if (isinstance(value, types.FunctionType) and value.__module__ == "helpers")
    or (isinstance(value, types.ModuleType) and value.__name__ == "helpers")
)
fmt = getattr(toolbox.cli, "fmt", None)
report(top_level=top_level, stray=stray, package="toolbox.helpers" in sys.modules,
       fmt_module=getattr(fmt, "__module__", None))
""",
    )
    expect(
        not seen["top_level"] and not seen["stray"] and seen["package"] and seen["fmt_module"] in (None, "toolbox.helpers"),
        expected=(
            "`import toolbox.cli` and a call of its main to import helpers.py as the package's module toolbox.helpers, "
            "and no top-level module named helpers"
        ),
        saw=(
            f"sys.modules held {seen['top_level']}"
            + (f", and fmt came from the module {seen['fmt_module']!r}" if seen["fmt_module"] else "")
            if seen["top_level"] or seen["fmt_module"] not in (None, "toolbox.helpers")
            else f"toolbox.cli held {seen['stray']} from a module named helpers"
            if seen["stray"]
            else "toolbox.helpers was never imported"
        ),
        hint=FULL_NAME_HINT,
    )
