"""``python -m grader [SELECTOR ...]``: grade exercises and report.

Exit codes: 0 every selected check passed, 1 some check did not,
2 usage error, 3 the grader itself failed, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import os
import sys
import tempfile
from pathlib import Path

from . import course

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_GRADER = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # the shells' 128 + SIGINT

#: Longest time limit accepted for one interpreter (a check is meant to take well under a second).
MAX_TIMEOUT = 3600.0


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not (0 < value <= MAX_TIMEOUT) or math.isnan(value):
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds above 0 and at most {MAX_TIMEOUT:g}")
    return value


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give 0 (choose for me) or a number of workers from 1 up")
    return value


class _Help(argparse.HelpFormatter):
    """Fills in the default time limit (runner.Limits, its one source) only when help is shown."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.dest == "timeout":
            from .runner import Limits

            return f"{action.help} (default {Limits().timeout:g})"
        return action.help


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m grader",
        description="Grade the Import Lab exercises in fresh, isolated interpreters.",
        epilog="Exit codes: 0 all checks passed, 1 some failed, 2 usage error, 3 the grader failed, 130 interrupted.",
        formatter_class=_Help,
    )
    p.add_argument(
        "selectors",
        nargs="*",
        metavar="SELECTOR",
        help="a section (8.2), a section or exercise folder (exercises/8.2-module-caching/import-once, "
        "also absolute, or in another workspace such as solutions/), 8.2/import-once, or an exercise id; "
        "none means all",
    )
    p.add_argument(
        "--workspace",
        type=Path,
        default=None,
        metavar="DIR",
        help="grade the exercise files under DIR (same layout as exercises/: DIR/8.2-module-caching/import-once), "
        "e.g. --workspace solutions",
    )
    p.add_argument("--list", action="store_true", help="list the exercises instead of grading them")
    p.add_argument(
        "--full",
        action="store_true",
        help="show every check of every exercise (by default, when several exercises fail, the report shows "
        "one line for each (or each section not started), then the first unfinished exercise in full)",
    )
    p.add_argument("--json", metavar="PATH", help="write the JSON report to PATH ('-' for standard output)")
    p.add_argument("--junit", metavar="PATH", help="write a JUnit XML report to PATH ('-' for standard output)")
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="time limit for each interpreter a check starts",
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="workers grading exercises at once (default 0: one per core, with two exercises or more for each)",
    )
    return p


def _robust_streams() -> None:
    """A console that cannot show a character (cp1252 and a student's "✓") shows an escape, never crashes."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the command line; whatever goes wrong inside, the exit code keeps its meaning."""
    _robust_streams()
    try:
        return run(argv)
    except KeyboardInterrupt:
        _say("Interrupted (Ctrl-C).")
        return EXIT_INTERRUPTED
    except Exception as exc:  # never exit 1 ("checks failed") for a crash, nor show a traceback to a student
        _say(
            f"The grader failed ({type(exc).__name__}: {exc}). "
            "This is not about your code: please tell your instructor."
        )
        return EXIT_GRADER


def _usage(message: str) -> int:
    _say(f"error: {message}")
    return EXIT_USAGE


def output_problem(destination: str | None, what: str) -> str | None:
    """Why a report could not be written to ``destination`` (None if it can be, or if there is none)."""
    if destination is None or destination == "-":
        return None
    path = Path(destination)
    if path.is_dir():
        return f"cannot write the {what} report to {destination}: it is a folder"
    if path.exists():
        return None if os.access(path, os.W_OK) else f"cannot write the {what} report to {destination}: it is read-only"
    folder = path.parent
    if not folder.is_dir():
        return f"cannot write the {what} report to {destination}: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK):
        return f"cannot write the {what} report to {destination}: the folder {folder} is read-only"
    return None


