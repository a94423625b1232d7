"""8.8 runnable-package: `python -m calc` runs calc/__main__.py; importing calc.__main__ does not.

The command line is tried with -m; main itself is imported and called in a
probe, with the importer's own arguments in sys.argv (which main must never
read), with command lines that must be usage errors (operators with spaces or
quotes around them too), and with numbers the README never shows (1e3, .5,
+7). One check gives calc/ops.py a compute of its own, whose results differ
from plain arithmetic, so that only a main printing what compute returns
passes, in compute's own form (a result that :g would print as 1.2345e+06);
it also gives main a non-number and a division by zero, which compute
raises for: that is not a usage error, so a main checking numbers of its own
shows, and main has no result then, so it must not return 0 (how main reports
compute's error, the README leaves open). A whole result comes back as an
int, as the real compute's does, and one of them ends in a zero (10), so that
a main trimming zeros off the text shows. The importing check compares the
importer's sys.path before and after the import, and after the load under
another name: a module that puts a folder on sys.path shows. Another counts,
with an audit hook, how often ops.py is executed, when calc.__main__ is imported and
when main is then called (a function-level import runs it only then): a
second copy under another name (found through a folder put on sys.path) shows
there, and so does an ops.py of the check's own beside calc/, which only an
import of the plain name ops finds. What main prints is caught at the level of file
descriptors, so that a main that took sys.stdout as a default is seen too.
The importing check sets sys.argv[0] to the path of calc/__main__.py, which is
what `python -m calc` sets too, and also loads the module under a name of its
own, so that only `__name__ == "__main__"` tells it whether it is the program.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: main(argv) with NUMBER OPERATOR NUMBER prints what calc.ops.compute returns, as print shows it (10
  with its zero), and returns 0; any number compute accepts works (no checking of its own: 1e3, .5, +7 too).
  -> main_prints_what_compute_returns
- Step 1: a non-number (or a division by zero) is compute's error, not a usage error: main does not answer it
  with the usage line.
  -> main_prints_what_compute_returns
- Step 1: then main has no result to print: it does not succeed (compute's error comes through, or main returns
  a status other than 0; how it reports the error the README leaves open).
  -> main_prints_what_compute_returns
- Step 1: with any other number of arguments, or an operator other than + - * /, main prints a usage line to
  standard error, nothing to standard output, and returns 2 (it does not end the program, nor read sys.argv).
  -> a_wrong_command_line_is_a_usage_error
- Step 2: run as the program, the module runs main with the command-line arguments and exits with its result.
  -> the_package_runs_with_dash_m, a_wrong_command_line_is_a_usage_error
- Step 2: only then: imported, or loaded under any other name than "__main__", it runs nothing.
  -> importing_the_main_module_runs_nothing
- Importing calc.__main__ (or loading it under another name) leaves the importer's sys.path as it was.
  -> importing_the_main_module_runs_nothing
- Step 3: compute comes from the package's ops module, by its full name or relatively, so that `python -m
  calc` finds it.
  -> the_package_runs_with_dash_m, ops_runs_once_as_part_of_the_package
- Step 3: ops.py runs once, as the module calc.ops, never a second time under another name (whether main's
  module imports it when it is imported, or main when it is called); an ops.py elsewhere on sys.path is never
  used.
  -> ops_runs_once_as_part_of_the_package
- Then `python -m calc 2 + 3` prints 5 and `python -m calc 7 / 2` prints 3.5.
  -> the_package_runs_with_dash_m
"""

import textwrap

import pytest

from grader import FIX_THE_NAMED_LINE, expect
from grader.feedback import StudentCrash
from grader.sandbox import expect_completed
from grader.snippets import CAPTURE

#: Step 3, for any check that finds a module of the import of compute missing.
IMPORT_HINT = (
    "step 3: `python -m calc` runs __main__.py as part of the package calc, and sys.path[0] is the folder "
    "that holds calc/, not calc/ itself: import compute from the package's module calc.ops, by that full name "
    "or relatively."
)

#: The importer's command line in the probes: what `python -m calc 1 + 1` would have. A main that reads
#: sys.argv instead of its argument computes 2 from it.
IMPORTER_ARGV = 'sys.argv = [os.path.abspath(os.path.join("calc", "__main__.py")), "1", "+", "1"]\n'

