"""8.8 dual-use: one file that is a program when it runs, and a module when it is imported.

The program is run as a script and with -m, on words the README never shows:
`-h` (a word, since the program has no options) and a capital (sorted before
every small letter, as the program sorts now); main is also given the empty
word and `--help`, a single word, and a list holding nothing but the empty
word (words to count, not usage errors). The usage line is compared word for
word with the README's, and must be all that stderr gets; main([]) is called
from a program of another name, so that a usage built from sys.argv[0] shows.
A run that counts must write nothing to stderr. The importer's sys.argv is
compared after each call of main, and its sys.path after the import and the
runpy loads: a main that writes its words into sys.argv, or a module that
puts a folder on sys.path, shows.
The importing checks give the importer words of its own in sys.argv, so that
a main counting sys.argv, or a module that runs its program when imported,
shows; one of them sets sys.argv[0] to the module's own path and loads it
under its own name and under a name of its own, so that only
`__name__ == "__main__"` tells wordfreq that it is the program. What main
prints is caught at the level of file descriptors: a main that took
sys.stdout as a default argument is seen like any other.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: main(argv) prints `word: count` lines for the words it is given (never sys.argv's), in alphabetical
  order of the words (sorted's order: capitals first), nothing to stderr, and returns 0; one word is words to
  count too.
  -> main_counts_the_words_it_is_given, it_runs_with_dash_m
- Step 1: each item of argv is a word, as it is now: one that looks like an option (-h, --help), an empty one
  (a list holding only the empty word is not a usage error), one with capitals (not folded into another).
  -> main_counts_the_words_it_is_given, it_runs_as_a_script
- Step 1: with no words, main prints the usage line `usage: wordfreq.py WORD...`, word for word, and nothing
  else, to standard error, nothing to standard output, and returns 2 (it does not end the program itself, nor
  count sys.argv's words instead, nor name another program than wordfreq.py).
  -> main_counts_the_words_it_is_given, it_runs_as_a_script
- Step 1: main leaves sys.argv as it is (it never writes the words it is given into it).
  -> main_counts_the_words_it_is_given
- Step 1: count_words stays and counts as before: other programs import it.
  -> main_counts_the_words_it_is_given
- Step 2: main runs only when the file is the program: imported, or loaded under any other name than
  "__main__", it runs nothing.
  -> importing_prints_nothing
- Step 2: main's return value is the program's exit status (0, or 2 for a usage error).
  -> it_runs_as_a_script, it_runs_with_dash_m
- Step 3: importing wordfreq, or running it with runpy.run_module under its own name, prints nothing.
  -> importing_prints_nothing
- Step 3: importing wordfreq (or loading it with runpy) leaves the importer's sys.path as it was.
  -> importing_prints_nothing
- Run as a script, it works as before: counts in alphabetical order (-h a word, capitals first) and nothing on
  stderr, or the usage error with the README's usage line and nothing else.
  -> it_runs_as_a_script
- Run with -m, it works the same way (a single word counted, nothing on stderr).
  -> it_runs_with_dash_m
"""

import textwrap

import pytest

from grader import FIX_THE_NAMED_LINE, expect
from grader.feedback import StudentCrash
from grader.sandbox import expect_completed
from grader.snippets import CAPTURE

#: Words for main and for the script, and what they must print: alphabetical order differs from the
#: order they come in, from the most common first, and from the least common first.
WORDS = ["pear", "fig", "apple", "fig"]
COUNTED = ["apple: 1", "fig: 2", "pear: 1"]
#: Words for a second call of main in the same interpreter: nothing of the first may show.
AGAIN, COUNTED_AGAIN = ["plum", "fig"], ["fig: 1", "plum: 1"]

#: Words for the script, as the program counts them now: one that looks like an option (the program has none, so
#: `-h` is a word), and a capital, which sorted() puts before every small letter.
SCRIPT_WORDS = ["-h", "pear", "Fig", "apple", "fig", "fig"]
SCRIPT_COUNTED = ["-h: 1", "Fig: 1", "apple: 1", "fig: 2", "pear: 1"]
#: Words for a call of main: the empty word twice (an argument like any other), an option-like word first, and a
#: capital that sorted() puts before a small letter earlier in the alphabet.
ODD, ODD_COUNTED = ["--help", "", "kiwi", "Lime", ""], [": 2", "--help: 1", "Lime: 1", "kiwi: 1"]

