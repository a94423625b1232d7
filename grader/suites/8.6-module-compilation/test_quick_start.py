"""8.6 quick-start: `python -m jot --help`, add and list start without what only the stats command needs.

Start-up is measured in modules, never in time (times are noisy on a busy
machine): each command runs in a fresh interpreter with `-X importtime`, the
tool the README teaches, and the modules it lists are compared with those of
a program of the check's own that uses argparse alone, the same way (`-m`,
with site, the same subcommand-and-help shape), run just before. What jot
loads beyond that must fit the README's budget of 5 modules, jot's own
included. So any way of deferring passes: an import inside the function or
branch that needs it, importlib, or on Python 3.15 `lazy import` and
`__lazy_modules__` (PEP 810), because only modules that are really loaded
are counted. Before 3.15, `__lazy_modules__` is an ordinary list and the
imports it names stay eager: the message says so when the source has it.
The notes the checks add are their own (a digit, more words than the
README's), and the stats line is compared word for word with what the
program prints now. In a program that calls main, statistics counts as
loaded once it was searched for (an audit hook sees each search, so a
module imported and then taken out of sys.modules again still counts) or
is in sys.modules (a LazyLoader stand-in too, as the README says); a
report.py that needs no statistics at all passes. The same program then
tries more of what the commands do now: `add` with no words, stats for a
single note ("1 notes"), and stats on a notes.txt that is not UTF-8.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `python -m jot --help` loads at most 5 modules that a program using argparse alone does not load (jot's
  own count), and still prints jot's help (its three commands) and exits with 0.
  -> help_loads_within_the_budget
- Step 2: `python -m jot add ...` and `python -m jot list` stay within the same budget.
  -> add_and_list_load_within_the_budget
- Step 2: a program that imports jot.cli and calls main loads statistics only when main(["stats"]) runs, if at all
  (a module imported and taken out of sys.modules again counts; so does a LazyLoader stand-in in sys.modules).
  -> main_loads_statistics_only_for_stats
- Step 3: every command works as it does now: add stores a note, list prints them numbered, stats prints its line
  (checked through main, as a program that imports jot.cli calls it).
  -> add_and_list_load_within_the_budget, help_loads_within_the_budget, main_loads_statistics_only_for_stats
- Step 3: errors included, word for word: `add` with no words is refused (usage, exit status 2, nothing stored), the
  stats line of a single note is "1 notes, ...", and a notes.txt that cannot be read is an error, not "no notes yet".
  -> main_loads_statistics_only_for_stats
"""

import sys

import pytest

from grader import FIX_THE_NAMED_LINE, expect
from grader.feedback import StudentCrash
from grader.sandbox import expect_completed

BUDGET = 5

#: A program of the check's own, shaped like jot (subcommands, a help), that uses argparse alone.
BASELINE = '''import argparse

parser = argparse.ArgumentParser(prog="base", description="A program that uses argparse alone.")
commands = parser.add_subparsers(dest="command", required=True)
commands.add_parser("one", help="a command").add_argument("words", nargs="+")
commands.add_parser("two", help="another command")
parser.parse_args()
'''
BASELINE_NAME = "budget_baseline"

NOTES = ["pack the tent", "buy 2 maps and a compass"]
LISTED = ["1. pack the tent", "2. buy 2 maps and a compass"]
STATS = "2 notes, 4.5 words on average (median 4.5, longest 6)"
#: A single note, and its stats line as the program prints it now ("1 notes": the line does not change).
ONE_NOTE, ONE_STATS = "call the vet", "1 notes, 3.0 words on average (median 3, longest 3)"
#: A notes.txt that is not UTF-8 (Latin-1 bytes): reading it is an error now.
UNDECODABLE = b"caf\xe9 au lait\n"