#: The check's own calc/ops.py: the same operators, but results a quarter more than plain arithmetic's (a whole
#: one returned as an int, as the real compute does).
CHECK_OPS = '''"""The check's own arithmetic: compute's results are a quarter more than the real ones."""

import operator

OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def compute(left, symbol, right):
    result = OPERATORS[symbol](float(left), float(right)) + 0.25
    return int(result) if result == int(result) else result
'''

#: Command lines main must refuse: too few or too many arguments, and operators that are not one of the four
#: (a substring of "+-*/", the empty string, Python's own operators, "x" for times, one of the four with spaces
#: or quotes around it).
USAGE_ERRORS = (
    [],
    ["2", "+"],
    ["2", "+", "3", "4"],
    ["2", "%", "3"],
    ["2", "+-", "3"],
    ["2", "", "3"],
    ["2", "x", "3"],
    ["2", "**", "3"],
    ["2", " + ", "3"],
    ["2", "'/'", "3"],
)


def probe_code(text: str) -> str:
    return CAPTURE + IMPORTER_ARGV + textwrap.dedent(text)


def ran_to_its_end(probe, doing: str) -> None:
    """Fail with a time-out or crash verdict unless the probe ran to its end (raising is an end)."""
    expect_completed(probe.completed, doing, probe.stuck)
    if not probe.finished:
        raise StudentCrash(doing, probe.completed.describe_end(), probe.output)


def ended_on_import(completed):
    """Whether the run stopped because a module it imports was not found."""
    return (completed.uncaught or "").startswith("ModuleNotFoundError")


def expect_main_imported(probe) -> None:
    """Fail unless the probe's `import calc.__main__` worked and found a function main."""
    seen, error = probe.values, probe.error
    if error is not None and seen.get("step") == "import":
        expect(
            False,
            expected="`import calc.__main__` to work",
            saw=f"it raised {error.summary}",
            hint=IMPORT_HINT if error.type == "ModuleNotFoundError" else error.explain(),
        )
    expect(
        seen.get("has_main"),
        expected="calc/__main__.py to define a function main(argv)",
        saw="calc/__main__.py defines no function main",
        hint="step 1: define main(argv) in calc/__main__.py.",
    )


def shown(text: str) -> str:
    return repr(text.strip()[:120]) if text.strip() else "nothing"


def printing(done) -> str:
    """What a run printed, for a message: "printing 'x' to stdout and 'usage...' to stderr"."""
    err = "" if done.uncaught else done.stderr.strip()  # a traceback is described by describe_end()
    if not done.stdout.strip() and not err:
        return "printing nothing"
    return f"printing {shown(done.stdout)} to stdout and {shown(err[-80:])} to stderr"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


@pytest.mark.points(2)
def test_the_package_runs_with_dash_m(student):
    for args, expected in ((("2", "+", "3"), "5"), (("7", "/", "2"), "3.5")):
        done = student.run_module("calc", *args)
        if ended_on_import(done):
            hint = IMPORT_HINT
        elif done.uncaught:
            hint = FIX_THE_NAMED_LINE
        elif not done.stdout.strip():
            hint = "calc/__main__.py should call main(sys.argv[1:]) under `if __name__ == '__main__':`."
        else:
            hint = "print what compute returns, then return 0: sys.exit(main(...)) makes it the exit status."
        expect(
            done.returncode == 0 and done.stdout.splitlines() == [expected],
            expected=f"`python -m calc {' '.join(args)}` to print {expected} and exit with 0",
            saw=f"it printed {shown(done.stdout)} and {done.describe_end()}",
            hint=hint,
        )


