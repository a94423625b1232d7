"""8.8 folder-app: an application run as a folder, as a zip archive, and as a zipapp, each in a fresh interpreter.

The folder check also changes messages.py in its private copy, so that only
a __main__.py that really uses messages.greeting passes; another check loads
__main__.py under a name of its own, to see that it then prints nothing.
"""

import os
import zipfile

import pytest

from grader import FIX_THE_NAMED_LINE, expect

#: A different greeting, of a different length, for the check's copy of messages.py.
OTHER_MESSAGES = 'def greeting(name):\n    return f"Good morning to you, {name}."\n'


def ending(done):
    """How a run ended, for a message: the exception it stopped with (file and line), else its last line."""
    return done.describe_end() if done.uncaught else f"it ended with {done.last_line!r}"


def hint_for(done, hint):
    """The check's own hint, unless the run stopped with an exception other than a failed import."""
    if done.uncaught and not done.uncaught.startswith(("ImportError", "ModuleNotFoundError")):
        return FIX_THE_NAMED_LINE
    return hint


def hint_for_loading(error):
    """The hint for a __main__.py that runpy could not load under another name: the step its error points at."""
    if error is None or error.isinstance("SystemExit"):  # the program ran, and ended, while it was only being loaded
        return (
            "step 4: call main(sys.argv[1:]) only under `if __name__ == '__main__':`, so that loading it runs nothing."
        )
    relative = error.isinstance("ImportError") and error.name is None  # `from . import messages` names no module
    top = (error.name or "").partition(".")[0]
    missing = error.isinstance("ModuleNotFoundError") and top in ("messages", "greetapp")
    if relative or missing:
        return "the folder is not a package when it is run: import messages by its plain name."
    return error.explain()


@pytest.mark.points(2)
def test_the_folder_runs(student):
    named, default = student.run_script("greetapp", "Ada"), student.run_script("greetapp")
    command, wrong = ("`python greetapp Ada`", named) if named.stdout.strip() != "Hello, Ada!" else ("`python greetapp`", default)
    expect(
        (named.stdout.strip(), default.stdout.strip()) == ("Hello, Ada!", "Hello, world!"),
        expected="`python greetapp Ada` to print 'Hello, Ada!' (and 'Hello, world!' with no name)",
        saw=f"with {command}, {ending(wrong)}",
        hint=hint_for(wrong, "the folder is not a package when it is run: import messages by its plain name."),
    )
    changed = student.write("greetapp/messages.py", OTHER_MESSAGES)
    later = changed.stat().st_mtime + 2  # so that the .pyc of the first messages.py cannot be reused
    os.utime(changed, (later, later))
    done = student.run_script("greetapp", "Ada")
    expect(
        done.stdout.strip() == "Good morning to you, Ada.",
        expected=(
            "`python greetapp Ada` to print whatever messages.greeting returns: with the check's own "
            "messages.py, 'Good morning to you, Ada.'"
        ),
        saw=ending(done),
        hint=hint_for(done, "__main__.py should import messages and print messages.greeting(name), not a greeting of its own."),
    )


@pytest.mark.points(2)
def test_a_zip_of_the_folder_runs(student):
    with zipfile.ZipFile(student.path / "greetapp.zip", "w") as archive:
        for name in ("__main__.py", "messages.py"):
            archive.write(student.path / "greetapp" / name, name)
    done = student.run_script("greetapp.zip", "Zoe")
    expect(
        done.stdout.strip() == "Hello, Zoe!",
        expected="`python greetapp.zip Zoe`, a zip of the folder's files, to print 'Hello, Zoe!'",
        saw=ending(done),
        hint=hint_for(done, "in an archive too, messages.py sits at the top of sys.path[0]."),
    )


@pytest.mark.points(1)
def test_a_zipapp_runs(student):
    made = student.python_run("-m", "zipapp", "greetapp", "-o", "greet.pyz")
    done = student.run_script("greet.pyz", "Max")
    expect(
        made.returncode == 0 and done.stdout.strip() == "Hello, Max!",
        expected="`python -m zipapp greetapp -o greet.pyz`, then `python greet.pyz Max`, to print 'Hello, Max!'",
        saw=ending(done) if made.returncode == 0 else f"`python -m zipapp` failed: {made.last_line!r}",
        hint=hint_for(done, "zipapp keeps your __main__.py as the archive's entry point."),
    )


@pytest.mark.points(1)
def test_loading_it_under_another_name_prints_nothing(student):
    probe = student.probe(
        """
        import contextlib, io, os, runpy, sys
        sys.argv = ["greetapp", "Eve"]
        # What `python greetapp Eve` does, but under a name other than "__main__".
        entry = runpy.run_path("greetapp", run_name="greetapp_entry")
        report(loaded=True, has_main=callable(entry.get("main")))
        # run_path took the folder off sys.path again; a program run as the folder
        # always has it there, so main may import messages when it is called.
        sys.path.insert(0, os.path.abspath("greetapp"))
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                entry["main"](["Bo"])
        finally:
            report(printed=out.getvalue())
        """
    )
    seen, error = probe.values, probe.error
    if not seen.get("loaded"):
        output = probe.completed.stdout.strip()
        expect(
            False,
            expected="runpy.run_path('greetapp', run_name='greetapp_entry') to load __main__.py under that name",
            saw=(f"it raised {error.summary}" if error else probe.completed.describe_end())
            + (f", after printing {output[:80]!r}" if output else ""),
            hint=hint_for_loading(error),
        )
    expect(
        not probe.completed.stdout and not probe.completed.stderr,
        expected="loading __main__.py under another name than '__main__' to print nothing",
        saw=f"it printed {(probe.completed.stdout + probe.completed.stderr).strip()[:120]!r}",
        hint="call main(sys.argv[1:]) only under `if __name__ == '__main__':`.",
    )
    expect(
        seen.get("has_main"),
        expected="__main__.py to define a function main(argv)",
        saw="__main__.py defines no function main",
        hint="put the program in main(argv): it greets argv[0], or the world when argv is empty.",
    )
    printed = seen.get("printed")
    expect(
        not error and printed == "Hello, Bo!\n",
        expected="main(['Bo']) to print 'Hello, Bo!'",
        saw=(
            f"main(['Bo']) raised {error.summary}" + (f" after printing {printed.strip()!r}" if printed else "")
            if error
            else f"main(['Bo']) printed {printed!r}"
        ),
        hint=error.explain() if error else "main greets argv[0], or the world when argv is empty.",
    )