def loaded(stderr: str) -> set[str]:
    """The modules `-X importtime` says a run imported (its lines end with `| name`, indented by depth)."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and "|" in line and "imported package" not in line
    }


def without_importtime(stderr: str) -> str:
    return "\n".join(line for line in stderr.splitlines() if not line.startswith("import time:"))


def importtime(student, *args: str):
    done = student.python_run("-X", "importtime", "-m", *args, site=True)
    # What the student's code printed, for a message, is the run's output without the lines -X importtime adds.
    stdout, stderr = student.outputs[-1]
    student.outputs[-1] = (stdout, without_importtime(stderr))
    return done


#: The baseline's modules, per interpreter: they depend on the Python only, so the checks of one grading share them.
_BASELINES: dict[str, set[str]] = {}


def baseline(student) -> set[str]:
    if student.python not in _BASELINES:
        # In a folder of its own, where none of the student's files can be imported in place of the library's.
        student.write(f"{BASELINE_NAME}/{BASELINE_NAME}.py", BASELINE)
        done = student.python_run("-X", "importtime", "-m", BASELINE_NAME, "--help", site=True, cwd=BASELINE_NAME)
        student.outputs.pop()  # the check's own program: nothing the student's code printed
        _BASELINES[student.python] = loaded(done.stderr)
    return _BASELINES[student.python]


def budget_hint(student, extra: set[str]) -> str:
    """What to do about a command that loaded too much, and why __lazy_modules__ did not help before 3.15."""
    sources = [student.read(name) for name in ("jot/cli.py", "jot/__main__.py", "jot/report.py", "jot/__init__.py")
               if student.exists(name)]
    if sys.version_info < (3, 15) and any("__lazy_modules__" in text for text in sources):
        return (
            f"__lazy_modules__ makes imports lazy only on Python 3.15 and later; Python "
            f"{sys.version_info.major}.{sys.version_info.minor} reads it as an ordinary list and imports as usual. "
            "To start quickly on every Python, move the import into the code of the one command that needs it."
        )
    return (
        "run `python -X importtime -m jot --help` and look for the module that brings the others (the largest "
        "cumulative time); import it only in the code of the one command that uses it."
    )


def shown_extra(extra: set[str]) -> str:
    # jot's own modules first, then the others: the reader looks for which of jot's imports brought them.
    names = sorted(extra, key=lambda name: (not name.startswith("jot"), name))
    return ", ".join(names)


@pytest.mark.points(3)
def test_help_loads_within_the_budget(student):
    base = baseline(student)
    done = importtime(student, "jot", "--help")
    lines = done.stdout.splitlines()
    expect(
        done.returncode == 0 and any(line.startswith("usage: jot") for line in lines)
        and all(command in done.stdout for command in ("add", "list", "stats")),
        expected="`python -m jot --help` to print jot's help, with its commands add, list and stats, and exit with 0",
        saw=f"it printed {done.stdout.strip()[:160]!r}{' and ' + without_importtime(done.stderr)[-160:]!r}"
        if without_importtime(done.stderr).strip()
        else f"it printed {done.stdout.strip()[:160]!r} and {done.describe_end()}",
        hint=FIX_THE_NAMED_LINE
        if done.uncaught
        else "step 3: every command works as it does now, --help too: the argparse parser stays as it is.",
    )
    extra = loaded(done.stderr) - base
    expect(
        len(extra) <= BUDGET,
        expected=f"`python -m jot --help` to load at most {BUDGET} modules that a program using argparse alone does "
        "not load (jot's own count)",
        saw=f"it loaded {len(extra)}: {shown_extra(extra)}",
        hint=budget_hint(student, extra),
    )


@pytest.mark.points(2)
def test_add_and_list_load_within_the_budget(student):
    base = baseline(student)
    runs = {}
    for number, note in enumerate(NOTES):
        runs[f"add{number}"] = importtime(student, "jot", "add", *note.split())
    runs["list"] = importtime(student, "jot", "list")
    for name, done in runs.items():
        command = "`python -m jot list`" if name == "list" else f"`python -m jot add {NOTES[int(name[-1])]}`"
        expect(
            done.returncode == 0 and not done.uncaught,
            expected=f"{command} to work as it does now, and exit with 0",
            saw=done.describe_end(),
            hint=FIX_THE_NAMED_LINE,
        )
    listed = runs["list"].stdout.splitlines()
    expect(
        listed == LISTED,
        expected=f"`python -m jot list`, after two adds, to print {' / '.join(LISTED)}",
        saw=f"it printed {runs['list'].stdout.strip()[:160]!r}",
        hint="step 3: add and list work as they do now: add appends the note to notes.txt, list prints them "
        "numbered.",
    )
    for name in ("add0", "list"):
        extra = loaded(runs[name].stderr) - base
        command = "`python -m jot list`" if name == "list" else "`python -m jot add ...`"
        expect(
            len(extra) <= BUDGET,
            expected=f"{command} to load at most {BUDGET} modules that a program using argparse alone does not load "
            "(jot's own count): only stats needs statistics",
            saw=f"it loaded {len(extra)}: {shown_extra(extra)}",
            hint=budget_hint(student, extra),
        )


@pytest.mark.points(1)
def test_main_loads_statistics_only_for_stats(student):
    probe = student.probe(
        f"""
        import contextlib, io, sys

        HEAVY = ("statistics",)
        # Every search for statistics, seen by the audit hook: a module imported and then taken out of sys.modules
        # again was loaded all the same.
        searched = set()
        sys.addaudithook(lambda event, args: event == "import" and args[0] in HEAVY and searched.add(args[0]))


        def heavy():
            return sorted(searched | {{name for name in HEAVY if name in sys.modules}})


        def lazy_placeholder():
            # type() does not ask the module for anything, so a module whose code waits for its first use stays so.
            return type(sys.modules.get("statistics")).__name__ == "_LazyModule"


        report(step="import")
        import jot.cli

        report(after_import=heavy(), placeholder=lazy_placeholder())
        for number, note in enumerate({NOTES!r}):
            report(step=f"add{{number}}")
            jot.cli.main(["add"] + note.split())
        report(step="list")
        jot.cli.main(["list"])
        report(after_list=heavy(), step="stats")
        jot.cli.main(["stats"])
        report(step=None)


        def outcome(argv):
            out, err = io.StringIO(), io.StringIO()
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    status = jot.cli.main(argv)
                ended = "returned"
            except SystemExit as end:
                ended, status = "exited with", end.code
            except Exception as error:
                ended, status = "raised", type(error).__name__
            if not isinstance(status, (int, str, type(None))):
                status = repr(status)
            return [ended, status, out.getvalue(), err.getvalue()]


        def notes():
            try:
                with open("notes.txt", encoding="utf-8") as file:
                    return file.read().splitlines()
            except OSError as error:
                return type(error).__name__


        # More of what every command does now: a note with no words is refused, a single note has its line, and
        # notes that cannot be read are an error, not "no notes yet".
        report(no_words=outcome(["add"]), kept=notes())
        with open("notes.txt", "w", encoding="utf-8") as file:
            file.write({ONE_NOTE!r} + "\\n")
        report(one=outcome(["stats"]))
        with open("notes.txt", "wb") as file:
            file.write({UNDECODABLE!r})
        report(undecodable=outcome(["stats"]))
        """
    )
    expect_completed(probe.completed, "a program that imports jot.cli and calls main to run to its end", probe.stuck)
    if not probe.finished:
        raise StudentCrash("a program that imports jot.cli and calls main to run to its end",
                           probe.completed.describe_end(), probe.output)
    seen, error = probe.values, probe.error
    steps = {"import": "`import jot.cli`", "list": 'main(["list"])', "stats": 'main(["stats"])'}
    steps.update({f"add{n}": f"main({['add'] + note.split()!r})" for n, note in enumerate(NOTES)})
    expect(
        error is None,
        expected=f"{steps.get(seen.get('step'), 'the program')} to work, called by a program that imported jot.cli",
        saw=f"it raised {error.summary}" if error else "",
        hint=error.explain() if error else None,
    )
    for key, after in (
        ("after_import", "`import jot.cli`, in a program of its own,"),
        (
            "after_list",
            'two calls of main(["add", ...]) and one of main(["list"]), from a program that imported jot.cli,',
        ),
    ):
        expect(
            not seen[key],
            expected=f"{after} not to load statistics",
            saw="statistics had been imported, and was in sys.modules"
            if seen["placeholder"]
            else "statistics had been imported by then",
            hint="step 2: a module counts as loaded once it is in sys.modules, even as a stand-in whose code runs "
            "on its first use, such as importlib.util.LazyLoader puts there: import it only in the code of the one "
            "command that uses it."
            if seen["placeholder"]
            else budget_hint(student, set(seen[key])),
        )
    lines = probe.completed.stdout.splitlines()
    expect(
        lines[-1:] == [STATS],
        expected=f'main(["stats"]) to print {STATS!r}, as it does now',
        saw=f"the program printed {probe.completed.stdout.strip()[-160:]!r}",
        hint="step 3: the stats command works as it does now: it still prints its line, word for word.",
    )
    ended, status, printed, complained = seen["no_words"]
    expect(
        (ended, status) == ("exited with", 2) and seen["kept"] == NOTES,
        expected='main(["add"]), a note with no words, to be refused as now: jot\'s usage on stderr, exit status 2, '
        "and no note stored",
        saw=f"it {ended} {status!r}"
        + (f", printed {printed.strip()[:80]!r}" if printed.strip() else "")
        + ("" if seen["kept"] == NOTES else f", and notes.txt then held {seen['kept']!r}"),
        hint="step 3: every command works as it does now, its errors too: the argparse parser decides what a "
        "command line means, as in the stub.",
    )
    ended, status, printed, complained = seen["one"]
    expect(
        ended == "returned" and printed.strip() == ONE_STATS,
        expected=f'main(["stats"]), with the single note {ONE_NOTE!r}, to print {ONE_STATS!r}, word for word as it '
        "does now",
        saw=f"it printed {printed.strip()[:120]!r} and {ended} {status!r}",
        hint="step 3: the stats line stays as it is, whatever the number of notes: only where its imports run "
        "changes.",
    )
    ended, status, printed, complained = seen["undecodable"]
    expect(
        ended != "returned" and status not in (0, None) and "no notes yet" not in printed,
        expected='main(["stats"]), when notes.txt cannot be read as UTF-8, to fail as it does now '
        "(with a UnicodeDecodeError)",
        saw=f"it printed {printed.strip()[:120]!r} and {ended} {status!r}",
        hint="step 3: every command works as it does now, its errors too: an `except` around the stats command "
        "that catches every error hides real ones (here, a file it cannot read).",
    )
