"""8.8 folder-app: an application run as a folder, as a zip archive, and as a zipapp, each in a fresh interpreter.

The checks change messages.py in their private copy, so that only a
__main__.py that really uses messages.greeting passes. The archives get a
messages.py of their own, unlike the one in the folder beside them, and run
from the folder that holds greetapp/: a __main__.py that reaches the folder
(through the working directory, or a path built from __file__) instead of
the archive's own files prints the folder's greeting. The zipapp is made in
the grader with zipapp.create_archive, which runs none of the student's code.
Another check loads __main__.py under a name of its own, to see that it then
prints nothing, and calls its main, whose output is caught at the level of
file descriptors. run_path takes the folder off sys.path again when it is done;
the check puts it back before calling main, as a program run as the folder
always has it, so a main that imports messages when it is called is right too.
The check compares the caller's sys.path and sys.argv before and after the
load: a module that puts its own folder on sys.path when it is loaded leaves
it there in the caller. The runs compare stderr too (nothing else than the
greeting, anywhere), and the names they greet are written as the README
never shows them (McAda, zoe), so that a name changed on its way to
messages.greeting shows.

Requirements (the README's, and the checks that fail when only that one is broken):

- Step 1: `python greetapp NAME` prints what messages.greeting(NAME) returns, for the name as it is given, and
  nothing else (nothing on stderr either), and exits with 0.
  -> the_folder_runs
- Step 1: with no name, `python greetapp` prints what messages.greeting("world") returns (not a greeting of
  its own).
  -> the_folder_runs
- Step 2: a zip of the folder's contents, __main__.py at its top, runs the same way, with the messages.py
  inside it.
  -> a_zip_of_the_folder_runs
- Step 3: an archive made by zipapp.create_archive("greetapp", "greet.pyz") runs the same way, with the
  messages.py inside it.
  -> a_zipapp_runs
- Step 4: the program is a function main(argv), greeting argv[0] (never sys.argv's), or the world when argv is
  empty.
  -> loading_it_under_another_name_prints_nothing
- Step 4: main(sys.argv[1:]) runs only when __name__ is "__main__": loaded under another name, the module
  prints nothing.
  -> loading_it_under_another_name_prints_nothing
- Step 4: loaded under another name, the module leaves the caller's sys.path and sys.argv as they were.
  -> loading_it_under_another_name_prints_nothing
"""

import textwrap
import zipapp
import zipfile

import pytest

from grader import FIX_THE_NAMED_LINE, expect
from grader.feedback import StudentCrash
from grader.sandbox import expect_completed
from grader.snippets import CAPTURE

#: A different greeting, for the check's copy of messages.py.
OTHER_MESSAGES = 'def greeting(name):\n    return f"Good morning to you, {name}."\n'

#: The greeting of the messages.py inside the check's archives.
ARCHIVE_MESSAGES = 'def greeting(name):\n    return f"Greetings from the archive, {name}!"\n'

PLAIN_IMPORT_HINT = "the folder is not a package when it is run: import messages by its plain name."


def ending(done):
    """How a run ended, for a message: what it printed, and the exception it stopped with or its exit code."""
    printed = done.stdout.strip()
    err = "" if done.uncaught else done.stderr.strip()  # a traceback is described by describe_end()
    return (
        (f"it printed {printed[:120]!r}" if printed else "it printed nothing")
        + (f", and {err[:120]!r} to stderr," if err else "")
        + f" and {done.describe_end()}"
    )


def hint_for(done, hint):
    """The check's own hint, unless the run stopped with an exception other than a failed import."""
    if done.uncaught and not done.uncaught.startswith(("ImportError", "ModuleNotFoundError")):
        return FIX_THE_NAMED_LINE
    if done.uncaught and ("relative import" in done.uncaught or "'greetapp'" in done.uncaught):
        return PLAIN_IMPORT_HINT
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
        return PLAIN_IMPORT_HINT
    return error.explain()


def loading_hint(error) -> str:
    """The hint for a main that raised when called after the module was loaded under another name."""
    if error.type == "NameError" and error.name == "messages":
        return (
            "main uses messages, which __main__.py imports only under the guard: loaded under another name, the "
            "module must still import what main needs."
        )
    return error.explain()


def greets(done, expected):
    """Whether a run printed the greeting, and nothing else (on stderr either), and exited with 0."""
    return done.returncode == 0 and done.stdout.splitlines() == [expected] and not done.stderr.strip()


