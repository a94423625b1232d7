"""8.7 run-anywhere: `python -m toolbox.cli` from the project folder, and from elsewhere via PYTHONPATH.

The two first checks run the real command. The others run the tool in one
probe each, in the three ways it is used: imported, its main called, and run
as `__main__` (runpy.run_module, which is what `-m` does), so that code
hidden behind `if __name__ == "__main__":` is seen too. The words, and for
the last check the helper itself, are the check's own. The helper check also
imports the package again, toolbox.cli first this time, and runs cli.py as
a script (runpy.run_path, with sys.path as `python toolbox/cli.py` has it),
where the package's import may fail but a fallback to a top-level `helpers`
is seen.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `python -m toolbox.cli WORDS`, run from the folder that contains toolbox/, prints fmt of the words.
  -> it_runs_with_dash_m_from_the_project_folder
- Step 2: the same command works from any other folder, with the project folder on PYTHONPATH.
  -> it_runs_from_another_folder_with_pythonpath
- Step 3: running it with -m, importing toolbox.cli and calling its main never change sys.path, not even
  for a moment.
  -> the_tool_never_changes_sys_path
- Step 3: they do not set PYTHONPATH, or anything else in os.environ, either.
  -> the_tool_never_changes_sys_path
- Step 3: helpers.py is imported only as toolbox.helpers, never as a top-level module helpers, even when
  another helpers.py is on the path, whether the import is at the top of cli.py or inside main.
  -> the_helper_comes_from_the_package
- Step 3: not even when cli.py is run as a script (where it may fail): no fallback to a top-level helpers.
  -> the_helper_comes_from_the_package
- Step 3: it is the package's one module toolbox.helpers, run once: imported before toolbox.cli, it is not
  run again (loaded from its file, reloaded) nor replaced in sys.modules; imported after toolbox.cli, it is the
  package's attribute helpers, as any other part of the program gets it with `import toolbox.helpers`.
  -> the_helper_comes_from_the_package
- Step 4: main(argv) is kept: it prints what the package's fmt makes of its arguments joined by spaces, each
  as it is (an empty one, one with spaces of its own).
  -> main_prints_what_the_helper_makes_of_its_arguments
- Step 4: main's arguments are the argv it is given, even an empty one (then it prints fmt of an empty text),
  never the process's sys.argv.
  -> main_prints_what_the_helper_makes_of_its_arguments
"""

import os

import pytest

from grader import CheckFailed, StudentError, expect

#: Clean flags without -E, so that the check's own PYTHONPATH counts (with site, as a program is run).
WITH_PYTHONPATH = ("-s", "-X", "utf8")

#: The fix when a plain `helpers` is missing or is another file: helpers.py has a full name in its package.
FULL_NAME_HINT = (
    "inside the package, helpers.py is the module toolbox.helpers, not a top-level module helpers: import it "
    "by the name it has in its package (or relative to the package), which works wherever Python starts."
)

#: Runs toolbox.cli the three ways it is used, each in a phase the check's code can tell apart:
#: imported, its main called with ["hi"], and run as __main__ with the argument "hi", as `-m` runs it.
#: What it prints is captured (the first checks' business).
THREE_WAYS = """
import contextlib, io, runpy
phase = "importing toolbox.cli"
import toolbox.cli
printed = io.StringIO()
phase = "calling toolbox.cli.main(['hi'])"
if callable(getattr(toolbox.cli, "main", None)):
    with contextlib.redirect_stdout(printed):
        toolbox.cli.main(["hi"])
phase = "running it as __main__, as `python -m toolbox.cli hi` does"
module = sys.modules.pop("toolbox.cli")
saved_argv = sys.argv[:]
sys.argv[:] = ["toolbox.cli", "hi"]
with contextlib.redirect_stdout(printed):
    runpy.run_module("toolbox.cli", run_name="__main__", alter_sys=True)
sys.argv[:] = saved_argv
sys.modules["toolbox.cli"] = module
"""

DOING = "`import toolbox.cli`, a call of toolbox.cli.main(['hi']), and a run as __main__ to work"


def observe_the_tool(student, code, doing=DOING):
    """``student.observe(code)``, where a missing top-level module helpers gets the full-name hint."""
    try:
        return student.observe(code, doing=doing)
    except StudentError as failure:
        error = failure.error
        if not (error.isinstance("ModuleNotFoundError") and (error.name or "").partition(".")[0] == "helpers"):
            raise
        raise CheckFailed(doing, f"your code raised {error.summary}", FULL_NAME_HINT) from None