@pytest.mark.points(1)
def test_a_wrong_command_line_is_a_usage_error(student):
    done = student.run_module("calc", "2", "+")
    expect(
        done.returncode == 2 and "usage" in done.stderr.lower() and not done.stdout.strip(),
        expected="`python -m calc 2 +` to print a usage line to stderr, nothing to stdout, and exit with 2",
        saw=f"{done.describe_end()}, {printing(done)}",
        hint=IMPORT_HINT
        if ended_on_import(done)
        else "main returns 2 after printing the usage to sys.stderr, and sys.exit(main(...)) passes it on.",
    )
    probe = student.probe(
        probe_code(
            f"""
            report(step="import")
            import calc.__main__ as entry
            report(has_main=callable(getattr(entry, "main", None)), results=[])
            results = []
            for args in {USAGE_ERRORS!r} if callable(getattr(entry, "main", None)) else ():
                report(step=args)
                out, err, status, error = captured(entry.main, list(args))
                results.append([args, out, err, status])
                report(results=results)
                if error is not None:
                    raise error
            report(step=None)
            """
        )
    )
    ran_to_its_end(probe, "calls of calc.__main__.main with wrong command lines to run to their end")
    expect_main_imported(probe)
    error = probe.error
    operator_hint = (
        "before calling compute, check that argv[1], as it is given, is exactly one of + - * / (a test of "
        "`in \"+-*/\"` also lets '+-' or '' through, and stripping it lets ' + ' through)."
    )
    results = probe.values["results"]
    for index, (args, out, err, status) in enumerate(results):
        call = f"main({args!r})"
        raised = error is not None and index == len(results) - 1
        wrong_operator = len(args) == 3
        if raised and error.isinstance("SystemExit"):
            hint = "main returns 2; the guard's sys.exit(main(...)) is what ends the program."
        elif raised and not wrong_operator:
            hint = "with any other number of arguments than three, main prints the usage and returns 2."
        elif raised and not error.isinstance("KeyError"):
            hint = error.explain()
        elif not args and out.strip():
            hint = "an empty list is a usage error: main must not read sys.argv instead."
        elif wrong_operator:
            hint = operator_hint
        else:
            hint = "with any other number of arguments than three, main prints the usage and returns 2."
        expect(
            not raised and status == 2 and "usage" in err.lower() and not out.strip(),
            expected=f"{call} to print a usage line to stderr, nothing to stdout, and return 2",
            saw=f"it raised {error.summary}"
            if raised
            else f"it printed {shown(out)} to stdout and {shown(err)} to stderr, and returned {status!r}",
            hint=hint,
        )


#: main's calls with the check's calc/ops.py, and what they must print: numbers written as the README never shows
#: them (1e3, .5, +7: compute accepts them), a result whose text differs between print and a format of main's
#: own (1234500.25 is 1.2345e+06 with :g, 0.5833333333333333 is shorter with any rounding), and one that ends in a
#: zero (10: trailing zeros are digits).
CASES = (
    (["6", "*", "7"], "42.25"),
    (["9.5", "+", "0.25"], "10"),
    (["2.5", "*", "-4"], "-9.75"),
    (["9", "/", "8"], "1.375"),
    (["1e3", "*", "1234.5"], "1234500.25"),
    (["+7", "/", ".5"], "14.25"),
    (["1", "/", "3"], "0.5833333333333333"),
)

#: Command lines that are right, but for which compute raises (the check's compute as the real one does): a number
#: that is not one (ValueError), and a division by zero (ZeroDivisionError). That is compute's error, not a wrong
#: command line: main must not answer it with the usage. How it reports the error, the README leaves open.
COMPUTE_ERRORS = (
    (["2", "+", "two"], "'two' is not a number"),
    (["1", "/", "0"], "there is no dividing by zero"),
)

NUMBERS_HINT = (
    "the numbers need no checking of your own: give them to compute as they are, whatever compute accepts (2.5, "
    "-4, 1e3, .5) must work."
)


