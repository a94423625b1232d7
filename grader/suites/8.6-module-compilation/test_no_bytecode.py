"""8.6 no-bytecode: run a program that writes no bytecode, or writes it under a cache folder only.

Each check runs a program of its own through launch.run: `run mé.py` in the
folder `prög dir`, beside a module `modülé.py` that it imports (names with a
space and non-ASCII letters, that no answer can know in advance). The program
appends one line per run to a log beside it: the bytecode settings of the
interpreter it runs in (so cleaning up afterwards, or hiding the files
elsewhere, cannot pass for the options the README asks for), its arguments,
its process id, whether launch is imported there (as in the caller's
process, or a fork of it, but never in a new interpreter), which of the
caller's PYTHONDONTWRITEBYTECODE / PYTHONPYCACHEPREFIX it took its settings
from, and its sys.executable (which must be the caller's). The checks also
look at the files the interpreter left behind, and at the caller's own state
after the calls.

Each mode runs with the variable that contradicts it in the caller's
environment (PYTHONPYCACHEPREFIX without a cache folder, PYTHONDONTWRITEBYTECODE
with one), as a user's shell may have them: the program must still get the
settings run was asked for. The arguments check calls run twice with the same
arguments (each call runs the program), from inside the program's folder with
a path relative to it (the caller's current folder decides, not launch.py's),
with subprocess's clock made to race (a billion seconds each time it is read),
so that any time limit on the wait runs out at once: run waits for the program
however long it takes, without the check itself waiting for long. The caller
check runs a program that exits with code 3, in both modes, each with the
variable that contradicts it set in the caller's os.environ and the other one
not there (so each variable is both there and missing for one call), and the
caller's own bytecode settings changed from their defaults: each call runs the
program once, and the caller keeps all of it.

Every check runs with one folder as the only entry of PATH, holding links
named python, python3 and python3.X to the interpreter (where links can be
made; else nothing): step 1 asks for sys.executable, and a program found on
PATH by its name is another interpreter (its sys.executable differs), even
when it runs.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: run(script, *args) runs script in a new interpreter, sys.executable (not a program found on PATH):
  the program's sys.executable is the caller's.
  -> no_bytecode_at_all, bytecode_under_the_cache_folder_only, arguments_and_exit_code
- Step 1: script is the path as given: a relative one is relative to the caller's current folder.
  -> arguments_and_exit_code
- Step 1: the arguments reach the program exactly as given (spaces, empty strings, options and all).
  -> arguments_and_exit_code
- Step 1: run waits for the program, with no time limit, and returns its exit code.
  -> arguments_and_exit_code
- Step 1: every call runs the program exactly once (no result kept from an earlier call; no second run when
  it exits with a code other than 0, with or without a cache folder).
  -> arguments_and_exit_code, the_caller_is_left_as_it_was
- Step 2: with cache_dir None, the program's interpreter has sys.dont_write_bytecode True and
  sys.pycache_prefix None, and no .pyc or __pycache__ appears anywhere.
  -> no_bytecode_at_all
- Step 3: with a cache_dir, sys.dont_write_bytecode is False and sys.pycache_prefix names cache_dir: the
  bytecode goes under that folder, and no __pycache__ appears next to the sources.
  -> bytecode_under_the_cache_folder_only
- Steps 2 and 3 hold whatever the caller's environment says (PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE).
  -> no_bytecode_at_all, bytecode_under_the_cache_folder_only
- Step 4: run changes nothing in its caller: the program runs in its own process, and the caller's
  os.environ (whether PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX are set there or not),
  sys.dont_write_bytecode and sys.pycache_prefix stay as they were.
  -> the_caller_is_left_as_it_was
- Use the interpreter's own options, not a clean-up afterwards (the settings seen inside the program decide).
  -> no_bytecode_at_all, bytecode_under_the_cache_folder_only
"""

import os

import pytest

from grader import CheckFailed, StudentError, expect
from grader.sandbox import CLEAN_FLAGS

#: The check's own interpreter writes no bytecode (it imports launch.py):
#: whatever .pyc appears was written by the program launch.run started.
QUIET = CLEAN_FLAGS + ("-S", "-B")

FOLDER = "prög dir"
SCRIPT = f"{FOLDER}/run mé.py"
MODULE = "modülé"