def ended(done, student) -> str:
    """What a run printed, for a message: its output, or how it ended and its last line (the error, if any)."""
    if done.returncode == 0:
        return f"it printed {done.stdout.strip()!r}"
    last = done.last_line.replace(str(student.path) + os.sep, "")
    return f"it ended with exit code {done.returncode}: {last!r}"


def hint_for(done, otherwise: str) -> str:
    """The full-name hint when the run stopped because a module helpers (or helpers.x) was not found."""
    missing_helpers = (done.uncaught or "").startswith("ModuleNotFoundError") and "'helpers" in done.uncaught
    return FULL_NAME_HINT if missing_helpers else otherwise


# -- Steps 1 and 2 -------------------------------------------------------------------------------------------------


@pytest.mark.points(2)
def test_it_runs_with_dash_m_from_the_project_folder(student):
    words = ("Check", "these", "7 words")
    done = student.run_module("toolbox.cli", *words)
    expected = " ".join(words).upper()
    expect(
        done.returncode == 0 and done.stdout.strip() == expected,
        expected=(
            f"`python -m toolbox.cli Check these '7 words'`, from the folder holding toolbox/, to print {expected}"
        ),
        saw=ended(done, student),
        hint=hint_for(done, "the module must run to its end and print fmt of its arguments."),
    )


@pytest.mark.points(2)
def test_it_runs_from_another_folder_with_pythonpath(student):
    (student.path / "elsewhere").mkdir()
    done = student.run_module(
        "toolbox.cli", "from", "afar", cwd="elsewhere", flags=WITH_PYTHONPATH, env={"PYTHONPATH": str(student.path)}
    )
    expect(
        done.returncode == 0 and done.stdout.strip() == "FROM AFAR",
        expected=(
            "`python -m toolbox.cli from afar`, run from another folder with the project on PYTHONPATH, "
            "to print FROM AFAR"
        ),
        saw=ended(done, student),
        hint=hint_for(done, "nothing in the code may depend on the current folder or on cli.py's own folder."),
    )


# -- Step 3 --------------------------------------------------------------------------------------------------------


#: Makes sys.path a list that writes down every change made to it, and the sys
#: module one that writes down every assignment to sys.path: a change undone
#: before the import ends still shows (step 3: "not even for a moment"). Each
#: change is written down with the phase of THREE_WAYS it happened in.
WATCH_SYS_PATH = """
import os, sys, types

changes = []
phase = "starting"
here = os.getcwd()

def shown(value):
    text = repr(value)
    if isinstance(value, str):
        for folder in {here, os.path.realpath(here)}:
            text = text.replace(repr(folder)[1:-1], "<the exercise folder>")
    return text

def log(change):
    changes.append(f"{change} while {phase}")

class WatchedPath(list):
    pass

def watch(method):
    original = getattr(list, method)
    def changed(self, *args):
        log(f"sys.path.{method}({', '.join(shown(a) for a in args)})")
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
            log("sys.path = " + new_list(value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        if name == "path":
            log("del sys.path")
        super().__delattr__(name)

watched = WatchedPath(sys.path)
sys.path = watched
sys.__class__ = WatchedSys
before = list(sys.path)
environment = dict(os.environ)
"""


@pytest.mark.points(1)
def test_the_tool_never_changes_sys_path(student):
    seen = observe_the_tool(
        student,
        WATCH_SYS_PATH
        + THREE_WAYS
        + """
environ = sorted(name for name in set(environment) | set(os.environ) if environment.get(name) != os.environ.get(name))
report(changes=changes, same=sys.path is watched and sys.path == before, environ=environ)
""",
    )
    changes, environ = seen["changes"], seen["environ"]
    listed = "; ".join(changes[:3]) + ("; ..." if len(changes) > 3 else "")
    saw = [f"they changed sys.path {len(changes)} time(s): {listed}"] if changes else []
    if not seen["same"] and not changes:
        saw.append("sys.path changed")
    if environ:
        saw.append(f"they changed os.environ: {', '.join(environ)}")
    expect(
        not saw,
        expected=(
            "importing toolbox.cli, a call of its main and a run with -m to leave sys.path alone, "
            "not even for a moment, and the environment (PYTHONPATH) too"
        ),
        saw="; ".join(saw),
        hint=(
            "remove every path manipulation, in cli.py and in the package, sys.path and PYTHONPATH alike: the "
            "package import needs none, and which folders a program searches is for whoever starts it to say."
            if environ and not changes
            else "remove every sys.path manipulation, in cli.py and in the package: the package import needs none."
        ),
    )


#: A helpers.py of someone else's, where a top-level `import helpers` would find it first.
DECOY = '''
"""Someone else's helpers.py, in the current folder: not the package's."""

def fmt(text):
    return "decoy: " + text
'''