def shown(path: Path) -> str:
    """A folder as the user would type it: relative to the current directory when it is below it."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # exits 2 on a usage error
    if args.json == "-" and args.junit == "-":
        return _usage("--json - and --junit - cannot both use standard output")
    if args.list and args.junit:
        return _usage("--list has no JUnit form: use --list --json PATH")
    for destination, what in ((args.json, "JSON"), (args.junit, "JUnit")):
        problem = output_problem(destination, what)
        if problem:
            return _usage(problem)
    if args.json and args.junit and args.json != "-" and Path(args.json).resolve() == Path(args.junit).resolve():
        return _usage("--json and --junit name the same file")
    if args.workspace is not None and not args.workspace.is_dir():
        return _usage(f"the workspace {args.workspace} is not a folder")
    all_exercises = course.discover()
    try:
        exercises, workspace = course.resolve(all_exercises, args.selectors, args.workspace)
    except course.UsageError as exc:
        return _usage(str(exc))
    if not workspace.is_dir():
        return _usage(f"the workspace {shown(workspace)} is not a folder")
    missing = [e for e in exercises if not e.folder(workspace).is_dir()]
    if missing and len(missing) == len(exercises):
        return _usage(missing_folders(workspace, missing, all_exercises))
    default_workspace = workspace == (course.COURSE_ROOT / "exercises").resolve()
    label = None if default_workspace else shown(workspace)

    from . import console, report

    if args.list:
        listing = report.build(exercises, None)
        if args.json:
            report.write_json(listing, args.json)
        if args.json != "-":
            sys.stdout.write(console.render_listing(listing, label, frozenset(e.id for e in missing)))
        return EXIT_OK

    if pytest_missing():
        return _without_pytest(args, sys.argv[1:] if argv is None else argv, exercises)
    results, failure, interrupted = grade(exercises, workspace, args.timeout, args.jobs)
    if not interrupted:
        return _finish(args, all_exercises, exercises, workspace, results, failure, default_workspace, label, interrupted)
    _say("Grading was interrupted (Ctrl-C): the report marks the checks that did not finish.")
    with _sigint_ignored():  # a second Ctrl-C must not cut the reports short
        return _finish(args, all_exercises, exercises, workspace, results, failure, default_workspace, label, interrupted)


@contextlib.contextmanager
def _sigint_ignored():
    import signal

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def pytest_missing() -> bool:
    """Whether this Python lacks pytest, which grading needs (``nox -s grade`` installs it; --list does not need it)."""
    import importlib.util

    try:
        return importlib.util.find_spec("pytest") is None
    except (ImportError, ValueError):
        return True


def without_pytest_message(argv: list[str]) -> str:
    """What to do when this Python has no pytest: grade through nox, which installs it, with the same arguments."""
    import shlex

    command = "nox -s grade" + (" -- " + " ".join(shlex.quote(a) for a in argv) if argv else "")
    return (
        f"The grader needs pytest, and this Python ({sys.executable}) does not have it. "
        f"Grade with nox instead, which installs it once into .nox/: {command}\n"
        "Nothing was graded, and your saved progress is unchanged."
    )


def _without_pytest(args, argv: list[str], exercises: list[course.Exercise]) -> int:
    """No grading without pytest: say how to grade, write the reports asked for (an error each), record nothing."""
    from . import report
    from .report import Check

    message = without_pytest_message(argv)
    _say(message)
    results = {
        e.id: [
            Check(name="pytest", max_score=course.suite_points(e.suite), status="error", message=message, finished=True)
        ]
        for e in exercises
    }
    full = report.build(exercises, results)
    for destination, write in ((args.json, report.write_json), (args.junit, report.write_junit)):
        if destination:
            try:
                write(full, destination)
            except OSError as exc:
                _say(f"could not write {destination}: {exc.strerror or exc}")
    return EXIT_GRADER


def missing_folders(workspace: Path, missing: list[course.Exercise], everything: list[course.Exercise]) -> str:
    """Why grading cannot start: not one selected exercise has its folder in the workspace."""
    where = shown(workspace)
    expected = ", ".join(f"{where}/{e.path}" for e in missing[:3]) + (" and others" if len(missing) > 3 else "")
    what = "the selected exercise" if len(missing) == 1 else f"any of the {len(missing)} selected exercises"
    message = f"the workspace {where} has no folder for {what}: expected {expected}."
    sections = {e.section for e in everything}
    ids = {e.id for e in everything}
    if workspace.name in sections or workspace.name in ids or any(p.name in sections for p in workspace.parents):
        message += (
            f" --workspace names the folder that holds the section folders (like exercises/ or solutions/),"
            f" not a section or exercise folder: try --workspace {shown(_workspace_root(workspace, sections))}"
        )
    return message


def _workspace_root(folder: Path, sections: set[str]) -> Path:
    for candidate in (folder, *folder.parents):
        if candidate.name in sections:
            return candidate.parent
    return folder


def _finish(args, all_exercises, exercises, workspace, results, failure, default_workspace, label, interrupted) -> int:
    from . import console, report

    if failure:
        _say(f"The grader failed; the report marks what it could not grade:\n{failure}")
    full = report.build(exercises, results)
    progress_rows = following = None
    if default_workspace and not interrupted:
        # The student's own exercises: remember where they are (never used for grading), only from a
        # grading that finished; progress.record leaves out any exercise the grader failed to grade.
        from . import progress

        state = progress.record(full)
        progress_rows = progress.summary(all_exercises, state)
        following = progress.next_exercise(all_exercises, state)
    unwritten = []
    writers = (
        (args.json, lambda path: report.write_json(full, path)),
        (args.junit, lambda path: report.write_junit(full, path, results)),
    )
    for destination, write in writers:
        if destination:
            try:
                write(destination)
            except OSError as exc:
                unwritten.append(f"could not write {destination}: {exc.strerror or exc}")
    human = sys.stderr if "-" in (args.json, args.junit) else sys.stdout
    text = console.render(
        full, human, course.hidden_checks(), progress_rows, label, interrupted, full=args.full, following=following
    )
    human.write(text)
    sections = {e.section for e in exercises}
    for stray in course.strays(workspace, all_exercises):
        if stray.partition("/")[0] in sections:
            human.write(f"Not graded: {shown(workspace)}/{stray} has no checks: it is not an exercise of this course.\n")
    human.flush()
    for problem in unwritten:
        _say(f"The grader failed: {problem}")
    if interrupted:
        return EXIT_INTERRUPTED
    statuses = {c["status"] for e in full["exercises"] for c in e["checks"]}
    if failure or unwritten or "error" in statuses:
        return EXIT_GRADER
    return EXIT_OK if statuses <= {"pass"} else EXIT_FAILED


#: pytest's built-in plugins that grading does without: each left out is time
#: saved in every grading process and worker. They are blocked on the
#: command line because only there does ``-p no:NAME`` stop pytest from
#: importing a plugin at all; in pytest.ini's addopts it is imported first
#: (a fifth of a second for these, here). unraisableexception and
#: threadexception watch the grader's own process, where no student code ever
#: runs; the first would end every session with full garbage collections.
UNUSED_PLUGINS = (
    "cacheprovider", "logging", "warnings", "doctest", "junitxml", "pastebin", "unittest", "stepwise",
    "legacypath", "tmpdir", "monkeypatch", "recwarn", "setuponly", "setupplan", "faulthandler",
    "unraisableexception", "threadexception", "subtests", "debugging",
)  # fmt: skip


def workers_for(exercises: list[course.Exercise], jobs: int) -> int:
    """How many workers (grader.workers): one per core, with two exercises or more for each.

    A worker costs a process and an import of pytest, about what one short
    exercise costs: two exercises are graded as fast one after the other.
    """
    if jobs > 0:
        return jobs
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, (len(exercises) + 1) // 2))


def grade(exercises: list[course.Exercise], workspace: Path, timeout: float | None = None, jobs: int = 0):
    """Run the exercises' suites with pytest, here or in workers; student code runs only in children.

    Returns the checks of every exercise, what went wrong in the grader
    itself (empty if nothing did), and whether grading was interrupted
    (Ctrl-C). The report is always complete: every check pytest collected
    is there (one that never finished is an error saying so), and an
    exercise that could not be graded gets one check with status "error"
    worth the points its suite declares.
    """
    from .report import Check, Collector
    from . import stubs
    from .report import for_beginners

    graded = [e for e in exercises if e.folder(workspace).is_dir()]
    # The workspace as messages name it: the student's own is exercises/, as the reports call it.
    where = "exercises" if workspace.resolve() == (course.COURSE_ROOT / "exercises").resolve() else shown(workspace)
    suites = [e.suite for e in graded if e.suite.is_file()]
    workers = workers_for(graded, jobs) if suites else 1
    collector = Collector()
    failure = ""
    interrupted = False
    captured = io.StringIO()
    try:
        # Only the plugins the grader names: whatever else is installed next to
        # pytest cannot change a verdict, and does not cost start-up time.
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        # Workers are new processes: they load the plugin by name, from this course.
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(course.COURSE_ROOT), os.environ.get("PYTHONPATH")]))
        args = [
            *map(str, suites),
            "-p",
            "grader.plugin",
            "-c",
            str(course.SUITES / "pytest.ini"),
            "--rootdir",
            str(course.SUITES),
            "--workspace",
            str(workspace),
            "--continue-on-collection-errors",
            *(arg for name in UNUSED_PLUGINS for arg in ("-p", f"no:{name}")),
        ]
        if timeout is not None:
            args += ["--check-timeout", str(timeout)]
        if suites:
            # Every verdict is in by the time it is removed: a file something else still holds
            # open there (on Windows, an antivirus scan) must not turn a finished report into exit 3.
            with tempfile.TemporaryDirectory(prefix="import-lab-run-", ignore_cleanup_errors=True) as memo_dir:
                args += ["--memo-dir", memo_dir]
                from . import workers as shared

                if workers > 1:
                    collector, failure, interrupted = shared.run(
                        args, workers, Path(memo_dir), dict(os.environ), course.COURSE_ROOT
                    )
                else:
                    with contextlib.redirect_stdout(captured):
                        interrupted, failure = shared.run_pytest(args, collector)
                    if failure:
                        failure = captured.getvalue()[-4000:] or failure
    except KeyboardInterrupt:  # before pytest started, or a second Ctrl-C while it stopped
        interrupted = True
    collector.finish(interrupted)
    for name, why in collector.broken_suites.items():
        failure += f"\nCould not load {name}:\n{why}"

    results = {}
    starting = [e for e in graded if not any(c.status == "pass" for c in collector.for_suite(e.suite))]
    given = stubs.as_given(starting, workspace) if starting else {}
    for e in exercises:
        checks = collector.for_suite(e.suite)
        rel = _course_path(e.suite)
        if e not in graded:
            checks = [
                Check(
                    name="folder",
                    max_score=course.suite_points(e.suite),
                    status="fail",
                    message=f"This exercise's folder is missing: expected {shown(e.folder(workspace))}. "
                    "Put it back (for example with git) to have it graded.",
                    finished=True,
                )
            ]
        elif not e.suite.is_file():
            checks = [Check(name="suite", max_score=1, message=f"No checks exist for this exercise ({rel} is missing).")]
        elif e.suite.name in collector.broken_suites:
            checks = [
                Check(
                    name="suite",
                    max_score=course.suite_points(e.suite),
                    message=f"The checks for this exercise could not be loaded: {rel} has an error"
                    f" ({_load_error(e.suite, collector.broken_suites[e.suite.name])})."
                    " This is a bug in the course, not in your code: please tell your instructor.",
                )
            ]
        elif not checks:
            from .report import INTERRUPTED, STOPPED

            checks = [
                Check(name="suite", max_score=course.suite_points(e.suite), message=INTERRUPTED if interrupted else STOPPED)
            ]
        results[e.id] = for_beginners(checks, e.path, where, given.get(e.id))
    return results, failure, interrupted


def _course_path(path: Path) -> str:
    try:
        return path.relative_to(course.COURSE_ROOT).as_posix()
    except ValueError:
        return str(path)


def _load_error(suite: Path, longrepr: str) -> str:
    """One line saying why a suite could not be imported: a SyntaxError found by compiling it, else pytest's last error line."""
    try:
        compile(suite.read_bytes(), str(suite), "exec", dont_inherit=True)
    except SyntaxError as exc:
        return f"SyntaxError: {exc.msg}, line {exc.lineno}"
    except (OSError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    errors = [line[1:].strip() for line in longrepr.splitlines() if line.startswith("E ") and line[1:].strip()]
    lines = [line.strip() for line in longrepr.splitlines() if line.strip()]
    return (errors or lines or ["unknown error"])[-1][:300]