#: The program the checks run with launch.run: one line per run in seen.log beside it, then an import.
PROGRAM = """\
import os
import sys

# The caller's variables this interpreter took its settings from (none with -E, or with them taken out).
took = [] if sys.flags.ignore_environment else [
    name for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX") if os.environ.get(name)
]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seen.log"), "a", encoding="utf-8") as log:
    log.write(repr([sys.dont_write_bytecode, sys.pycache_prefix, sys.argv[1:], os.getpid(), "launch" in sys.modules, took,
                    sys.executable]) + "\\n")

import modülé  # noqa: E402  (a module whose bytecode could be written)

sys.exit(modülé.EXIT_CODE)
"""

#: Arguments no shell command line, joined string or README example survives unchanged.
ARGS = ("two words", "", "-B", "ünï cödé", "--cache_dir=x", "*", "$HOME", "it's \"quoted\"")


def write_program(student, exit_code=0):
    student.write(SCRIPT, PROGRAM)
    student.write(f"{FOLDER}/{MODULE}.py", f"EXIT_CODE = {exit_code}\n")


#: In the probe: the runs the program logged, and the bytecode files found.
FIND = f"""
import ast, os
def pycs(root):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".pyc"))
def caches(root):
    return sorted(os.path.join(d, s) for d, subs, _ in os.walk(root) for s in subs if s == "__pycache__")
def runs():
    try:
        with open({FOLDER + "/seen.log"!r}, encoding="utf-8") as f:
            return [ast.literal_eval(line) for line in f]
    except OSError:
        return []
"""


#: In the probe, first: PATH's one folder gets links named as a program a student may start by name, to the
#: interpreter (where links can be made): what they start runs, but its sys.executable is not the caller's.
PATH_LINKS = """
import os as _os, sys as _sys
for _name in ("python", "python3", "python%d.%d" % _sys.version_info[:2]):
    try:
        _os.symlink(_sys.executable, _os.path.join(_os.environ["PATH"], _name))
    except (OSError, NotImplementedError):  # there already, or no links here: the name is not found at all
        pass
report(executable=_sys.executable)
"""


def run_launch(student, code, doing, env=None, **kw):
    """observe(code), with only links to the interpreter on PATH; a program started by name fails with its own message."""
    on_path = student.root / "path links"
    on_path.mkdir(exist_ok=True)
    try:
        seen = student.observe(PATH_LINKS + code, doing=doing, env={"PATH": str(on_path), **(env or {})}, **kw)
    except StudentError as failure:
        # What starting a program that is not there raises: the program's name is in the message.
        if not (failure.error.isinstance("FileNotFoundError") or failure.error.isinstance("PermissionError")):
            raise
        raise CheckFailed(
            doing,
            f"your code raised {failure.error.summary} (the check runs it with a PATH that holds no such program)",
            "if that names a program such as python or python3, start sys.executable instead: "
            "the interpreter running your code, wherever it is installed.",
        ) from None
    others = sorted({run[6] for run in seen.get("runs", ()) if run[6] != seen["executable"]})
    if others:
        found = os.path.dirname(others[0]) == str(on_path)  # the check's own link: its folder is a temporary one
        raise CheckFailed(
            f"the program that launch.run starts to run in sys.executable, the interpreter running the caller "
            f"({seen['executable']})",
            f"it ran in {os.path.basename(others[0])!r}, a program the check put on PATH"
            if found
            else f"its sys.executable was {others[0]!r}",
            "start sys.executable, the interpreter running your code, not a program found by its name"
            + (" on PATH" if found else "")
            + ": that may be another Python, with other settings and packages.",
        )
    return seen


#: The hint when the program never started: the path of the script holds a space and non-ASCII letters.
NEVER_RAN = (
    "the program never started: give the new interpreter the script's path as one item of its command, "
    "exactly as given (it may hold spaces), after the interpreter's options."
)


def describe(runs):
    """The settings the program saw, in words."""
    if not runs:
        return "the program given to launch.run never ran (or never got as far as its first line)"
    dont_write, prefix = runs[-1][:2]
    return f"in the program's interpreter, sys.dont_write_bytecode was {dont_write!r} and sys.pycache_prefix was {prefix!r}"


def took(runs, variable):
    """Did the program's interpreter take its settings from the caller's `variable`?"""
    return bool(runs) and variable in runs[-1][5]


#: The hint when the settings were right but run returned something else than the program's exit code, 0.
RETURN_THE_CODE = "return the exit code of the finished process (its returncode), not a wait status or an output."