#: Appended to the helper check's probe: the package imported afresh, toolbox.cli first this time (toolbox.helpers
#: not imported before) and its main called: then toolbox.helpers, the package's attribute, must be the module
#: sys.modules holds under that name, as it is when the import system imports it, so that any other part of the
#: program gets it by importing toolbox.helpers.
CLI_FIRST = """
report(runs=len(helpers_runs))
for name in [name for name in sys.modules if name.partition(".")[0] == "toolbox"]:
    del sys.modules[name]
phase = "importing toolbox.cli afresh, before toolbox.helpers"
import toolbox.cli
if callable(getattr(toolbox.cli, "main", None)):
    with contextlib.redirect_stdout(io.StringIO()):
        toolbox.cli.main(["hi"])
package = sys.modules["toolbox"]
report(cli_first_bound=getattr(package, "helpers", None) is sys.modules.get("toolbox.helpers"),
       cli_first_loaded="toolbox.helpers" in sys.modules)
"""

#: Appended to the helper check's probe: then cli.py run as a script, as `python toolbox/cli.py hi` runs it
#: (its own folder first on sys.path, the current one not on it, no module of the package imported yet). The
#: package's import may fail there, but nothing may import helpers.py as a top-level module helpers.
SCRIPT_MODE = """
for name in [name for name in sys.modules if name.partition(".")[0] in ("toolbox", "helpers")]:
    del sys.modules[name]
here = os.path.realpath(".")
sys.path[:] = [os.path.abspath("toolbox")] + [p for p in sys.path if os.path.realpath(p or ".") != here]
sys.argv[:] = [os.path.join("toolbox", "cli.py"), "hi"]
script_error = None
try:
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(os.path.join("toolbox", "cli.py"), run_name="__main__")
except BaseException as error:  # outside its package, the tool may fail
    script_error = type(error).__name__
report(script_top_level=sorted(name for name in sys.modules if name.partition(".")[0] == "helpers"),
       script_error=script_error)
"""


@pytest.mark.points(1)
def test_the_helper_comes_from_the_package(student):
    student.write("helpers.py", DECOY)
    seen = observe_the_tool(
        student,
        """
import os, sys, types
# Every run of the package's helpers.py, however it is run; it is imported first, as another module of the
# program would: toolbox.cli must then use that very module, and run helpers.py no more.
package_helpers = os.path.realpath(os.path.join("toolbox", "helpers.py"))
helpers_runs = []
sys.addaudithook(lambda event, args: helpers_runs.append(1) if event == "exec"
                 and os.path.realpath(getattr(args[0], "co_filename", "") or ".") == package_helpers else None)
phase = "importing toolbox.helpers"
import toolbox.helpers
first_helpers = sys.modules["toolbox.helpers"]
"""
        + THREE_WAYS
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
       fmt_module=getattr(fmt, "__module__", None), decoy="decoy:" in printed.getvalue(),
       replaced=sys.modules.get("toolbox.helpers") is not first_helpers)