#: Calls of main with a single word, and with nothing but the empty word: words to count, not usage errors.
ONE, ONE_COUNTED = ["solo"], ["solo: 1"]
BLANK, BLANK_COUNTED = [""], [": 1"]

#: The importer's own command line: words that only a main reading sys.argv would count.
IMPORTER_WORDS = ["words", "of", "the", "importer"]

#: The usage line, word for word as the README has it.
USAGE = "usage: wordfreq.py WORD..."

USAGE_HINT = "main prints the usage to sys.stderr and returns 2; `sys.exit(main(...))` makes that the exit status."
USAGE_TEXT_HINT = (
    "the usage line is the README's, word for word, whoever runs or calls main (sys.argv[0] names the program "
    "that runs, which may be another one)."
)


def has_usage(err: str) -> bool:
    """Whether what went to stderr holds the README's usage line."""
    return USAGE in (line.strip() for line in err.splitlines())


def only_usage(err: str) -> bool:
    """Whether what went to stderr is the README's usage line and nothing else."""
    return [line.strip() for line in err.splitlines() if line.strip()] == [USAGE]


#: The hint for a usage line that came with other lines on stderr.
ONLY_USAGE_HINT = (
    "with no words, standard error gets the usage line and nothing else: no other message before or after it."
)

#: The hint for a run that counted right but wrote something to stderr as well.
QUIET_STDERR_HINT = (
    "run as a program it works as it does now, and the program writes nothing to stderr when it counts: take out "
    "any other line printed to stderr (a debugging line, a note)."
)


def usage_hint(err: str, fallback: str) -> str:
    """The hint for a usage error that went wrong: the line's own words, when that is all that is wrong."""
    return USAGE_TEXT_HINT if "usage" in err.lower() and not has_usage(err) else fallback


def probe_code(text: str) -> str:
    return CAPTURE + textwrap.dedent(text)


def shown(text: str) -> str:
    return repr(text.strip()[:120]) if text.strip() else "nothing"


def printing(done) -> str:
    """What a run printed, for a message: "printing 'x' to stdout and 'usage...' to stderr"."""
    err = "" if done.uncaught else done.stderr.strip()  # a traceback is described by describe_end()
    if not done.stdout.strip() and not err:
        return "printing nothing"
    return f"printing {shown(done.stdout)} to stdout and {shown(err[-80:])} to stderr"


def stderr_too(done) -> str:
    """What a run that printed to stdout printed to stderr as well, for a message ("" when nothing)."""
    err = "" if done.uncaught else done.stderr.strip()
    return f", and {shown(err)} to stderr" if err else ""


def ran_to_its_end(probe, doing: str) -> None:
    """Fail with a time-out or crash verdict unless the probe ran to its end (raising is an end)."""
    expect_completed(probe.completed, doing, probe.stuck)
    if not probe.finished:
        raise StudentCrash(doing, probe.completed.describe_end(), probe.output)


def expect_a_usage_error(done, command: str) -> None:
    """Fail unless a run with no words printed a usage line to stderr, nothing to stdout, and exited with 2."""
    expect(
        done.returncode == 2 and only_usage(done.stderr) and not done.stdout.strip(),
        expected=f"{command} with no words to print the usage line {USAGE!r} to stderr, and nothing else, nothing to "
        "stdout, and exit with 2",
        saw=f"{done.describe_end()}, {printing(done)}",
        hint=FIX_THE_NAMED_LINE
        if done.uncaught and "SystemExit" not in done.uncaught
        else ONLY_USAGE_HINT
        if done.returncode == 2 and has_usage(done.stderr) and not done.stdout.strip()
        else usage_hint(done.stderr, USAGE_HINT)
        if done.returncode == 2
        else USAGE_HINT,
    )


