"""8.8 runnable-package: `python -m calc` runs calc/__main__.py; importing calc.__main__ does not.

The importing check sets sys.argv[0] to the path of calc/__main__.py, which is
what `python -m calc` sets too, so that only __name__ can tell the module
whether it is the program; it also loads the module under a name of its own,
which only `__name__ == "__main__"` tells apart.
"""

import pytest

from grader import FIX_THE_NAMED_LINE, expect, expect_a_silent_load

#: Step 3, for any check that finds a module of the import of compute missing.
IMPORT_HINT = (
    "step 3: `python -m calc` runs __main__.py as part of the package calc, and sys.path[0] is the folder "
    "that holds calc/, not calc/ itself: import `from calc.ops import compute` (or `from .ops import compute`)."
)


def ended_on_import(completed):
    """Whether the run stopped because a module it imports was not found."""
    return (completed.uncaught or "").startswith("ModuleNotFoundError")


@pytest.mark.points(2)
def test_the_package_runs_with_dash_m(student):
    add = student.run_module("calc", "2", "+", "3")
    divide = student.run_module("calc", "7", "/", "2")
    if ended_on_import(add):
        hint = IMPORT_HINT
    elif add.uncaught:
        hint = FIX_THE_NAMED_LINE
    else:
        hint = "calc/__main__.py should call main(sys.argv[1:]) under `if __name__ == '__main__':`."
    expect(
        (add.returncode, add.stdout.strip(), divide.stdout.strip()) == (0, "5", "3.5"),
        expected="`python -m calc 2 + 3` to print 5 and `python -m calc 7 / 2` to print 3.5",
        saw=f"they printed {add.stdout.strip()!r} and {divide.stdout.strip()!r} ({add.describe_end()})",
        hint=hint,
    )


@pytest.mark.points(1)
def test_a_wrong_command_line_is_a_usage_error(student):
    # Too few arguments, and operators calc does not know: none may reach compute.
    # "+-" is part of the string "+-*/" but not one operator: `argv[1] in "+-*/"` lets it through.
    operator_hint = (
        "before calling compute, check that argv[1] is exactly one of + - * / (`argv[1] in OPERATORS`, the keys "
        "of calc.ops.OPERATORS; `in \"+-*/\"` also lets '+-' or '' through)."
    )
    for args, hint in (
        (("2", "+"), "return 2 from main after printing the usage to sys.stderr, and sys.exit(main(...))."),
        (("2", "%", "3"), operator_hint),
        (("2", "+-", "3"), operator_hint),
    ):
        done = student.run_module("calc", *args)
        expect(
            done.returncode == 2 and "usage" in done.stderr.lower() and not done.stdout.strip(),
            expected=f"`python -m calc {' '.join(args)}` to print a usage line to stderr and exit with 2",
            saw=(
                f"{done.describe_end()}, printing {done.stdout.strip()!r}"
                if done.uncaught  # its traceback was all of stderr
                else f"{done.describe_end()}, printing {done.stdout.strip()!r} and {done.stderr.strip()[-80:]!r} to stderr"
            ),
            hint=IMPORT_HINT if ended_on_import(done) else hint,
        )


@pytest.mark.points(2)
def test_importing_the_main_module_runs_nothing(student):
    probe = student.probe(
        """
        import os, sys
        sys.argv = [os.path.abspath(os.path.join("calc", "__main__.py")), "1", "+", "1"]
        import calc.__main__ as entry
        report(imported=True, has_main=callable(getattr(entry, "main", None)))
        import contextlib, io
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = entry.main(["6", "*", "7"])
        report(status=status, printed=out.getvalue())
        """
    )
    expect(
        not probe.completed.stdout,
        expected="`import calc.__main__` to print nothing",
        saw=f"it printed {probe.completed.stdout.strip()!r}",
        hint="imported, the module's __name__ is 'calc.__main__': the guard keeps main from running.",
    )
    seen, error = probe.values, probe.error
    if not seen.get("imported") and error:
        saw = f"`import calc.__main__` raised {error.summary}"
        hint = IMPORT_HINT if error.type == "ModuleNotFoundError" else error.explain()
    elif not seen.get("imported"):
        saw, hint = f"`import calc.__main__` never finished: {probe.completed.describe_end()}", None
    elif not seen.get("has_main"):
        saw, hint = "calc/__main__.py defines no function main", "step 1: define main(argv) in calc/__main__.py."
    elif error is None:
        saw = f"it printed {seen.get('printed')!r} and returned {seen.get('status')!r}"
        hint = "print compute's result, then return 0."
    else:
        saw, hint = f"main raised {error.summary}", error.explain()
    expect(
        seen.get("status") == 0 and seen.get("printed") == "42\n",
        expected="calc.__main__.main(['6', '*', '7']) to print 42 and return 0",
        saw=saw,
        hint=hint,
    )
    # Loaded by a tool, or copied into another package, the module has yet another name:
    # a guard that only rules out "calc.__main__" (`!= "calc.__main__"`) lets the program run.
    # run_module keeps it in the package calc, so a relative import works there too.
    other = student.probe(
        """
        import os, runpy, sys
        sys.argv = [os.path.abspath(os.path.join("calc", "__main__.py")), "1", "+", "1"]
        runpy.run_module("calc.__main__", run_name="calc_entry")
        """
    )
    expect_a_silent_load(other, "runpy.run_module('calc.__main__', run_name='calc_entry')", "calc/__main__.py")
