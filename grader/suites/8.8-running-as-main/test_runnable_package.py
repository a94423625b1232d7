"""8.8 runnable-package: `python -m calc` runs calc/__main__.py; importing calc.__main__ does not.

The importing check sets sys.argv[0] to the path of calc/__main__.py, which is
what `python -m calc` sets too, so that only __name__ can tell the module
whether it is the program.
"""

import pytest

from grader import expect


@pytest.mark.points(2)
def test_the_package_runs_with_dash_m(student):
    add = student.run_module("calc", "2", "+", "3")
    divide = student.run_module("calc", "7", "/", "2")
    expect(
        (add.returncode, add.stdout.strip(), divide.stdout.strip()) == (0, "5", "3.5"),
        expected="`python -m calc 2 + 3` to print 5 and `python -m calc 7 / 2` to print 3.5",
        saw=f"they printed {add.stdout.strip()!r} and {divide.stdout.strip()!r} ({add.describe_end()})",
        hint="calc/__main__.py should call main(sys.argv[1:]) under `if __name__ == '__main__':`.",
    )


@pytest.mark.points(1)
def test_a_wrong_command_line_is_a_usage_error(student):
    done = student.run_module("calc", "2", "+")
    expect(
        done.returncode == 2 and "usage" in done.stderr.lower() and not done.stdout.strip(),
        expected="`python -m calc 2 +` to print a usage line to stderr and exit with 2",
        saw=f"{done.describe_end()}, printing {done.stdout.strip()!r} and {done.stderr.strip()[-80:]!r} to stderr",
        hint="return 2 from main after printing the usage to sys.stderr, and sys.exit(main(...)).",
    )


@pytest.mark.points(2)
def test_importing_the_main_module_runs_nothing(student):
    probe = student.probe(
        """
        import os, sys
        sys.argv = [os.path.abspath(os.path.join("calc", "__main__.py")), "1", "+", "1"]
        import calc.__main__ as entry
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
    seen = probe.values
    expect(
        seen.get("status") == 0 and seen.get("printed") == "42\n",
        expected="calc.__main__.main(['6', '*', '7']) to print 42 and return 0",
        saw=f"it raised {probe.error.type}" if probe.error else f"it returned {seen.get('status')!r}",
        hint="step 1: define main(argv) in calc/__main__.py.",
    )