#: The hint when the program's interpreter obeyed a variable of the caller's environment.
FROM_THE_ENVIRONMENT = (
    "the check's caller has {variable} set in its environment, as a user's shell may, and the new interpreter "
    "took its setting from it: make the interpreter you start ignore the caller's Python variables "
    "(see hint 2), so that it gets the settings run was asked for and no other."
)


@pytest.mark.points(2)
def test_no_bytecode_at_all(student):
    write_program(student)
    seen = run_launch(
        student,
        FIND
        + f"import launch\ncode = launch.run({SCRIPT!r})\n"
        + "report(code=code, runs=runs(), pycs=pycs('.'), caches=caches('.'))",
        doing=f"launch.run({SCRIPT!r}) to work",
        env={"PYTHONPYCACHEPREFIX": str(student.root / "the caller's cache")},  # a prefix that must not reach it
        flags=QUIET,
    )
    runs = seen["runs"]
    if not runs:
        hint = NEVER_RAN
    elif runs[-1][0] is not True:
        hint = (
            "start the interpreter with the option that turns writing off; deleting the files afterwards, "
            "or sending them elsewhere, does not count."
        )
    elif took(runs, "PYTHONPYCACHEPREFIX"):
        hint = FROM_THE_ENVIRONMENT.format(variable="PYTHONPYCACHEPREFIX")
    elif runs[-1][1] is not None:
        hint = "with no cache folder, the interpreter must get no prefix either: sys.pycache_prefix None."
    else:
        hint = RETURN_THE_CODE
    expect(
        seen["code"] == 0 and runs and runs[-1][:2] == [True, None],
        expected=(
            f"launch.run({SCRIPT!r}) to start an interpreter told to write no bytecode: "
            "sys.dont_write_bytecode True and sys.pycache_prefix None in it (with PYTHONPYCACHEPREFIX set in "
            "the caller's environment), and exit code 0"
        ),
        saw=describe(runs) + f", and launch.run returned {seen['code']!r}",
        hint=hint,
    )
    expect(
        not seen["pycs"] and not seen["caches"],
        expected="no .pyc file and no __pycache__ folder anywhere",
        saw=f"it left {seen['pycs'] or seen['caches']}",
        hint="start the interpreter with the option that turns writing off.",
    )


CACHE = "cäche dir"


@pytest.mark.points(2)
def test_bytecode_under_the_cache_folder_only(student):
    write_program(student)
    seen = run_launch(
        student,
        FIND
        + f"import launch\ncode = launch.run({SCRIPT!r}, cache_dir={CACHE!r})\n"
        + "found = runs()\n"
        + "prefix = found[-1][1] if found else None\n"
        + f"report(code=code, runs=found, prefix_is_cache=isinstance(prefix, str) and os.path.realpath(prefix) == os.path.realpath({CACHE!r}),\n"
        + f"       beside=[p for p in caches('.') if not p.startswith(os.path.join('.', {CACHE!r}))], cached=pycs({CACHE!r}))",
        doing=f"launch.run({SCRIPT!r}, cache_dir={CACHE!r}) to work",
        env={"PYTHONDONTWRITEBYTECODE": "1"},  # a setting that must not reach it
        flags=QUIET,
    )
    runs = seen["runs"]
    if not runs:
        hint = NEVER_RAN
    elif runs[-1][0] is True and took(runs, "PYTHONDONTWRITEBYTECODE"):
        hint = FROM_THE_ENVIRONMENT.format(variable="PYTHONDONTWRITEBYTECODE")
    elif runs[-1][0] is False and seen["prefix_is_cache"]:
        hint = RETURN_THE_CODE
    else:
        hint = "one interpreter option sends the bytecode to another folder; leave out -B, which writes none at all."
    expect(
        seen["code"] == 0 and runs and runs[-1][0] is False and seen["prefix_is_cache"],
        expected=(
            f"launch.run(script, cache_dir={CACHE!r}) to start an interpreter that writes bytecode under {CACHE}/: "
            f"sys.dont_write_bytecode False and sys.pycache_prefix the folder {CACHE!r} in it (with "
            "PYTHONDONTWRITEBYTECODE set in the caller's environment), and exit code 0"
        ),
        saw=describe(runs) + f", and launch.run returned {seen['code']!r}",
        hint=hint,
    )
    # The probe's paths use its platform's separator, a backslash on Windows: os.path takes the name from them.
    mine = [p for p in seen["cached"] if os.path.basename(p).startswith(MODULE + ".")]
    expect(
        not seen["beside"] and mine,
        expected=f"the bytecode of {MODULE}.py under {CACHE}/, and no __pycache__ next to the sources",
        saw=f"__pycache__ folders appeared at {seen['beside']}" if seen["beside"] else f"{CACHE}/ held {seen['cached'][:5]}",
        hint="give the new interpreter the folder on its command line: -X pycache_prefix=FOLDER.",
    )