def order_hint(lines: list[str], expected: list[str]) -> str:
    """The hint for a main or program that printed the wrong lines."""
    if any(word in line for line in lines for word in IMPORTER_WORDS):
        return "main counts the list it is given, never sys.argv: the program passes sys.argv[1:] to it."
    if sorted(lines) == sorted(expected):
        return (
            "print the lines in alphabetical order of the words as they are, the order sorted() gives them (capitals "
            "first), not in the order they came, by count, or ignoring case."
        )
    if len(lines) != len(expected) or any(line not in expected for line in lines):
        return (
            "every argument is a word to count, as it is, as the program does now: an empty one, one that looks "
            "like an option (-h), and one with capitals, beside the same word without."
        )
    return "print one `word: count` line per word, in alphabetical order of the words."


@pytest.mark.points(2)
def test_it_runs_as_a_script(student):
    counted = student.run_script("wordfreq.py", *SCRIPT_WORDS)
    if counted.uncaught:
        hint = FIX_THE_NAMED_LINE
    elif counted.stdout.splitlines() != SCRIPT_COUNTED:
        hint = order_hint(counted.stdout.splitlines(), SCRIPT_COUNTED)
    elif counted.returncode == 0:
        hint = QUIET_STDERR_HINT
    else:
        hint = "main returns 0 after printing, and `sys.exit(main(...))` makes that the exit status."
    expect(
        counted.returncode == 0 and counted.stdout.splitlines() == SCRIPT_COUNTED and not counted.stderr.strip(),
        expected=f"`python wordfreq.py {' '.join(SCRIPT_WORDS)}` to print {', '.join(SCRIPT_COUNTED)}, one a line, "
        "nothing to stderr, and exit with 0, as the program does now",
        saw=f"it printed {shown(counted.stdout)}{stderr_too(counted)} and {counted.describe_end()}",
        hint=hint,
    )
    expect_a_usage_error(student.run_script("wordfreq.py"), "`python wordfreq.py`")


@pytest.mark.points(1)
def test_it_runs_with_dash_m(student):
    # A single word: one word is words to count, not a usage error.
    words, expected = ["plum"], ["plum: 1"]
    counted = student.run_module("wordfreq", *words)
    if counted.uncaught:
        hint = FIX_THE_NAMED_LINE
    elif not counted.stdout.strip() and counted.returncode == 2:
        hint = "one word is words to count: only no words at all is a usage error."
    elif not counted.stdout.strip():
        hint = "-m runs the file with __name__ set to '__main__' too: only that test says it is the program."
    elif counted.stdout.splitlines() != expected:
        hint = order_hint(counted.stdout.splitlines(), expected)
    elif counted.returncode == 0:
        hint = QUIET_STDERR_HINT
    else:
        hint = "main returns 0 after printing, and `sys.exit(main(...))` makes that the exit status."
    expect(
        counted.returncode == 0 and counted.stdout.splitlines() == expected and not counted.stderr.strip(),
        expected=f"`python -m wordfreq {' '.join(words)}` to print {', '.join(expected)}, nothing to stderr, and exit "
        "with 0",
        saw=f"it printed {shown(counted.stdout)}{stderr_too(counted)} and {counted.describe_end()}",
        hint=hint,
    )
    expect_a_usage_error(student.run_module("wordfreq"), "`python -m wordfreq`")