@pytest.mark.points(2)
def test_main_prints_what_compute_returns(student):
    student.write("calc/ops.py", CHECK_OPS)
    probe = student.probe(
        probe_code(
            f"""
            report(step="import")
            import calc.__main__ as entry
            report(has_main=callable(getattr(entry, "main", None)), results=[])
            results = []
            for args in {[args for args, _ in CASES]!r} if callable(getattr(entry, "main", None)) else ():
                report(step=args)
                out, err, status, error = captured(entry.main, list(args))
                results.append([args, out, status])
                report(results=results)
                if error is not None:
                    raise error
            errors = []
            for args in {[args for args, _ in COMPUTE_ERRORS]!r} if callable(getattr(entry, "main", None)) else ():
                report(step=["compute_error", args])
                out, err, status, error = captured(entry.main, list(args))
                errors.append([args, out, err, repr(status), type(error).__name__ if error is not None else None])
                report(errors=errors)
                if isinstance(error, SystemExit):
                    raise error
            report(step=None)
            """
        )
    )
    ran_to_its_end(probe, "calls of calc.__main__.main to run to their end")
    expect_main_imported(probe)
    error, results = probe.error, probe.values["results"]
    step = probe.values.get("step") if error is not None else None
    for index, (args, out, status) in enumerate(results):
        expected = dict((" ".join(a), e) for a, e in CASES)[" ".join(args)]
        raised = error is not None and step == list(args) and index == len(results) - 1
        if raised:
            saw = f"it raised {error.summary}"
            hint = (
                "main returns 0; the guard's sys.exit(main(...)) is what ends the program."
                if error.isinstance("SystemExit")
                else error.explain()
            )
        else:
            saw = f"it printed {shown(out)} and returned {status!r}"
            if out.strip() and out.split() != [expected]:
                hint = "print the very value that calc.ops.compute returns: the arithmetic, and its form, are compute's."
            elif not out.strip():
                hint = NUMBERS_HINT
            else:
                hint = "return 0 after printing the result."
        expect(
            not raised and out.splitlines() == [expected] and status == 0,
            expected=f"main({args!r}) to print what compute returns, and return 0: {expected}, with the check's own "
            "calc/ops.py",
            saw=saw,
            hint=hint,
        )
    why = dict((" ".join(args), why) for args, why in COMPUTE_ERRORS)
    for args, out, err, status, raised in probe.values.get("errors", []):
        call = f"main({args!r})"
        exited = error is not None and step == ["compute_error", args]
        expect(
            not exited,
            expected=f"{call} to return, or let compute's error come through",
            saw=f"it raised {error.summary}" if exited else "",
            hint="main itself never ends the program: the guard's sys.exit(main(...)) does.",
        )
        expect(
            "usage" not in err.lower(),
            expected=f"{call} not to answer with the usage: {why[' '.join(args)]}, compute raises an error for it, "
            "and that is not a usage error (only a wrong count of arguments, or a wrong operator, is)",
            saw=f"it printed {shown(err)} to stderr, and returned {status}",
            hint=NUMBERS_HINT + " Let compute decide what it can compute.",
        )
        expect(
            raised is not None or status not in ("0", "None", "False"),
            expected=f"{call} not to succeed: {why[' '.join(args)]}, compute raises an error for it, so there is no "
            "result to print, and main does not return 0",
            saw=f"it printed {shown(out)} and returned {status}",
            hint="compute's error is not main's to answer with a result of its own: let it come through (or report "
            "it, and return a status other than 0).",
        )


#: A module ops of the check's own, beside calc/ (where `python -m calc` has sys.path[0]): only an import of the
#: plain name ops finds it, never calc.ops nor a relative import.
STRAY_OPS = '''"""The check's own ops.py, beside calc/: not the package's."""

OPERATORS = {"+": None, "-": None, "*": None, "/": None}


def compute(left, symbol, right):
    return "the ops.py beside calc/"
'''


@pytest.mark.points(1)
def test_ops_runs_once_as_part_of_the_package(student):
    student.write("ops.py", STRAY_OPS)
    probe = student.probe(
        probe_code(
            """
            # Every module body the import system runs is an "exec" event with its code object.
            files = {"calc": os.path.realpath(os.path.join("calc", "ops.py")), "stray": os.path.realpath("ops.py")}
            runs = {"calc": 0, "stray": 0}

            def count(event, args):
                if event == "exec":
                    name = os.path.realpath(getattr(args[0], "co_filename", "") or "")
                    for which, file in files.items():
                        if name == file:
                            runs[which] += 1

            sys.addaudithook(count)

            def seen():
                names = sorted(
                    name for name, module in list(sys.modules.items())
                    if os.path.realpath(getattr(module, "__file__", None) or "") == files["calc"]
                )
                return [runs["calc"], runs["stray"], names]

            report(step="import")
            import calc.__main__ as entry
            report(imported=seen(), has_main=callable(getattr(entry, "main", None)), step="main")
            # ops.py may run when the module is imported, or when main first needs compute: once, either way.
            if callable(getattr(entry, "main", None)):
                out, err, status, error = captured(entry.main, ["2", "+", "3"])
                report(called=seen(), out=out)
                if error is not None:
                    raise error
            report(step=None)
            """
        )
    )
    ran_to_its_end(probe, "`import calc.__main__`, then main(['2', '+', '3']), to run to their end")
    expect_main_imported(probe)
    seen, error = probe.values, probe.error
    stray_hint = (
        "compute comes from the package's module: import it by the full name calc.ops (or relatively), never by "
        "the plain name ops, which any ops.py on sys.path can answer (for -m, one in the working directory)."
    )
    twice_hint = (
        "ops.py belongs to the package calc: import it through the package only (by its full name, or "
        "relatively); a folder put on sys.path, or a file loaded by its path, makes a second module of it."
    )
    for phase, doing in (
        ("imported", "`import calc.__main__`"),
        ("called", "`import calc.__main__`, then main(['2', '+', '3']),"),
    ):
        runs, stray, names = seen[phase]
        if stray:
            saw, hint = f"it ran the check's own ops.py beside calc/ {times(stray)}, as the module ops", stray_hint
        elif runs != len(names) or names not in ([], ["calc.ops"]):  # each run of ops.py is the module calc.ops
            saw = f"it ran calc/ops.py {times(runs)}" + (
                f", as the module(s) {', '.join(names)}"
                if names
                else ", not as the module calc.ops: no module of that file is in sys.modules"
            )
            hint = twice_hint
        elif phase == "called" and runs == 0:
            raised = error is not None and seen.get("step") == "main"
            saw = "it never ran calc/ops.py" + (f": main raised {error.summary}" if raised else "")
            hint = error.explain() if raised else "main should print what compute, from calc.ops, returns."
        else:
            continue
        expect(
            False,
            expected=f"{doing} to run calc/ops.py at most once, and only as the module calc.ops",
            saw=saw,
            hint=hint,
        )