EXIT_HINT = "main prints the greeting and returns nothing (or 0): what it returns becomes the exit status."

#: The hint for a run that greeted right, but wrote something to stderr too.
QUIET_HINT = (
    "the program prints the greeting and nothing else: take out any other line it prints, on stderr too (a "
    "debugging line, a note about an import)."
)


#: The hint for a run that greeted the name with its letters changed.
AS_GIVEN_HINT = "messages.greeting gets the name as it is given: leave its capitals and letters as they are."


def greeting_hint(done, expected: str, fallback: str) -> str:
    """The hint for a run that did not print the expected greeting: a name changed on the way, or the fallback."""
    printed = done.stdout.strip()
    return AS_GIVEN_HINT if printed != expected and printed.lower() == expected.lower() else fallback


def greeted_hint(done) -> str:
    """The hint for a run whose stdout was the greeting: its exit status, or what it printed to stderr."""
    return QUIET_HINT if done.returncode == 0 else EXIT_HINT


@pytest.mark.points(2)
def test_the_folder_runs(student):
    student.write("greetapp/messages.py", OTHER_MESSAGES)
    # A name written as the README never shows one: the program greets it as it is given.
    for args, name in ((("McAda",), "McAda"), ((), "world")):
        command = "`python greetapp" + "".join(f" {a}" for a in args) + "`"
        expected = f"Good morning to you, {name}."
        done = student.run_script("greetapp", *args)
        expect(
            greets(done, expected),
            expected=(
                f"{command} to print what messages.greeting({name!r}) returns, and nothing else (on stderr "
                f"either), and to exit with 0: with the check's own messages.py, {expected!r}"
            ),
            saw=ending(done),
            hint=hint_for(
                done,
                greeted_hint(done)
                if done.stdout.splitlines() == [expected]
                else greeting_hint(
                    done,
                    expected,
                    "__main__.py should print messages.greeting(name), not a greeting of its own, "
                    + ("with the name 'world' when none is given." if not args else "for the name given."),
                ),
            ),
        )


#: The greeting of the folder's messages.py while an archive runs: an archive must not reach it.
FOLDER_MESSAGES = 'def greeting(name):\n    return f"Greetings from the folder, {name}!"\n'


def make_archive(student, make) -> None:
    """Make an archive of greetapp/ holding ARCHIVE_MESSAGES (``make()``), then change the folder's messages.py."""
    student.write("greetapp/messages.py", ARCHIVE_MESSAGES)
    make(student.path / "greetapp")
    student.write("greetapp/messages.py", FOLDER_MESSAGES)


def run_archive(student, archive: str, name: str, doing: str) -> None:
    """Run an archive made by make_archive from the folder that holds greetapp/, and judge what it printed."""
    expected = f"Greetings from the archive, {name}!"
    done = student.run_script(archive, name)
    from_folder = done.stdout.strip() == f"Greetings from the folder, {name}!"
    by_path = (done.uncaught or "").startswith(("FileNotFoundError", "NotADirectoryError", "OSError"))
    if from_folder:
        hint = (
            "an archive runs on its own files: its top is sys.path[0], so messages is found there, not in "
            "greetapp/ nor from the working directory."
        )
    elif by_path:
        hint = (
            "a file inside an archive has no path of its own on disk: let the import system find messages on "
            "sys.path."
        )
    elif done.stdout.splitlines() == [expected]:
        hint = greeted_hint(done)
    else:
        hint = hint_for(
            done,
            greeting_hint(
                done, expected, "__main__.py should print messages.greeting(name), not a greeting of its own."
            ),
        )
    expect(
        greets(done, expected),
        expected=(
            f"`python {archive} {name}`, {doing}, to print what the messages.py inside the archive "
            f"returns, and nothing else: with the check's own, {expected!r}"
        ),
        saw=ending(done)
        + (", the greeting the check put in greetapp/messages.py, beside the archive" if from_folder else ""),
        hint=hint,
    )


@pytest.mark.points(2)
def test_a_zip_of_the_folder_runs(student):
    def zip_folder(folder):
        with zipfile.ZipFile(student.path / "greetapp.zip", "w") as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    archive.write(path, path.relative_to(folder).as_posix())

    make_archive(student, zip_folder)
    run_archive(student, "greetapp.zip", "zoe", "a zip of the folder's files")