#: In the probe: subprocess's clock races on, a billion seconds each time it is read, so that a time limit
#: given to subprocess runs out at once (without it, nothing in subprocess reads the clock).
RACING_CLOCK = """
import itertools, subprocess
if hasattr(subprocess, "_time"):
    _real_clock, _ticks = subprocess._time, itertools.count(1)
    subprocess._time = lambda: _real_clock() + next(_ticks) * 10**9
"""


#: The script's path relative to its own folder, where the arguments check calls run from.
RELATIVE = SCRIPT.rpartition("/")[2]


@pytest.mark.points(1)
def test_arguments_and_exit_code(student):
    write_program(student, exit_code=37)
    try:
        seen = run_launch(
            student,
            FIND
            + RACING_CLOCK
            + f"""
import launch
os.chdir({FOLDER!r})  # the caller's current folder: the script's path is relative to it
try:
    codes = [launch.run({RELATIVE!r}, *{ARGS!r}) for _ in range(2)]
finally:
    os.chdir("..")
report(codes=codes, runs=runs())
""",
            doing=f"two calls launch.run({RELATIVE!r}, ...), from inside {FOLDER}/, to return the program's exit code, 37",
        )
    except StudentError as failure:
        saw = failure.saw.rstrip(".")
        if failure.error.type == "CalledProcessError":
            hint = "a program that ends with an exit code other than 0 is no error for run: return its code."
        elif failure.error.isinstance("TimeoutExpired"):
            # Its message gives the time limit as the racing clock saw it: leave it out.
            saw = f"your code raised {failure.error.type} {failure.error.where}: run stopped waiting for the program"
            hint = (
                "a time limit on the wait: the check's program runs as long as it takes (the check makes "
                "subprocess's clock race), and run must wait for it with no time limit, then return its exit code."
            )
        else:
            raise
        raise CheckFailed(failure.expected, saw, hint) from None
    runs = seen["runs"]
    if not runs:  # or stopped before its first line: a time limit, with subprocess's clock racing
        hint = (
            f"the program never started: the check calls run from inside {FOLDER}/ with the script's path relative "
            "to it, so give the new interpreter that path as given, as one item of its command (a relative path "
            "is the caller's current folder's, not launch.py's); then wait for it, however long it runs (no time limit)."
        )
    elif len(runs) < 2:
        hint = "every call of run starts the program anew: keep no result from an earlier call, even one with the same arguments."
    else:
        hint = "start the program once per call, wait for it, and take the exit code from that same run."
    expect(
        len(runs) == 2,
        expected=f"two calls launch.run({RELATIVE!r}, ...) with the same arguments to run the program twice, once per call",
        saw="the program never ran" if not runs else f"it ran {len(runs)} time{'s' * (len(runs) != 1)} for the two calls",
        hint=hint,
    )
    wrong = [run[2] for run in runs if run[2] != list(ARGS)]
    expect(
        not wrong,
        expected=f"the program to get the arguments {list(ARGS)!r}, each one as given",
        saw=f"its sys.argv[1:] was {wrong[:1] and wrong[0]!r}",
        hint="pass the arguments one by one, each as its own item after the script, with no shell to split them.",
    )
    expect(
        seen["codes"] == [37, 37],
        expected="launch.run to return the program's exit code, 37, each time",
        saw=f"it returned {seen['codes'][0]!r}" if len(set(map(repr, seen["codes"]))) == 1 else f"it returned {seen['codes']!r}",
        hint="return the exit code of the finished process (its returncode), not a wait status or an output.",
    )


#: The caller's own settings in the caller check: not the defaults, so that code which sets them to the defaults
#: afterwards (instead of putting back what was there) shows.
CALLERS_PREFIX = "the caller's prefix"