"""
        + CLI_FIRST
        + SCRIPT_MODE,
    )
    wrong_fmt = seen["fmt_module"] not in (None, "toolbox.helpers")
    script = seen["script_top_level"]
    if script and not (seen["top_level"] or wrong_fmt or seen["decoy"] or seen["stray"]):
        raise CheckFailed(
            "toolbox.cli to import helpers.py only as the package's module toolbox.helpers, never as a top-level "
            "module named helpers, even run as a script (`python toolbox/cli.py hi`)",
            "run as a script, it imported a top-level module helpers"
            + (", and ran to its end" if seen["script_error"] is None else f", and then raised {seen['script_error']}"),
            "run as a script, cli.py is outside its package, where the package's import fails: let it fail there. "
            "A fallback to a top-level import of helpers is the very import the task forbids (and it would take "
            "any other helpers.py first on the path).",
        )
    if seen["top_level"] or wrong_fmt or seen["decoy"]:
        saw = (
            f"sys.modules held {seen['top_level']}" if seen["top_level"] else "no module helpers was in sys.modules"
        )
        if wrong_fmt:
            saw += f", and fmt came from the module {seen['fmt_module']!r}"
        if seen["decoy"]:
            saw += ", and the tool printed what another helpers.py, in the current folder, makes of its words"
    elif seen["stray"]:
        saw = f"toolbox.cli held {seen['stray']} from a module named helpers"
    elif seen["runs"] > 1 or seen["replaced"]:
        saw = (
            f"helpers.py ran {seen['runs']} times, though toolbox.helpers had been imported before toolbox.cli"
            + (", and sys.modules['toolbox.helpers'] was then another module" if seen["replaced"] else "")
        )
    elif seen["package"] and seen["cli_first_loaded"] and not seen["cli_first_bound"]:
        saw = (
            "with toolbox.cli imported first (toolbox.helpers not imported before), the package's attribute "
            "toolbox.helpers was not the module sys.modules held as toolbox.helpers, so another part of the "
            "program that imports toolbox.helpers and uses toolbox.helpers.fmt does not get it"
        )
    else:
        saw = "toolbox.helpers was never imported"
    loaded_by_hand = seen["runs"] > 1 or seen["replaced"] or not seen["cli_first_bound"]
    expect(
        not (seen["top_level"] or seen["stray"] or wrong_fmt or seen["decoy"] or seen["replaced"])
        and seen["package"]
        and seen["runs"] <= 1
        and (seen["cli_first_bound"] or not seen["cli_first_loaded"]),
        expected=(
            "toolbox.cli, imported, its main called and run with -m, to import helpers.py as the package's module "
            "toolbox.helpers (the one module of that name, run once, which the check had imported first, and the "
            "package's attribute helpers when toolbox.cli comes first), and never a top-level module named helpers "
            "(here another helpers.py was in the current folder)"
        ),
        saw=saw,
        hint=(
            "import the package's module by its name, and let the import system find it: it runs helpers.py "
            "once, hands every importer the same module and makes it the package's attribute; loading or "
            "reloading the file yourself runs it again, or leaves the package without it."
            if loaded_by_hand and not (seen["top_level"] or seen["stray"] or wrong_fmt or seen["decoy"])
            else FULL_NAME_HINT
        ),
    )


# -- Step 4 --------------------------------------------------------------------------------------------------------


#: The check's own helpers.py: main must print what the package's fmt makes of its arguments, whatever fmt does.
#: It splits at every single space, so each space of its text shows (an empty word between two), and "" is "<>".
OWN_HELPERS = '''
def fmt(text):
    return "<" + "|".join(reversed(text.split(" "))) + ">"
'''

#: main's arguments in the check: an empty one and one with spaces of its own, which must reach fmt as they are.
WORDS = ["alpha", "", " beta  gamma "]


@pytest.mark.points(1)
def test_main_prints_what_the_helper_makes_of_its_arguments(student):
    student.write("toolbox/helpers.py", OWN_HELPERS)
    seen = observe_the_tool(
        student,
        """
import contextlib, io, sys
import toolbox.cli
main = getattr(toolbox.cli, "main", None)
printed, empty = io.StringIO(), io.StringIO()
sys.argv[1:] = ["--sys-argv-word"]  # the process's own arguments: never main's
if callable(main):
    with contextlib.redirect_stdout(printed):
        main(%r)
    with contextlib.redirect_stdout(empty):
        main([])
report(main=callable(main), printed=printed.getvalue(), empty=empty.getvalue())
"""
        % (WORDS,),
        doing=f"`import toolbox.cli` and calls of toolbox.cli.main({WORDS!r}) and main([]) to work",
    )
    expect(
        seen["main"],
        expected="toolbox.cli to keep its function main(argv)",
        saw="toolbox.cli has no function main",
        hint="keep `def main(argv):` from the stub; only the import line needs to change.",
    )
    expected = "<" + "|".join(reversed(" ".join(WORDS).split(" "))) + ">"
    expect(
        seen["printed"].strip() == expected,
        expected=(
            f"main({WORDS!r}), with the check's own fmt in toolbox/helpers.py (it splits its text at each space, "
            f"reverses the parts and wraps them in <>), to print {expected}: fmt of the words as they are, "
            "joined by spaces"
        ),
        saw=f"it printed {seen['printed'].strip()!r}",
        hint=(
            "keep main as it was: it joins the argv it is given (not sys.argv), every word as it is, with spaces, "
            "and prints what the package's fmt makes of that; only the import line needs to change."
        ),
    )
    expect(
        "--sys-argv-word" not in seen["empty"],
        expected="main([]), an empty list of arguments, to print what fmt makes of no words, whatever sys.argv holds",
        saw=f"it printed {seen['empty'].strip()!r}, from the process's own arguments (sys.argv held --sys-argv-word)",
        hint=(
            "main's arguments are the list it is given, even an empty one: an empty list is not a missing one, "
            "so keep main as it was and leave sys.argv to the `if __name__ == \"__main__\":` part."
        ),
    )
    expect(
        seen["empty"].strip() == "<>",
        expected="main([]), an empty list of arguments, to print what fmt makes of no words: <> with the check's fmt",
        saw=f"it printed {seen['empty'].strip()!r}",
        hint=(
            "an empty list of arguments is still arguments: keep main as it was, so that it prints what fmt makes "
            "of them joined, whatever fmt does with an empty text."
        ),
    )