@pytest.mark.points(1)
def test_a_zipapp_runs(student):
    try:
        make_archive(student, lambda folder: zipapp.create_archive(folder, student.path / "greet.pyz"))
    except (zipapp.ZipAppError, OSError) as exc:
        expect(
            False,
            expected='zipapp.create_archive("greetapp", "greet.pyz") to make an archive',
            saw=f"it failed: {exc}",
            hint="zipapp needs greetapp/__main__.py: it is the archive's entry point.",
        )
    run_archive(student, "greet.pyz", "Max", 'made by zipapp.create_archive("greetapp", "greet.pyz")')


@pytest.mark.points(1)
def test_loading_it_under_another_name_prints_nothing(student):
    code = CAPTURE + textwrap.dedent(
        """
        import runpy
        sys.argv = ["greetapp", "Eve"]
        # The caller's sys.path and sys.argv: loading the module leaves them as they were.
        state = [list(sys.path), list(sys.argv)]
        # What `python greetapp Eve` does, but under a name other than "__main__" (and than the README's example).
        report(step="loading")
        out, err, entry, error = captured(runpy.run_path, "greetapp", run_name="greeter_under_test")
        report(loading=out + err, changed=None if [sys.path, sys.argv] == state else [sys.path, sys.argv, state])
        if error is not None:
            raise error
        report(has_main=callable(entry.get("main")))
        # run_path took the folder off sys.path again; a program run as the folder
        # always has it there, so main may import messages when it is called.
        sys.path.insert(0, os.path.abspath("greetapp"))
        for name, argv in (("named", ["Bo"]), ("unnamed", [])) if callable(entry.get("main")) else ():
            report(step=name)
            out, err, _, error = captured(entry["main"], argv)
            report(**{name: out})
            if error is not None:
                raise error
        report(step=None)
        """
    )
    probe = student.probe(code)
    doing = "loading greetapp/__main__.py under another name, and calling its main, to run to their end"
    expect_completed(probe.completed, doing, probe.stuck)
    if not probe.finished:
        raise StudentCrash(doing, probe.completed.describe_end(), probe.output)
    seen, error = probe.values, probe.error
    step = seen.get("step") if error else None
    loading = seen.get("loading", "").strip()
    expect(
        step != "loading" and not loading,
        expected=(
            "runpy.run_path('greetapp', run_name='greeter_under_test') to load __main__.py under that name, "
            "printing nothing"
        ),
        saw=(f"it printed {loading[:120]!r}" if loading else "it printed nothing")
        + (f" and raised {error.summary}" if step == "loading" else ""),
        hint=hint_for_loading(error if step == "loading" else None),
    )
    expect(
        seen.get("has_main"),
        expected="__main__.py to define a function main(argv)",
        saw="__main__.py defines no function main",
        hint="put the program in main(argv): it greets argv[0], or the world when argv is empty.",
    )
    for name, call, expected in (("named", "main(['Bo'])", "Hello, Bo!"), ("unnamed", "main([])", "Hello, world!")):
        printed = seen.get(name, "")
        raised = step == name
        expect(
            not raised and printed.splitlines() == [expected],
            expected=f"{call} to print {expected!r}, with sys.argv holding ['greetapp', 'Eve']",
            saw=(f"{call} raised {error.summary}" + (f" after printing {printed.strip()!r}" if printed.strip() else ""))
            if raised
            else f"{call} printed {printed.strip()[:120]!r}",
            hint=loading_hint(error)
            if raised
            else "main greets the name in the list it is given, argv[0], or the world when that list is empty; "
            "it never reads sys.argv.",
        )
    changed = seen.get("changed")
    if changed:
        path, argv, (path_before, argv_before) = changed
        if path != path_before:
            added = [entry for entry in path if entry not in path_before] or path[:2]
            saw = f"it left sys.path changed: now it holds {student.shown_paths(added)}" + (
                " first" if path[:1] != path_before[:1] else ""
            )
        else:
            saw = f"it left sys.argv changed: {argv_before!r} became {argv!r}"
        expect(
            False,
            expected="runpy.run_path('greetapp', run_name='greeter_under_test') to leave the caller's sys.path and "
            "sys.argv as they were",
            saw=saw,
            hint="whoever runs __main__.py has its folder (or archive) first on sys.path already, and a program "
            "that loads it keeps its own sys.path: change neither sys.path nor sys.argv.",
        )
