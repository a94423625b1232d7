"""8.8 dual-use: run as a script and as a module it works; imported it stays silent.

The importing checks set sys.argv[0] to a path that ends in wordfreq.py (the
module's own path, or the same name elsewhere), so that only __name__ can
tell the module whether it is the program; one of them also loads it under
a name of its own, which only `__name__ == "__main__"` tells apart.
"""

import pytest

from grader import FIX_THE_NAMED_LINE, expect, expect_a_silent_load


@pytest.mark.points(2)
def test_it_runs_as_a_script(student):
    counted = student.run_script("wordfreq.py", "the", "cat", "the")
    empty = student.run_script("wordfreq.py")
    expect(
        counted.returncode == 0 and counted.stdout.splitlines() == ["cat: 1", "the: 2"],
        expected="`python wordfreq.py the cat the` to print 'cat: 1' and 'the: 2' and exit with 0",
        saw=f"it printed {counted.stdout.strip()!r} and {counted.describe_end()}",
        hint=(
            FIX_THE_NAMED_LINE
            if counted.uncaught
            else "print the counts in alphabetical order of the words, one `word: count` per line."
        ),
    )
    expect(
        empty.returncode == 2 and "usage" in empty.stderr.lower() and not empty.stdout.strip(),
        expected="`python wordfreq.py` with no words to print a usage line to stderr and exit with 2",
        saw=f"{empty.describe_end()}, printing {empty.stdout.strip()!r} and {empty.stderr.strip()[-80:]!r} to stderr",
        hint="main returns 2 after printing the usage to sys.stderr; sys.exit(main(...)) passes it on.",
    )


@pytest.mark.points(2)
def test_importing_prints_nothing(student):
    probe = student.probe(
        """
        import os, sys
        # A program importing wordfreq, started with the module's own path as
        # sys.argv[0]: only __name__ says that wordfreq is not the program.
        sys.argv = [os.path.abspath("wordfreq.py"), "words", "of", "the", "importer"]
        import wordfreq
        report(imported=True, has_main=callable(getattr(wordfreq, "main", None)))
        import contextlib, io
        out = io.StringIO()
        # The word counted most comes first alphabetically: an order by count shows.
        with contextlib.redirect_stdout(out):
            status = wordfreq.main(["b", "a", "a"])
        report(status=status, printed=out.getvalue())
        """
    )
    expect(
        not probe.completed.stdout and not probe.completed.stderr,
        expected="`import wordfreq` to print nothing",
        saw=f"it printed {(probe.completed.stdout + probe.completed.stderr).strip()[:120]!r}",
        hint="put the program under `if __name__ == '__main__':`.",
    )
    seen, error = probe.values, probe.error
    if not seen.get("imported"):
        saw = f"`import wordfreq` raised {error.summary}" if error else probe.completed.describe_end()
        hint = error.explain() if error else None
    elif not seen.get("has_main"):
        saw, hint = "wordfreq.py defines no function main", "step 1: define main(argv) and return 0 after printing."
    elif error:
        saw, hint = f"main raised {error.summary}", error.explain()
    else:
        saw = f"it returned {seen.get('status')!r} and printed {seen.get('printed')!r}"
        hint = "step 1: main prints `word: count` lines in alphabetical order of the words, then returns 0."
    expect(
        seen.get("status") == 0 and seen.get("printed") == "a: 2\nb: 1\n",
        expected="wordfreq.main(['b', 'a', 'a']) to print 'a: 2' and 'b: 1', in that order, and return 0",
        saw=saw,
        hint=hint,
    )
    # Imported as part of a package, or loaded by a tool, the module has yet another
    # name: a guard that only rules out "wordfreq" (`!= "wordfreq"`) lets the program run.
    other = student.probe(
        """
        import os, runpy, sys
        sys.argv = [os.path.abspath("wordfreq.py"), "words", "of", "the", "loader"]
        runpy.run_path("wordfreq.py", run_name="wordfreq_copy")
        """
    )
    expect_a_silent_load(other, "runpy.run_path('wordfreq.py', run_name='wordfreq_copy')", "wordfreq.py")


@pytest.mark.points(1)
def test_it_runs_with_dash_m_but_not_from_runpy_by_name(student):
    as_module = student.run_module("wordfreq", "b", "a", "b")
    probe = student.probe("import runpy, sys\nsys.argv = ['wordfreq.py', 'x']\nrunpy.run_module('wordfreq')")
    expect(
        as_module.returncode == 0 and as_module.stdout.splitlines() == ["a: 1", "b: 2"],
        expected="`python -m wordfreq b a b` to print 'a: 1' and 'b: 2'",
        saw=f"it printed {as_module.stdout.strip()!r} and {as_module.describe_end()}",
        hint=(
            FIX_THE_NAMED_LINE
            if as_module.uncaught
            else "-m runs the module as __main__, so the guarded code runs."
        ),
    )
    expect(
        not probe.completed.stdout,
        expected="runpy.run_module('wordfreq'), which runs it under its own name, to print nothing",
        saw=f"it printed {probe.completed.stdout.strip()[:80]!r}",
        hint="code outside the main guard runs whatever the module's name is.",
    )