@pytest.mark.points(2)
def test_main_counts_the_words_it_is_given(student):
    probe = student.probe(
        probe_code(
            f"""
            # An importer with words of its own on its command line: main must count only what it is given.
            sys.argv = ["importer.py"] + {IMPORTER_WORDS!r}
            argv = list(sys.argv)
            report(step="import")
            import wordfreq
            # The importer's sys.argv, as it is after the first step that changed it: import, or a call of main.
            changed = None if sys.argv == argv else ["import", list(sys.argv)]
            report(has_main=callable(getattr(wordfreq, "main", None)), argv_changed=changed)
            calls = (
                ("counted", {WORDS!r}), ("again", {AGAIN!r}), ("one", {ONE!r}), ("blank", {BLANK!r}),
                ("odd", {ODD!r}), ("empty", []),
            )
            for name, words in calls if callable(getattr(wordfreq, "main", None)) else ():
                report(step=name)
                out, err, status, error = captured(wordfreq.main, list(words))
                report(**{{name: [out, err, status]}})
                if changed is None and sys.argv != argv:
                    changed = [name, list(sys.argv)]
                    report(argv_changed=changed)
                if error is not None:
                    raise error
            report(step="count_words")
            count_words = getattr(wordfreq, "count_words", None)
            report(counts=count_words(["kiwi", "lime", "kiwi"]) if callable(count_words) else "missing", step=None)
            """
        )
    )
    ran_to_its_end(probe, "`import wordfreq` and calls of its main to run to their end")
    seen, error = probe.values, probe.error
    step = seen.get("step") if error else None
    calls = {"import": "`import wordfreq`", "counted": f"main({WORDS!r})", "again": f"main({AGAIN!r})"}
    calls.update(one=f"main({ONE!r})", blank=f"main({BLANK!r})", odd=f"main({ODD!r})", empty="main([])")
    if step in calls:
        expect(
            False,
            expected=f"{calls[step]} to "
            + ("work" if step == "import" else "return 2" if step == "empty" else "return"),
            saw=f"it raised {error.summary}",
            hint=(
                "main returns its status; the guard's `sys.exit(main(...))` is what ends the program."
                if step != "import" and error.isinstance("SystemExit")
                else error.explain()
            ),
        )
    expect(
        seen.get("has_main"),
        expected="wordfreq.py to define a function main(argv)",
        saw="wordfreq.py defines no function main",
        hint="step 1: move the program into main(argv), which counts the words in argv.",
    )
    out, err, status = seen["counted"]
    lines = out.splitlines()
    expect(
        lines == COUNTED and status == 0 and not err.strip(),
        expected=f"{calls['counted']} to print {', '.join(COUNTED)}, one a line in alphabetical order, nothing to "
        "stderr, and return 0",
        saw=f"it printed {shown(out)}" + (f", and {shown(err)} to stderr," if err.strip() else "")
        + f" and returned {status!r}",
        hint=order_hint(lines, COUNTED)
        if lines != COUNTED
        else "step 1: main returns 0 after printing the counts."
        if status != 0
        else "main prints the counts, and nothing to stderr: take out any other line printed there.",
    )
    out, _, status = seen["again"]
    lines = out.splitlines()
    expect(
        lines == COUNTED_AGAIN and status == 0,
        expected=f"{calls['again']}, called next, to print {', '.join(COUNTED_AGAIN)} and return 0",
        saw=f"it printed {shown(out)} and returned {status!r}",
        hint="each call of main counts only the words it is given: nothing may be left over from the call before."
        if len(lines) > len(COUNTED_AGAIN)
        else order_hint(lines, COUNTED_AGAIN),
    )
    out, _, status = seen["odd"]
    lines = out.splitlines()
    expect(
        lines == ODD_COUNTED and status == 0,
        expected=f"{calls['odd']} to print {', '.join(ODD_COUNTED)}, one a line, and return 0: every argument is a "
        "word, as the program counts them now",
        saw=f"it printed {shown(out)} and returned {status!r}",
        hint=order_hint(lines, ODD_COUNTED) if lines != ODD_COUNTED else "step 1: main returns 0 after printing.",
    )
    for name, expected, why in (
        ("one", ONE_COUNTED, "one word is words to count: only no words at all is a usage error."),
        ("blank", BLANK_COUNTED, "the empty word is a word, as the program counts it now: a list holding only it "
         "is not an empty list, and only no words at all is a usage error."),
    ):
        out, err, status = seen[name]
        lines = out.splitlines()
        expect(
            lines == expected and status == 0,
            expected=f"{calls[name]} to print {', '.join(expected)} and return 0",
            saw=f"it printed {shown(out)}" + (f" to stdout and {shown(err)} to stderr," if err.strip() else "")
            + f" and returned {status!r}",
            hint=why if status == 2 or not out.strip() else order_hint(lines, expected),
        )
    out, err, status = seen["empty"]
    fell_back = any(word in out for word in IMPORTER_WORDS)
    expect(
        status == 2 and only_usage(err) and not out.strip(),
        expected=f"main([]) to print the usage line {USAGE!r} to stderr, and nothing else, nothing to stdout, and "
        "return 2",
        saw=f"it printed {shown(out)} to stdout and {shown(err)} to stderr, and returned {status!r}",
        hint=(
            "an empty list is no words, a usage error: main must not count sys.argv instead."
            if fell_back
            else ONLY_USAGE_HINT
            if status == 2 and not out.strip() and has_usage(err)
            else usage_hint(err, "step 1: with no words, main prints the usage to sys.stderr and returns 2.")
            if status == 2 and not out.strip()
            else "step 1: with no words, main prints the usage to sys.stderr and returns 2."
        ),
    )
    changed = seen.get("argv_changed")
    expect(
        changed is None,
        expected="`import wordfreq` and the calls of main to leave the importer's sys.argv as it was, "
        f"{['importer.py'] + IMPORTER_WORDS!r}",
        saw=f"after {calls.get(changed[0], changed[0])} it was {changed[1]!r}" if changed else "",
        hint="main counts the list it is given, and leaves sys.argv alone: it belongs to the program that runs, "
        "which may be another one.",
    )
    counts = seen.get("counts")
    expect(
        error is None and counts == {"kiwi": 2, "lime": 1},
        expected="count_words(['kiwi', 'lime', 'kiwi']) to return {'kiwi': 2, 'lime': 1} as before: other programs "
        "use it",
        saw=f"it raised {error.summary}"
        if error
        else "wordfreq.py no longer defines count_words"
        if counts == "missing"
        else f"it returned {counts!r}",
        hint="keep count_words as it was, and let main use it.",
    )