@pytest.mark.points(2)
def test_importing_the_main_module_runs_nothing(student):
    probe = student.probe(
        probe_code(
            """
            import runpy
            # The importer's sys.path: importing (or loading) the module leaves it as it was.
            path = list(sys.path)
            report(step="import")
            import calc.__main__ as entry
            changed = None if sys.path == path else ["import", list(sys.path), path]
            report(has_main=callable(getattr(entry, "main", None)), path_changed=changed)
            # Loaded by a tool, or copied into another package, the module has yet another name: a guard that
            # only rules out "calc.__main__" (`!= "calc.__main__"`) lets the program run. run_module keeps it in
            # the package calc, so a relative import works there too; without the imported copy, runpy runs it
            # without a warning.
            sys.modules.pop("calc.__main__", None)
            report(step="other_name")
            out, err, _, error = captured(runpy.run_module, "calc.__main__", run_name="calc_entry")
            report(other_name=out + err)
            if changed is None and sys.path != path:
                report(path_changed=["other_name", list(sys.path), path])
            if error is not None:
                raise error
            report(step=None)
            """
        )
    )
    ran_to_its_end(probe, "`import calc.__main__`, then runpy.run_module, to run to their end")
    seen, error = probe.values, probe.error
    step = seen.get("step") if error else None
    guard_hint = (
        "only `__name__ == '__main__'` says that calc/__main__.py is the program: guard the call to main with it, "
        "not with a test against the module's own name."
    )
    printed = (probe.completed.stdout + probe.completed.stderr).strip()
    ran_the_program = step == "import" and error.isinstance("SystemExit")
    expect(
        not printed and not ran_the_program,
        expected="`import calc.__main__` to print nothing and raise nothing",
        saw=(f"it printed {printed[:120]!r}" if printed else "it printed nothing")
        + (f" and raised {error.summary}" if step == "import" else ""),
        hint=guard_hint,
    )
    expect_main_imported(probe)
    other = seen.get("other_name", "").strip()
    raised = step == "other_name"
    expect(
        not other and not raised,
        expected=(
            "calc/__main__.py, loaded under another name than '__main__' (runpy.run_module('calc.__main__', "
            "run_name='calc_entry')), to print nothing and raise nothing"
        ),
        saw=(f"it printed {other[:120]!r}" if other else "it printed nothing")
        + (f" and raised {error.summary}" if raised else ""),
        hint=guard_hint if not raised or error.isinstance("SystemExit") else error.explain(),
    )
    changed = seen.get("path_changed")
    if changed:
        phase, after, before = changed
        added = [entry for entry in after if entry not in before] or after[:2]
        expect(
            False,
            expected=("`import calc.__main__`" if phase == "import" else "runpy.run_module('calc.__main__', "
                      "run_name='calc_entry')") + " to leave the importer's sys.path as it was",
            saw=f"it changed it: now it holds {student.shown_paths(added)}"
            + (" first" if after[:1] != before[:1] else ""),
            hint="`python -m calc` has the folder that holds calc/ on sys.path already, and an importer keeps its own "
            "sys.path: import through the package, without putting a folder on sys.path.",
        )