@pytest.mark.points(1)
def test_the_caller_is_left_as_it_was(student):
    write_program(student, exit_code=3)  # an exit code other than 0 must not make run try again
    seen = run_launch(
        student,
        FIND
        + f"""
import sys
sys.dont_write_bytecode, sys.pycache_prefix = True, os.path.abspath({CALLERS_PREFIX!r})
def shown(values):  # the caller's prefix by name, and other paths in the check's folder relative to it
    def one(value):
        if value == os.path.abspath({CALLERS_PREFIX!r}):
            return f"<{CALLERS_PREFIX}>"
        if isinstance(value, str) and value.startswith(os.getcwd() + os.sep):
            return os.path.relpath(value) + os.sep * value.endswith(os.sep)
        return value
    return [one(value) for value in values]
settings = [sys.dont_write_bytecode, sys.pycache_prefix]
import launch
def changes(call):  # the variables of os.environ that the call changed
    before = dict(os.environ)
    code = call()
    after = dict(os.environ)
    return code, {{k: after.get(k) for k in set(before) | set(after) if before.get(k) != after.get(k)}}
# Each mode with the variable that contradicts it set in os.environ, and the other one not there: each
# variable is set for one call, and missing for the other.
code, changed = changes(lambda: launch.run({SCRIPT!r}))
codes, changed = [code], {{"launch.run(script) with PYTHONPYCACHEPREFIX set": changed}}
os.environ.pop("PYTHONPYCACHEPREFIX", None)  # the check's own change, between the calls
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
code, changed["launch.run(script, cache_dir=...) with PYTHONDONTWRITEBYTECODE set"] = changes(
    lambda: launch.run({SCRIPT!r}, cache_dir=os.path.abspath({CACHE!r}) + os.sep)
)
codes.append(code)
report(
    codes=codes,
    runs=runs(),
    mine=os.getpid(),
    imported={MODULE!r} in sys.modules,
    settings=shown([sys.dont_write_bytecode, sys.pycache_prefix]),
    was=shown(settings),
    changed={{call: diff for call, diff in changed.items() if diff}},
)
""",
        doing="two calls of launch.run, without and with a cache folder, to work",
        # As a user's shell may have it: run leaves it in the caller's os.environ, whatever it gives the program.
        env={"PYTHONPYCACHEPREFIX": str(student.root / CALLERS_PREFIX)},
    )
    seen["pids"] = [run[3] for run in seen["runs"]]
    copied = any(run[4] for run in seen["runs"])  # launch already imported: the caller's process, or a fork of it
    in_process = seen["mine"] in seen["pids"] or seen["imported"] or copied
    expect(
        seen["pids"] and not in_process,
        expected="launch.run to start a new interpreter (a process of its own) for the program",
        saw="the program never ran"
        if not seen["pids"]
        else " and ".join(
            what
            for what, seen_it in (
                ("the program ran in the caller's own process (the same process id)", seen["mine"] in seen["pids"]),
                (f"the program's module {MODULE} was imported into the caller", seen["imported"]),
                (
                    "launch was already imported where the program ran (a copy of the caller, not a new interpreter)",
                    copied and seen["mine"] not in seen["pids"],
                ),
            )
            if seen_it
        ),
        hint="the program must run in a new interpreter: start sys.executable; changing your own interpreter's "
        "settings and running the script inside it is not what the README asks for."
        if seen["pids"]
        else NEVER_RAN,
    )
    runs = len(seen["runs"])
    expect(
        runs == 2,
        expected="two calls of launch.run, without and with a cache folder, to run the program twice, once per call "
        "(a program that exits with code 3)",
        saw=f"it ran {runs} times for the two calls",
        hint="each call starts the program once: an exit code other than 0 is the program's answer, to be returned, "
        "not a reason to run it again, in either mode.",
    )
    expect(
        not seen["changed"],
        expected="launch.run to leave the caller's os.environ as it was, whether PYTHONDONTWRITEBYTECODE and "
        "PYTHONPYCACHEPREFIX are set there or not",
        saw="; ".join(
            f"after {call}, these variables of os.environ had changed: {diff}" for call, diff in seen["changed"].items()
        ),
        hint="give the new interpreter its settings on its command line, or in an environment made for it "
        "alone (the env argument), not by changing the caller's os.environ.",
    )
    expect(
        seen["settings"] == seen["was"],
        expected=f"the caller's sys.dont_write_bytecode and sys.pycache_prefix to stay {seen['was']}",
        saw=f"after the calls they were {seen['settings']}",
        hint="those settings belong to the interpreter that launch.run starts, not to the caller's.",
    )