@pytest.mark.points(2)
def test_importing_prints_nothing(student):
    probe = student.probe(
        probe_code(
            f"""
            import runpy
            # A program importing wordfreq, started with the module's own path as sys.argv[0]:
            # neither sys.argv nor the file's name says that wordfreq is not the program.
            sys.argv = [os.path.abspath("wordfreq.py")] + {IMPORTER_WORDS!r}
            path = list(sys.path)
            report(step="imported")
            import wordfreq
            changed = None if sys.path == path else ["imported", list(sys.path), path]
            report(path_changed=changed)
            for phase, call, args, kwargs in (
                ("by_name", runpy.run_module, ("wordfreq",), {{}}),
                ("other_name", runpy.run_path, ("wordfreq.py",), {{"run_name": "wordfreq_copy"}}),
            ):
                report(step=phase)
                out, err, _, error = captured(call, *args, **kwargs)
                report(**{{phase: out + err}})
                if changed is None and sys.path != path:
                    changed = [phase, list(sys.path), path]
                    report(path_changed=changed)
                if error is not None:
                    raise error
            report(step=None)
            """
        )
    )
    ran_to_its_end(probe, "`import wordfreq`, then runpy.run_module and runpy.run_path, to run to their end")
    seen, error = probe.values, probe.error
    step = seen.get("step") if error else None
    guard_hint = (
        "only `__name__ == '__main__'` says that wordfreq.py is the program: guard the call to main with it, "
        "not with a test of sys.argv, __spec__ or the module's own name."
    )
    for phase, doing in (
        ("imported", "`import wordfreq`"),
        ("by_name", "runpy.run_module('wordfreq'), which runs it under its own name,"),
        ("other_name", "runpy.run_path('wordfreq.py', run_name='wordfreq_copy'), which runs it under another name,"),
    ):
        output = (probe.completed.stdout + probe.completed.stderr) if phase == "imported" else seen.get(phase, "")
        raised = step == phase
        expect(
            not output.strip() and not raised,
            expected=f"{doing} to print nothing and raise nothing",
            saw=(f"it printed {shown(output)}" if output.strip() else "it printed nothing")
            + (f" and raised {error.summary}" if raised else ""),
            hint=guard_hint if not raised or error.isinstance("SystemExit") else error.explain(),
        )
        changed = seen.get("path_changed")
        if changed and changed[0] == phase:
            after, before = changed[1], changed[2]
            added = [entry for entry in after if entry not in before] or after[:2]
            expect(
                False,
                expected=f"{doing} to leave the importer's sys.path as it was",
                saw=f"it changed it: now it holds {student.shown_paths(added)}"
                + (" first" if after[:1] != before[:1] else ""),
                hint="importing wordfreq only defines names: it finds nothing through sys.path, so leave the "
                "importer's sys.path alone.",
            )
